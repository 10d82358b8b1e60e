import type { ProviderPlugin } from '../provider-plugin'
import { createAnthropicPlugin } from './anthropic/anthropic-plugin'

export const anthropicPlugin: ProviderPlugin<'anthropic'> = createAnthropicPlugin()
