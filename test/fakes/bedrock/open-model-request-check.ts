/**
 * What Bedrock refuses in a Converse request to an open model (400 ValidationException), with the
 * messages reported from the live service: stop sequences to gpt-oss ("This model doesn't support
 * the stopSequences field …", crewAIInc/crewAI#3317) and to Mistral Large / Pixtral (a bare
 * "Validation Error", BerriAI/litellm#5592), and a forced tool choice to Llama
 * (maximhq/bifrost#3196, strands-agents/harness-sdk#1241). Returns the message, or undefined.
 */
export function checkOpenModelConverse(modelId: string, json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined
  const body = json as {
    inferenceConfig?: { stopSequences?: unknown }
    toolConfig?: { toolChoice?: Record<string, unknown> }
  }
  const id = modelId.replace(/^(us|eu|apac|global)\./, '')
  const stop = body.inferenceConfig?.stopSequences !== undefined
  if (id.startsWith('openai.gpt-oss') && stop) {
    return "This model doesn't support the stopSequences field. Remove stopSequences and try again."
  }
  if (/^mistral\.(mistral-large|pixtral-large)/.test(id) && stop) {
    return 'The model returned the following errors: Validation Error'
  }
  const choice = body.toolConfig?.toolChoice
  if (id.startsWith('meta.llama') && choice) {
    const forced = ['any', 'tool'].find((name) => name in choice)
    if (forced) {
      return `This model doesn't support the toolConfig.toolChoice.${forced} field. Remove toolConfig.toolChoice.${forced} and try again.`
    }
  }
  return undefined
}
