import type { ProviderId } from '../../../packages/llm/src/types'

/**
 * The throwaway provider's id. A real provider adds its id to PROVIDER_IDS, which puts it in the
 * `ProviderId` union; echo may not edit that file, so at type level it is named as a ProviderId
 * here and at run time echo-provider.test.ts adds it to PROVIDER_IDS with `vi.mock`.
 */
export const ECHO = 'echo' as ProviderId

/** What a `Connection` type in packages/llm/src/types.ts would declare for echo. */
export interface EchoConnection {
  provider: 'echo'
  apiKey: string
  baseURL: string
}

export function echoConnectionOf(connection: unknown): EchoConnection {
  return connection as EchoConnection
}
