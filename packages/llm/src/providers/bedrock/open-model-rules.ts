import type { ConverseStreamCommandInput } from '@aws-sdk/client-bedrock-runtime'
import { withHint } from '../../errors/hint-codes'
import { invalidRequest } from '../../errors/normalize-error'
import { noted } from '../../note-codes'
import type { ExtraField } from '../../request-fields'
import type { ChatRequest, ParameterName, ParameterSupport } from '../../types'
import { unsupported, unsupportedEach } from '../../unsupported-codes'
import { baseModelId, familyOf } from './bedrock-model-traits'

/**
 * One rule set for the open-weight families Bedrock serves through Converse (Llama, Mistral,
 * gpt-oss), so that a request reaches the model as it would on an OpenAI-compatible host that
 * serves the same weights: every field Converse carries for the model is sent with the same value,
 * and a field the model refuses on Bedrock is refused by name before the call. The references:
 * - gpt-oss: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 *   (max_completion_tokens, stop, temperature, top_p in inferenceConfig; every other field,
 *   reasoning_effort among them, in additionalModelRequestFields). Bedrock refuses stopSequences
 *   for it: "This model doesn't support the stopSequences field" (crewAIInc/crewAI#3317).
 * - Llama: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-meta.html
 *   (temperature 0–1, default 0.5; top_p 0–1, default 0.9; no top_k). Converse refuses
 *   toolChoice any and tool for Llama (strands-agents/harness-sdk#1241, maximhq/bifrost#3196).
 * - Mistral chat models (Large 2, Pixtral Large):
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-chat-completion.html
 *   (messages, tools, tool_choice auto|any|none, max_tokens, top_p, temperature: no stop, no
 *   top_k; a stop list is refused with "Validation Error", BerriAI/litellm#5592). Converse's
 *   toolChoice tool (a named function) is Claude's and Nova's only:
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolChoice.html
 * - Mistral instruct (text-completion) models:
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-text-completion.html
 *   (stop, temperature, top_p, top_k 1–200), without tool use in Converse:
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html
 */
export type OpenModelFamily = 'llama' | 'mistral-chat' | 'mistral-instruct' | 'gpt-oss'

type Rules = Partial<Record<ParameterName, ParameterSupport>>
type AdditionalFields = ConverseStreamCommandInput['additionalModelRequestFields']

const BEDROCK = 'Bedrock'
const MISTRAL_INSTRUCT =
  /^mistral\.(?:mistral-7b-instruct|mixtral-8x7b-instruct|mistral-small-2402)/

const LABEL: Record<OpenModelFamily, string> = {
  llama: 'Llama',
  'mistral-chat': 'Mistral chat models',
  'mistral-instruct': 'Mistral instruct models',
  'gpt-oss': 'gpt-oss',
}

export function openModelFamily(model: string): OpenModelFamily | undefined {
  const family = familyOf(model)
  if (family === 'llama' || family === 'gpt-oss') return family
  if (family === 'mistral')
    return MISTRAL_INSTRUCT.test(baseModelId(model)) ? 'mistral-instruct' : 'mistral-chat'
  return undefined
}

/** The form parameters' rules for an open-weight model on Bedrock (over the Converse defaults). */
export function openModelParameterRules(family: OpenModelFamily): Rules {
  const model = LABEL[family]
  const refuses = (parameter: ParameterName, reason: string): ParameterSupport =>
    unsupported('model_rejects_parameter', reason, { model, provider: BEDROCK, parameter })
  switch (family) {
    case 'gpt-oss':
      return {
        temperature: { support: 'supported', min: 0, max: 2, default: 1 },
        stop: refuses('stop', 'gpt-oss on Bedrock refuses stop sequences (stopSequences).'),
        reasoning_effort: {
          support: 'supported',
          ...noted(
            'sent_as_levels',
            'Sent as additionalModelRequestFields.reasoning_effort (low, medium, high); a value the model lacks is refused by the API.',
            { field: 'additionalModelRequestFields.reasoning_effort', values: 'low, medium, high' },
          ),
        },
        thinking_budget: unsupported(
          'use_other_parameter',
          'gpt-oss takes reasoning_effort, not a token budget.',
          { model, parameter: 'thinking_budget', alternative: 'reasoning_effort' },
        ),
      }
    case 'llama':
      return {
        temperature: { support: 'supported', min: 0, max: 1, default: 0.5 },
        top_p: { support: 'supported', min: 0, max: 1, default: 0.9 },
        tool_choice: {
          support: 'supported',
          ...noted('tool_choice_auto_only', "Llama on Bedrock accepts only 'auto' (or 'none')."),
        },
      }
    case 'mistral-chat':
      return {
        temperature: { support: 'supported', min: 0, max: 1 },
        top_p: { support: 'supported', min: 0, max: 1 },
        stop: refuses('stop', 'Mistral chat models on Bedrock take no stop sequences.'),
      }
    case 'mistral-instruct':
      return {
        temperature: { support: 'supported', min: 0, max: 1 },
        top_p: { support: 'supported', min: 0, max: 1 },
        ...unsupportedEach(
          ['tools', 'tool_choice'],
          'no_tool_calling',
          () => 'Mistral instruct models have no tool use in Converse.',
          { model, provider: BEDROCK },
        ),
      }
  }
}

/** top_k: sent where the model's own request takes it, refused by name elsewhere. */
export function openModelFieldRules(
  family: OpenModelFamily,
): Partial<Record<ExtraField, ParameterSupport>> {
  if (family === 'mistral-instruct') {
    return {
      top_k: {
        support: 'supported',
        min: 1,
        max: 200,
        ...noted('sent_as', 'Sent as additionalModelRequestFields.top_k.', {
          field: 'additionalModelRequestFields.top_k',
        }),
      },
    }
  }
  const model = LABEL[family]
  return {
    top_k: unsupported('model_rejects_parameter', `The ${model} request on Bedrock has no top_k.`, {
      model,
      provider: BEDROCK,
      parameter: 'top_k',
    }),
  }
}

/**
 * The model's own request fields Converse passes through additionalModelRequestFields: gpt-oss's
 * reasoning_effort as asked, the instruct models' top_k. Refuses the forced tool choices Converse
 * refuses for the family.
 */
export function openModelRequestFields(
  request: ChatRequest,
  family: OpenModelFamily,
): AdditionalFields {
  checkToolChoice(request, family)
  const fields: Record<string, unknown> = {}
  if (family === 'gpt-oss' && request.reasoning_effort)
    fields.reasoning_effort = request.reasoning_effort
  if (family === 'mistral-instruct' && typeof request.top_k === 'number')
    fields.top_k = request.top_k
  return Object.keys(fields).length ? (fields as AdditionalFields) : undefined
}

function checkToolChoice(request: ChatRequest, family: OpenModelFamily): void {
  const choice = request.tool_choice
  if (!request.tools?.length || choice === undefined || choice === 'auto' || choice === 'none')
    return
  const named = typeof choice === 'object'
  if (family === 'llama' || (family === 'mistral-chat' && named)) {
    const forced = named ? `the function ${choice.function.name}` : 'required'
    const allowed = family === 'llama' ? "'auto'" : "'auto' or 'required'"
    throw invalidRequest(
      'bedrock',
      `"tool_choice" ${forced} is not supported by ${request.model} (bedrock): Converse takes only ${allowed} for ${LABEL[family]}.`,
      withHint(
        'tool_choice_auto_only',
        'Use tool_choice "auto" and say in the prompt which tool to call.',
      ),
    )
  }
}
