import type { HintFields } from '../../../shared/hint-schemas'
import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { translateComplete } from '../i18n/translate-complete'
import { parameterLabel } from '../models/parameter-label'

/** The sentence for each of the library's LLM_HINT_CODES. */
export const HINT_SENTENCES: ReadonlyMap<string, MessageKey> = new Map(
  Object.entries({
    check_network: 'reasons.hint.checkNetwork',
    check_server_running: 'reasons.hint.checkServerRunning',
    stream_idle: 'reasons.hint.streamIdle',
    install_package: 'reasons.hint.installPackage',
    check_api_key: 'reasons.hint.checkApiKey',
    check_azure_key: 'reasons.hint.checkAzureKey',
    check_service_account: 'reasons.hint.checkServiceAccount',
    service_account_refused: 'reasons.hint.serviceAccountRefused',
    paste_service_account_json: 'reasons.hint.pasteServiceAccountJson',
    use_service_account_key: 'reasons.hint.useServiceAccountKey',
    session_expired: 'reasons.hint.sessionExpired',
    check_secret_key: 'reasons.hint.checkSecretKey',
    check_access_key_id: 'reasons.hint.checkAccessKeyId',
    key_lacks_permission: 'reasons.hint.keyLacksPermission',
    azure_key_auth_disabled: 'reasons.hint.azureKeyAuthDisabled',
    azure_network_rules: 'reasons.hint.azureNetworkRules',
    region_not_served: 'reasons.hint.regionNotServed',
    enable_api: 'reasons.hint.enableApi',
    grant_vertex_role: 'reasons.hint.grantVertexRole',
    enable_model_access: 'reasons.hint.enableModelAccess',
    anthropic_use_case_form: 'reasons.hint.anthropicUseCaseForm',
    enable_billing: 'reasons.hint.enableBilling',
    add_credit: 'reasons.hint.addCredit',
    quota_exhausted: 'reasons.hint.quotaExhausted',
    request_quota_increase: 'reasons.hint.requestQuotaIncrease',
    rate_limited: 'reasons.hint.rateLimited',
    try_again_later: 'reasons.hint.tryAgainLater',
    check_model_id: 'reasons.hint.checkModelId',
    check_model_location: 'reasons.hint.checkModelLocation',
    check_model_and_base_url: 'reasons.hint.checkModelAndBaseUrl',
    check_base_url: 'reasons.hint.checkBaseUrl',
    model_not_available: 'reasons.hint.modelNotAvailable',
    model_retired: 'reasons.hint.modelRetired',
    use_inference_profile: 'reasons.hint.useInferenceProfile',
    azure_deployment_not_found: 'reasons.hint.azureDeploymentNotFound',
    check_azure_endpoint: 'reasons.hint.checkAzureEndpoint',
    shorten_conversation: 'reasons.hint.shortenConversation',
    shorten_prompt: 'reasons.hint.shortenPrompt',
    request_too_large: 'reasons.hint.requestTooLarge',
    content_filter: 'reasons.hint.contentFilter',
    reasoning_model_parameter: 'reasons.hint.reasoningModelParameter',
    parameter_not_accepted: 'reasons.hint.parameterNotAccepted',
    sampling_not_accepted: 'reasons.hint.samplingNotAccepted',
    use_reasoning_effort: 'reasons.hint.useReasoningEffort',
    temperature_or_top_p: 'reasons.hint.temperatureOrTopP',
    thinking_no_sampling: 'reasons.hint.thinkingNoSampling',
    max_tokens_above_budget: 'reasons.hint.maxTokensAboveBudget',
    tool_choice_auto_only: 'reasons.hint.toolChoiceAutoOnly',
    keep_thought_signatures: 'reasons.hint.keepThoughtSignatures',
    retry_or_simplify: 'reasons.hint.retryOrSimplify',
    pick_vision_model: 'reasons.hint.pickVisionModel',
    use_json_schema: 'reasons.hint.useJsonSchema',
  } satisfies Record<string, MessageKey>),
)

/**
 * What to do about a failure, in the page's language, from the library's hint code and details;
 * the English hint for a code this screen does not know; nothing without a hint.
 */
export function wordHint(fields: HintFields, t: Translate): string | undefined {
  const key = fields.hintCode === undefined ? undefined : HINT_SENTENCES.get(fields.hintCode)
  if (!key) return fields.hint
  const params = { ...fields.hintDetails }
  if (params.parameter) params.parameter = parameterLabel(params.parameter, t)
  return translateComplete(t, key, params) ?? fields.hint
}
