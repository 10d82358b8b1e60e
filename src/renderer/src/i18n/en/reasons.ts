/**
 * Why a parameter is unavailable and what to do about a failure, worded from the codes the
 * library and the host send (models/unsupported-reason.ts, host/word-hint.ts).
 */
export const reasonsEn = {
  'reasons.unsupported.notReasoningModel': '{model} is not a reasoning model.',
  'reasons.unsupported.reasoningModelRejects':
    '{model} is a reasoning model and does not take {parameter}.',
  'reasons.unsupported.noToolCalling': '{model} cannot call tools.',
  'reasons.unsupported.apiHasNoParameter': 'The {api} API has no {parameter} parameter.',
  'reasons.unsupported.apiVersionRejects':
    'The {api} API version {version} does not take {parameter}.',
  'reasons.unsupported.useOtherParameter':
    '{model} takes no {parameter}; it takes {alternative} instead.',
  'reasons.unsupported.modelRejectsParameter': '{model} does not take {parameter}.',
  'reasons.unsupported.noStructuredOutput': '{provider} has no structured output for {model}.',
  'reasons.unsupported.noReasoningControl':
    'On {provider}, {model} has no reasoning effort setting.',
  'reasons.unsupported.noThinkingBudget': 'On {provider}, {model} takes no thinking budget.',
  'reasons.unsupported.adaptiveThinking': '{model} decides by itself how long to think.',
  'reasons.unsupported.unknownParameter': 'No request field is called {parameter}.',
  'reasons.unsupported.answerNotKept':
    'Parallax does not show what {parameter} asks {provider} to return.',
  'reasons.unsupported.setByCall': '{parameter} is set by the call itself.',
  'reasons.useInstead': 'Use {alternative} instead.',

  'reasons.note.sentAs': 'Sent as {field}.',
  'reasons.note.parallelRequests':
    'The provider returns one answer per request, so n > 1 sends n requests in parallel.',
  'reasons.note.maxStopSequences': 'Up to {count} stop sequences.',
  'reasons.note.jsonModesMapped':
    'json_object and json_schema are both sent as the provider’s own JSON output settings.',
  'reasons.note.jsonSchemaOnly':
    'json_schema is sent as structured outputs; json_object is refused.',
  'reasons.note.sentAsLevels': 'Sent as {field} ({values}); a value the model lacks is refused.',
  'reasons.note.preferOtherParameter':
    'Accepted for compatibility, but {alternative} is preferred. Do not set both.',
  'reasons.note.effortAsThinkingBudget': 'Sent as a thinking budget in tokens: {values}.',
  'reasons.note.budgetBelowMaxTokens':
    'Turns on extended thinking. The budget must be below max tokens.',
  'reasons.note.sentAsMinimalLow': 'Sent as {field}; “minimal” is sent as “low”.',
  'reasons.note.forcedToolsSomeModels':
    'Forcing a tool (“required” or a named function) works only with {model}; “none” sends no tools.',
  'reasons.note.toolChoiceAutoOnly': 'Only “auto” and “none”: this model refuses forced tool use.',
  'reasons.note.forcedToolsNoThinking':
    'Forced tool use (“required” or a named function) cannot be combined with thinking.',
  'reasons.note.maxTokensRequired':
    '{provider} requires it; when empty, the model’s largest output is sent.',
  'reasons.note.capsReasoningTokens': 'Caps visible and reasoning tokens together.',
  'reasons.note.sentAsCapsReasoning': 'Sent as {field}; it also caps reasoning tokens.',
  'reasons.note.effortValues': 'Takes {values}.',
  'reasons.note.passedThrough':
    'Passed through as it is; servers that do not know it may ignore it.',
  'reasons.note.budgetZeroTurnsOff': 'Sent as {field}; 0 turns thinking off.',
  'reasons.note.thinkingAlwaysOn': 'Sent as {field}; thinking cannot be turned off on this model.',

  'reasons.vault.osEncryptionUnavailable':
    'The operating system offers no encryption for app secrets right now, so keys cannot be saved.',
  'reasons.vault.obfuscatedOnly':
    'No system keyring (GNOME Keyring or KWallet) was found, so keys would only be obfuscated with a fixed password. Anyone who can read your files could recover them.',
  'reasons.vault.macosKeychain': 'Keys are encrypted with a key kept in the macOS Keychain.',
  'reasons.vault.windowsDpapi':
    'Keys are encrypted with a key kept by Windows DPAPI for your user account.',
  'reasons.vault.linuxKeyring': 'Keys are encrypted with a key kept in {store}.',
  'reasons.vault.osKeychain': 'Keys are encrypted with a key kept in the OS keychain.',
  'reasons.vault.passphraseKey': 'Keys are encrypted with a key derived from your passphrase.',
  'reasons.vault.keyFile': 'Keys are encrypted with the key in the data folder’s key file.',

  'reasons.param.thinkingBudget': 'thinking budget',
  'reasons.param.tools': 'tools',
  'reasons.param.toolChoice': 'tool choice',
  'reasons.param.responseFormat': 'response format',

  'reasons.hint.checkNetwork': 'Check the network connection, any proxy and the endpoint address.',
  'reasons.hint.checkServerRunning':
    'Check that the server is running and that the base URL (including /v1) is right.',
  'reasons.hint.streamIdle':
    'Nothing arrived for {seconds} seconds, so the model may be overloaded. Try again in a moment.',
  'reasons.hint.installPackage': 'Install the package: npm install {package}',
  'reasons.hint.checkApiKey': 'Check the API key: it may have been revoked or mistyped.',
  'reasons.hint.checkAzureKey':
    'Check the key and the endpoint: a key works only for its own resource (Azure portal → Keys and Endpoint).',
  'reasons.hint.checkServiceAccount':
    'The credentials were refused. Check the service account key (or the express-mode API key) and that it has not been deleted.',
  'reasons.hint.serviceAccountRefused':
    'The service account key was refused: it may be deleted or disabled, or this computer’s clock is off. Create a new key for the service account.',
  'reasons.hint.pasteServiceAccountJson':
    'Paste the service account’s whole JSON key file, unchanged.',
  'reasons.hint.useServiceAccountKey':
    'Use a JSON key of type “service_account” (IAM → Service accounts → Keys → Add key → JSON).',
  'reasons.hint.sessionExpired': 'The session token has expired: get fresh temporary credentials.',
  'reasons.hint.checkSecretKey':
    'Check the secret access key, and that this computer’s clock is right.',
  'reasons.hint.checkAccessKeyId':
    'Check the access key ID, and that the session token belongs to the same temporary key.',
  'reasons.hint.keyLacksPermission':
    'This key lacks permission for the model or operation: check its project, role and restrictions.',
  'reasons.hint.azureKeyAuthDisabled':
    'Key authentication is disabled on this Azure resource: enable local authentication or use Microsoft Entra ID.',
  'reasons.hint.azureNetworkRules':
    'The resource refuses this request (network rules, a private endpoint or disabled key authentication). Check its networking settings.',
  'reasons.hint.regionNotServed': 'The provider does not serve requests from this country.',
  'reasons.hint.enableApi':
    'Enable the {api} API in the Google Cloud project, wait a few minutes and try again.',
  'reasons.hint.grantVertexRole':
    'Give the service account the Vertex AI User role (roles/aiplatform.user) and enable the {api} API.',
  'reasons.hint.enableModelAccess':
    'Enable access to this model in the Bedrock console for this region, and check that the IAM policy allows invoking the model.',
  'reasons.hint.anthropicUseCaseForm':
    'Submit the Anthropic use-case form in the Bedrock console (Model access) before using Claude.',
  'reasons.hint.enableBilling':
    'The free tier is not offered in this region: set up billing on the project, or use Vertex AI.',
  'reasons.hint.addCredit':
    'The account is out of credit or at its spend limit: add credit or raise the limit in the provider’s billing settings.',
  'reasons.hint.quotaExhausted':
    'A daily quota or the billing limit is used up, so waiting a minute will not help. Check the quota and billing.',
  'reasons.hint.requestQuotaIncrease':
    'Request a higher quota for this model in AWS Service Quotas.',
  'reasons.hint.rateLimited':
    'Too many requests or tokens per minute for this model: wait and try again, or ask for a higher limit.',
  'reasons.hint.tryAgainLater': 'The model is overloaded right now: try again shortly.',
  'reasons.hint.checkModelId': 'Check the model ID: this key must be able to use it.',
  'reasons.hint.checkModelLocation':
    'Check the model ID and that it is offered in this location (many Gemini models are only in “global” or us-central1).',
  'reasons.hint.checkModelAndBaseUrl':
    'Check the model name and the base URL (most servers expect it to end in /v1).',
  'reasons.hint.checkBaseUrl':
    'Something other than the model’s API answered (a proxy sign-in page, a gateway, a captive portal): check the base URL and the network you are on.',
  'reasons.hint.modelNotAvailable':
    'The model does not exist, or this key’s project has no access to it.',
  'reasons.hint.modelRetired': 'This model version is retired: choose a current model.',
  'reasons.hint.useInferenceProfile':
    'This model needs an inference profile: use its profile ID, such as us.<model ID> (or eu., apac., global.).',
  'reasons.hint.azureDeploymentNotFound':
    'No deployment has this name on the resource: use the deployment name (not the model name), and wait a few minutes after creating it.',
  'reasons.hint.checkAzureEndpoint':
    'Check the endpoint and the API version: with a dated API version, the model is the deployment name.',
  'reasons.hint.shortenConversation':
    'The conversation is longer than the model’s context window: shorten it or start a new one.',
  'reasons.hint.shortenPrompt':
    'The model took too long: try a shorter prompt or a lower max tokens.',
  'reasons.hint.requestTooLarge':
    'The request is above the provider’s size limit: send fewer or smaller images.',
  'reasons.hint.contentFilter': 'The provider’s safety filter refused this prompt: rephrase it.',
  'reasons.hint.reasoningModelParameter':
    'This model does not take {parameter}: reasoning models take reasoning effort and max tokens instead.',
  'reasons.hint.parameterNotAccepted': 'This model does not take {parameter}: leave it unset.',
  'reasons.hint.samplingNotAccepted':
    'The provider no longer takes temperature, top P or top K: leave them unset.',
  'reasons.hint.useReasoningEffort':
    'This model decides how long to think: use reasoning effort instead of a thinking budget.',
  'reasons.hint.temperatureOrTopP':
    'This model takes temperature or top P, not both: set only one.',
  'reasons.hint.thinkingNoSampling': 'With extended thinking, leave temperature and top P unset.',
  'reasons.hint.maxTokensAboveBudget':
    'Max tokens must be larger than the thinking budget: raise max tokens or lower the budget.',
  'reasons.hint.toolChoiceAutoOnly':
    'This model chooses tools only by itself: name the tool to use in the prompt.',
  'reasons.hint.keepThoughtSignatures':
    'The model needs the thought signatures of earlier tool calls: keep the tool call IDs it returned.',
  'reasons.hint.retryOrSimplify':
    'Try again; if it keeps happening, simplify the tool schemas or the prompt.',
  'reasons.hint.pickVisionModel': 'Choose a model with image input, or remove the images.',
  'reasons.hint.useJsonSchema': 'Use a JSON schema response format instead.',

  'reasons.originalMessage': 'Original message',
  'reasons.missingDeployment':
    'The key works. There is no deployment named “{model}” to answer with.',
} as const
