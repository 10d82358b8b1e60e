import { CatalogSchema, type Catalog, type CatalogModel } from './catalog/catalog-schema'
import { invalidRequest } from './errors/normalize-error'
import { entryOf, isProviderId } from './registry'
import { unsupported, unsupportedEach } from './unsupported-codes'
import type {
  Connection,
  ModelCapabilities,
  ModelInfo,
  ParameterName,
  ParameterSupport,
  ProviderId,
} from './types'

/** What every parameter looks like before provider rules and the catalog narrow it. */
function baseParameters(model: string): Record<ParameterName, ParameterSupport> {
  const notReasoning = (parameter: ParameterName) =>
    unsupported('not_reasoning_model', 'This model does not reason.', { model, parameter })
  return {
    temperature: { support: 'supported', min: 0, max: 2, default: 1 },
    top_p: { support: 'supported', min: 0, max: 1, default: 1 },
    max_tokens: { support: 'supported', min: 1 },
    max_completion_tokens: { support: 'supported', min: 1 },
    n: { support: 'supported', min: 1, max: 8, default: 1 },
    stop: { support: 'supported' },
    seed: { support: 'supported' },
    presence_penalty: { support: 'supported', min: -2, max: 2, default: 0 },
    frequency_penalty: { support: 'supported', min: -2, max: 2, default: 0 },
    tools: { support: 'supported' },
    tool_choice: { support: 'supported' },
    response_format: { support: 'supported' },
    reasoning_effort: notReasoning('reasoning_effort'),
    thinking_budget: notReasoning('thinking_budget'),
  }
}

const catalogs = new Map<ProviderId, Catalog>()

export function catalogOf(provider: ProviderId): Catalog {
  let catalog = catalogs.get(provider)
  if (!catalog) {
    catalog = CatalogSchema.parse(entryOf(provider).catalog)
    catalogs.set(provider, catalog)
  }
  return catalog
}

/** Exact id or alias first, then the longest catalog id the model id extends (dated snapshots). */
export function findCatalogModel(catalog: Catalog, id: string): CatalogModel | undefined {
  const exact = catalog.models.find((m) => m.id === id || m.aliases?.includes(id))
  if (exact) return exact
  let best: CatalogModel | undefined
  for (const model of catalog.models) {
    for (const candidate of [model.id, ...(model.aliases ?? [])]) {
      const extends_ = id.startsWith(candidate) && /^[-@:.]/.test(id.slice(candidate.length))
      if (extends_ && candidate.length > (best?.id.length ?? 0)) best = model
    }
  }
  return best
}

export interface CapabilityOptions {
  /**
   * The model whose rules, capabilities and prices apply (an Azure deployment's base model, as
   * the connection's `baseModels` says); default: `model` itself.
   */
  baseModel?: string
}

/**
 * What a model accepts, from the provider's rules and the model catalog; unknown models get
 * conservative defaults (`known: false`). `model` is what is sent; `options.baseModel`, when
 * given, is what the rules and the catalog are looked up by.
 */
export function capabilities(
  provider: ProviderId,
  model: string,
  options: CapabilityOptions = {},
): ModelCapabilities {
  if (!isProviderId(provider)) {
    throw invalidRequest(provider, `Unknown provider "${String(provider)}".`)
  }
  const { descriptor } = entryOf(provider)
  const catalog = catalogOf(provider)
  const ruleModel = options.baseModel?.trim() || model
  const entry = findCatalogModel(catalog, descriptor.catalogId?.(ruleModel) ?? ruleModel)
  const parameters: Record<ParameterName, ParameterSupport> = {
    ...baseParameters(ruleModel),
    ...(entry?.reasoning || !entry ? reasoningOpen() : {}),
    ...descriptor.parameterRules(ruleModel),
  }
  if (entry && !entry.tools) {
    const reason = () => `${entry.label} does not support tool calling.`
    const details = { model: entry.label }
    Object.assign(
      parameters,
      unsupportedEach(['tools', 'tool_choice'], 'no_tool_calling', reason, details),
    )
  }
  if (entry && !entry.reasoning) {
    const reason = () => `${entry.label} is not a reasoning model.`
    const names = ['reasoning_effort', 'thinking_budget'] as const
    const details = { model: entry.label }
    Object.assign(parameters, unsupportedEach(names, 'not_reasoning_model', reason, details))
  }
  Object.assign(parameters, entry?.parameters)

  return {
    provider,
    model,
    known: entry !== undefined,
    label: entry?.label ?? model,
    ...(entry ? { canonicalModel: entry.canonical ?? entry.id } : {}),
    contextWindow: entry?.contextWindow ?? catalog.unknownModel.contextWindow,
    maxOutputTokens: entry?.maxOutputTokens ?? catalog.unknownModel.maxOutputTokens,
    modalities: { input: entry?.input ?? ['text', 'image'], output: entry?.output ?? ['text'] },
    tools: entry?.tools ?? true,
    reasoning: entry?.reasoning ?? false,
    ...(entry?.price ? { price: { ...entry.price, checkedAt: catalog.pricesCheckedAt } } : {}),
    parameters,
  }
}

/** Unknown models may reason: leave the reasoning parameters to the provider's rules. */
function reasoningOpen(): Partial<Record<ParameterName, ParameterSupport>> {
  return {
    reasoning_effort: { support: 'supported' },
    thinking_budget: { support: 'supported', min: 0 },
  }
}

/** The catalog's models for a provider, as suggestions (`listed: false`). */
export function catalogModels(provider: ProviderId): ModelInfo[] {
  if (!isProviderId(provider)) {
    throw invalidRequest(provider, `Unknown provider "${String(provider)}".`)
  }
  return catalogOf(provider).models.map((entry) => ({
    id: entry.id,
    provider,
    label: entry.label,
    listed: false,
    capabilities: capabilities(provider, entry.id),
  }))
}

/**
 * The model whose rules, capabilities and prices apply to `model` on this connection, when the
 * connection says (an Azure deployment's base model, from `baseModels`); undefined otherwise.
 * Only the connection's non-secret fields are read.
 */
export function baseModelOf(connection: Connection, model: string): string | undefined {
  if (!isProviderId(connection.provider)) return undefined
  const { descriptor } = entryOf(connection.provider) as unknown as {
    descriptor: { baseModel?: (model: string, connection: Connection) => string | undefined }
  }
  return descriptor.baseModel?.(model, connection)
}
