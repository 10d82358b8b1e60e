import type { ProviderPlugin } from '../../../packages/llm/src/provider-plugin'
import { createEchoPlugin } from './echo-plugin'

/** The entry the registry's `load` imports (packages/llm/src/providers/<id>.ts for a real provider). */
export const echoPlugin: ProviderPlugin = createEchoPlugin({ chatPath: '/v1/echo' })
