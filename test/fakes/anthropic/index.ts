export { ANTHROPIC_FAKE_KEY, startAnthropicFake, type AnthropicFakeOptions } from './anthropic-fake'
