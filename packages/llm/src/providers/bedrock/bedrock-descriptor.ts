import type { ProviderDescriptor } from '../../provider-plugin'
import type { ParameterName, ParameterSupport } from '../../types'
import { noted } from '../../note-codes'
import { unsupported, unsupportedEach } from '../../unsupported-codes'
import type { ExtraField } from '../../request-fields'
import { claudeParameterRules, claudeTopKRule } from '../claude/claude-parameter-rules'
import { baseModelId, claudeIdOf, familyOf, hasStructuredOutput } from './bedrock-model-traits'
import { openModelFamily, openModelFieldRules, openModelParameterRules } from './open-model-rules'

const NOT_IN_CONVERSE = 'Not in the Bedrock Converse API.'
const BEDROCK = 'Bedrock'
const MAX_TOKENS_FIELD = { field: 'inferenceConfig.maxTokens' }

function parameterRules(model: string): Partial<Record<ParameterName, ParameterSupport>> {
  const family = familyOf(model)
  const openFamily = openModelFamily(model)
  const rules: Partial<Record<ParameterName, ParameterSupport>> = {
    temperature: { support: 'supported', min: 0, max: 1 },
    top_p: { support: 'supported', min: 0, max: 1 },
    max_tokens: {
      support: 'supported',
      min: 1,
      ...noted('sent_as', 'Sent as inferenceConfig.maxTokens.', MAX_TOKENS_FIELD),
    },
    max_completion_tokens: {
      support: 'supported',
      min: 1,
      ...noted('sent_as', 'Same as max_tokens on Bedrock.', MAX_TOKENS_FIELD),
    },
    stop: {
      support: 'supported',
      ...noted('sent_as', 'Sent as inferenceConfig.stopSequences.', {
        field: 'inferenceConfig.stopSequences',
      }),
    },
    n: {
      support: 'emulated',
      min: 1,
      ...noted(
        'parallel_requests',
        'Converse returns one answer; n requests are sent in parallel and merged.',
      ),
    },
    ...unsupportedEach(
      ['seed', 'presence_penalty', 'frequency_penalty'],
      'api_has_no_parameter',
      () => NOT_IN_CONVERSE,
      { api: 'Bedrock Converse' },
    ),
    tools: { support: 'supported' },
    tool_choice: {
      support: 'supported',
      ...noted(
        'forced_tools_some_models',
        "'required' and a named function need Claude, Nova or Mistral Large; 'none' sends no tools.",
        { model: 'Claude, Nova, Mistral Large' },
      ),
    },
    response_format: hasStructuredOutput(model)
      ? {
          support: 'supported',
          ...noted(
            'json_schema_only',
            'json_schema via Bedrock structured outputs; json_object is refused.',
          ),
        }
      : unsupported(
          'no_structured_output',
          'Bedrock structured outputs are not available for this model.',
          { model, provider: BEDROCK, parameter: 'response_format' },
        ),
    reasoning_effort: unsupported(
      'no_reasoning_control',
      'This model has no reasoning control on Bedrock.',
      { model, provider: BEDROCK, parameter: 'reasoning_effort' },
    ),
    thinking_budget: unsupported(
      'no_thinking_budget',
      'This model takes no thinking budget on Bedrock.',
      { model, provider: BEDROCK, parameter: 'thinking_budget' },
    ),
  }

  const claudeId = claudeIdOf(model)
  if (claudeId) {
    // Sampling, thinking, effort and tool choice: one rule set for Claude on every cloud.
    Object.assign(
      rules,
      claudeParameterRules(claudeId, 'additionalModelRequestFields.output_config.effort'),
    )
  } else if (family === 'nova' || family === 'nova2') {
    rules.temperature = { support: 'supported', min: 0, max: 1, default: 0.7 }
    rules.top_p = { support: 'supported', min: 0, max: 1, default: 0.9 }
    if (family === 'nova2') {
      rules.reasoning_effort = {
        support: 'supported',
        ...noted(
          'sent_as_minimal_low',
          "Sent as reasoningConfig.maxReasoningEffort ('minimal' is sent as 'low').",
          { field: 'reasoningConfig.maxReasoningEffort' },
        ),
      }
    }
  } else if (family === 'deepseek-r1') {
    Object.assign(
      rules,
      unsupportedEach(
        ['tools', 'tool_choice'],
        'no_tool_calling',
        () => 'DeepSeek-R1 on Bedrock has no tool use.',
        { model: 'DeepSeek-R1', provider: BEDROCK },
      ),
    )
    rules.reasoning_effort = unsupported(
      'no_reasoning_control',
      'DeepSeek-R1 always reasons; it has no effort control.',
      { model: 'DeepSeek-R1', provider: BEDROCK, parameter: 'reasoning_effort' },
    )
  } else if (openFamily) {
    // Llama, Mistral, gpt-oss: one rule set with the same weights on compatible hosts.
    Object.assign(rules, openModelParameterRules(openFamily))
  }
  return rules
}

/**
 * Claude's top_k follows its temperature, as on Anthropic; the open-weight families take it where
 * their own request does; the other families have none in Converse.
 */
function fieldRules(
  model: string,
  parameters: Readonly<Record<ParameterName, ParameterSupport>>,
): Partial<Record<ExtraField, ParameterSupport>> {
  if (claudeIdOf(model)) return { top_k: claudeTopKRule(parameters.temperature) }
  const openFamily = openModelFamily(model)
  return openFamily ? openModelFieldRules(openFamily) : {}
}

export const bedrockDescriptor: ProviderDescriptor<'bedrock'> = {
  id: 'bedrock',
  info: {
    id: 'bedrock',
    label: 'AWS Bedrock',
    fields: [
      {
        name: 'region',
        label: 'Region',
        required: true,
        placeholder: 'us-east-1',
        help: 'The AWS region to call, e.g. us-east-1. Model access is granted per region in the Bedrock console.',
      },
      {
        name: 'accessKeyId',
        label: 'Access key ID',
        placeholder: 'AKIA…',
        help: 'An IAM access key (AKIA… or, with a session token, ASIA…). Leave empty when you use a Bedrock API key.',
      },
      {
        name: 'secretAccessKey',
        label: 'Secret access key',
        secret: true,
        help: 'The secret that belongs to the access key ID.',
      },
      {
        name: 'sessionToken',
        label: 'Session token',
        secret: true,
        help: 'Only for temporary credentials (ASIA… keys from STS or SSO).',
      },
      {
        name: 'apiKey',
        label: 'Bedrock API key',
        secret: true,
        placeholder: 'ABSK…',
        help: 'A Bedrock API key from the Bedrock console (API keys page), used instead of an access key pair.',
      },
      {
        name: 'endpoint',
        label: 'Endpoint override',
        help: 'Optional: a VPC endpoint or proxy URL instead of https://bedrock-runtime.<region>.amazonaws.com.',
      },
    ],
    docsUrl: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html',
    keysUrl: 'https://console.aws.amazon.com/bedrock/home#/api-keys',
  },
  parameterRules,
  fieldRules,
  catalogId: baseModelId,
}
