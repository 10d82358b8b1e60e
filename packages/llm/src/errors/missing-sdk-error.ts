import type { ProviderId } from '../types'
import { withHint } from './hint-codes'
import { LlmError } from './llm-error'

/** Node's words for a package that is not installed (ESM and CommonJS resolution). */
const NOT_FOUND = /Cannot find (?:package|module) '([^']+)'/

/**
 * The error for a provider whose SDK is not installed (each SDK is an optional dependency,
 * loaded on the provider's first use), naming the package to install; undefined for any other
 * failure to load, which stays as it was.
 */
export function missingSdkError(provider: ProviderId, error: unknown): LlmError | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined
  const specifier = NOT_FOUND.exec(String((error as Error).message))?.[1]
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) return undefined
  const packageName = packageOf(specifier)
  return new LlmError({
    kind: 'invalid_request',
    provider,
    code: 'sdk_not_installed',
    message: `The ${provider} provider needs the package "${packageName}", which is not installed.`,
    ...withHint('install_package', `Install it: npm install ${packageName}`, {
      package: packageName,
    }),
  })
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}
