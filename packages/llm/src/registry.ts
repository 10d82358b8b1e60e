import type { Catalog } from './catalog/catalog-schema'
import anthropicCatalog from './catalog/anthropic.json'
import azureCatalog from './catalog/azure.json'
import bedrockCatalog from './catalog/bedrock.json'
import geminiCatalog from './catalog/gemini.json'
import openaiCompatibleCatalog from './catalog/openai-compatible.json'
import openaiCatalog from './catalog/openai.json'
import vertexCatalog from './catalog/vertex.json'
import { missingSdkError } from './errors/missing-sdk-error'
import type { ProviderDescriptor, ProviderPlugin } from './provider-plugin'
import { PROVIDER_IDS } from './provider-ids'
import { anthropicDescriptor } from './providers/anthropic/anthropic-descriptor'
import { bedrockDescriptor } from './providers/bedrock/bedrock-descriptor'
import { geminiDescriptor } from './providers/google/gemini-descriptor'
import { vertexDescriptor } from './providers/google/vertex-descriptor'
import { azureDescriptor } from './providers/openai/azure-descriptor'
import { openaiCompatibleDescriptor } from './providers/openai/openai-compatible-descriptor'
import { openaiDescriptor } from './providers/openai/openai-descriptor'
import type { ProviderId } from './types'

interface RegistryEntry<P extends ProviderId> {
  descriptor: ProviderDescriptor<P>
  /** Raw catalog data; validated on first use. */
  catalog: unknown
  /** Loads the plugin (and with it the provider's SDK) on first use. */
  load: () => Promise<ProviderPlugin<P>>
}

/** Exactly one entry per id of PROVIDER_IDS: a missing or an extra one is a compile error. */
type Registry = { [P in ProviderId]: RegistryEntry<P> }

/**
 * Adding a provider: one plugin file, one descriptor, one catalog, its id in PROVIDER_IDS
 * (provider-ids.ts), and one entry here.
 */
export const registry: Registry = {
  openai: {
    descriptor: openaiDescriptor,
    catalog: openaiCatalog,
    load: async () => (await import('./providers/openai')).openaiPlugin,
  },
  anthropic: {
    descriptor: anthropicDescriptor,
    catalog: anthropicCatalog,
    load: async () => (await import('./providers/anthropic')).anthropicPlugin,
  },
  azure: {
    descriptor: azureDescriptor,
    catalog: azureCatalog,
    load: async () => (await import('./providers/azure')).azurePlugin,
  },
  bedrock: {
    descriptor: bedrockDescriptor,
    catalog: bedrockCatalog,
    load: async () => (await import('./providers/bedrock')).bedrockPlugin,
  },
  gemini: {
    descriptor: geminiDescriptor,
    catalog: geminiCatalog,
    load: async () => (await import('./providers/gemini')).geminiPlugin,
  },
  vertex: {
    descriptor: vertexDescriptor,
    catalog: vertexCatalog,
    load: async () => (await import('./providers/vertex')).vertexPlugin,
  },
  'openai-compatible': {
    descriptor: openaiCompatibleDescriptor,
    catalog: openaiCompatibleCatalog,
    load: async () => (await import('./providers/openai-compatible')).openaiCompatiblePlugin,
  },
}

export function isProviderId(value: unknown): value is ProviderId {
  return (PROVIDER_IDS as readonly unknown[]).includes(value)
}

export function entryOf<P extends ProviderId>(provider: P): RegistryEntry<P> {
  return registry[provider] as unknown as RegistryEntry<P>
}

const plugins = new Map<ProviderId, Promise<ProviderPlugin<ProviderId>>>()

export function loadPlugin<P extends ProviderId>(provider: P): Promise<ProviderPlugin<P>> {
  let pending = plugins.get(provider)
  if (!pending) {
    pending = entryOf(provider)
      .load()
      .catch((error: unknown) => {
        throw missingSdkError(provider, error) ?? error
      }) as unknown as Promise<ProviderPlugin<ProviderId>>
    pending.catch(() => plugins.delete(provider))
    plugins.set(provider, pending)
  }
  return pending as unknown as Promise<ProviderPlugin<P>>
}

export type { Catalog }
