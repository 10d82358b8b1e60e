/** Every request parameter whose support `capabilities()` reports, in the order forms show them. */
export const PARAMETER_NAMES = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'n',
  'stop',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'tools',
  'tool_choice',
  'response_format',
  'reasoning_effort',
  'thinking_budget',
] as const
