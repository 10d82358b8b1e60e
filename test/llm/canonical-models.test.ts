import { describe, expect, it } from 'vitest'
import {
  baseModelOf,
  capabilities,
  catalogModels,
  PROVIDER_IDS,
  type ProviderId,
} from '../../packages/llm/src/index'

/*
 * One name for a model across clouds: every catalog model has a canonical id, the same model on
 * two clouds shares it, and it is the model's id on its maker's own API.
 */

interface Entry {
  provider: ProviderId
  id: string
  label: string
  canonical: string
}

const entries: Entry[] = PROVIDER_IDS.flatMap((provider) =>
  catalogModels(provider).map((model) => ({
    provider,
    id: model.id,
    label: model.label,
    canonical: model.capabilities.canonicalModel ?? '',
  })),
)

/**
 * A model's name as the catalogs label it, without what only says where it runs ("(Ollama)")
 * or the variant every cloud serves ("Instruct", "Vision"): "Llama 3.3 70B (Ollama)" and
 * "Llama 3.3 70B Instruct" are one model; "Mistral Large" and "Mistral Large (24.07)" are not.
 */
function sameName(label: string): string {
  return label
    .toLowerCase()
    .replace(/\(ollama\)|\binstruct\b|\bvision\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const pairs = entries.flatMap((a, i) =>
  entries
    .slice(i + 1)
    .filter((b) => b.provider !== a.provider)
    .map((b) => [a, b] as const),
)

/** The model's maker's own API, where the catalogs have it. */
const MAKER_API: [RegExp, ProviderId][] = [
  [/^claude-/, 'anthropic'],
  [/^(gpt-(?!oss)|o\d)/, 'openai'],
  [/^gemini-/, 'gemini'],
]

describe('canonical model ids', () => {
  it('every catalog model has one', () => {
    expect(entries.length).toBeGreaterThan(100)
    for (const entry of entries)
      expect(entry.canonical, `${entry.provider} ${entry.id}`).not.toBe('')
  })

  it('two models on one cloud never share one', () => {
    for (const provider of PROVIDER_IDS) {
      const ids = entries.filter((e) => e.provider === provider).map((e) => e.canonical)
      expect(new Set(ids).size, provider).toBe(ids.length)
    }
  })

  it('is shared exactly by the models that are the same model on two clouds', () => {
    let shared = 0
    for (const [a, b] of pairs) {
      const same = sameName(a.label) === sameName(b.label)
      if (same) shared++
      expect(
        a.canonical === b.canonical,
        `${a.provider} ${a.id} (${a.label}) vs ${b.provider} ${b.id} (${b.label})`,
      ).toBe(same)
    }
    // Claude ×2 clouds, GPT on OpenAI and Azure, Gemini on two APIs, Llama and gpt-oss.
    expect(shared).toBeGreaterThanOrEqual(40)
  })

  it('is the id on the maker’s own API when that API is in the catalogs', () => {
    for (const entry of entries) {
      const maker = MAKER_API.find(([pattern]) => pattern.test(entry.canonical))?.[1]
      if (!maker || maker === entry.provider) continue
      const own = entries.find((e) => e.provider === maker && e.canonical === entry.canonical)
      // Retired on the maker's API: the maker's dated snapshot id.
      if (own === undefined) expect(entry.canonical, entry.id).toMatch(/-\d{8}$/)
      else expect(own.id).toBe(entry.canonical)
    }
  })

  it('names the same Claude, GPT, Gemini, Llama and gpt-oss alike on every cloud', () => {
    const canonical = (provider: ProviderId, model: string) =>
      capabilities(provider, model).canonicalModel
    expect(canonical('anthropic', 'claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5')
    expect(canonical('bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe(
      'claude-sonnet-4-5',
    )
    expect(canonical('bedrock', 'global.anthropic.claude-opus-4-6-v1')).toBe('claude-opus-4-6')
    expect(canonical('azure', 'gpt-4.1')).toBe(canonical('openai', 'gpt-4.1'))
    expect(canonical('vertex', 'gemini-2.5-pro')).toBe(canonical('gemini', 'gemini-2.5-pro'))
    expect(canonical('openai-compatible', 'meta-llama/llama-3.3-70b-instruct')).toBe(
      canonical('bedrock', 'us.meta.llama3-3-70b-instruct-v1:0'),
    )
    expect(canonical('openai-compatible', 'openai/gpt-oss-120b')).toBe('gpt-oss-120b')
    expect(canonical('bedrock', 'openai.gpt-oss-120b-1:0')).toBe('gpt-oss-120b')
    expect(canonical('openai', 'a-model-no-catalog-knows')).toBeUndefined()
  })

  it('follows an Azure deployment to its base model', () => {
    const connection = {
      provider: 'azure' as const,
      endpoint: 'https://example.openai.azure.com',
      apiKey: 'k',
      baseModels: 'my-deployment = o3',
    }
    const baseModel = baseModelOf(connection, 'my-deployment')
    expect(capabilities('azure', 'my-deployment', { baseModel }).canonicalModel).toBe('o3')
  })
})
