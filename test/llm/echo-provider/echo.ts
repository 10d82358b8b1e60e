import { createEchoPlugin } from './echo-plugin'

/** The entry the registry's `load` imports (src/llm/providers/<id>.ts for a real provider). */
export const echoPlugin = createEchoPlugin({ chatPath: '/v1/echo' })
