import type { ProviderPlugin } from '../provider-plugin'
import { createBedrockPlugin } from './bedrock/bedrock-plugin'

export const bedrockPlugin: ProviderPlugin<'bedrock'> = createBedrockPlugin()
