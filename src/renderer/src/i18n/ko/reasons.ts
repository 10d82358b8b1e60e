import type { reasonsEn } from '../en/reasons'

/** 파라미터를 쓸 수 없는 이유와 오류 해결 방법: 라이브러리와 호스트가 보낸 코드로 만든 문장. */
export const reasonsKo: Record<keyof typeof reasonsEn, string> = {
  'reasons.unsupported.notReasoningModel': '{model} 모델은 추론 모델이 아닙니다.',
  'reasons.unsupported.reasoningModelRejects':
    '{model} 모델은 추론 모델이라 {parameter} 파라미터를 받지 않습니다.',
  'reasons.unsupported.noToolCalling': '{model} 모델은 도구 호출을 지원하지 않습니다.',
  'reasons.unsupported.apiHasNoParameter': '{api} API에는 {parameter} 파라미터가 없습니다.',
  'reasons.unsupported.apiVersionRejects':
    '{api} API 버전 {version}에서는 {parameter} 파라미터를 받지 않습니다.',
  'reasons.unsupported.useOtherParameter':
    '{model} 모델은 {parameter} 대신 {alternative} 파라미터를 받습니다.',
  'reasons.unsupported.modelRejectsParameter':
    '{model} 모델은 {parameter} 파라미터를 받지 않습니다.',
  'reasons.unsupported.noStructuredOutput':
    '{provider}에서는 {model} 모델에 구조화된 출력을 쓸 수 없습니다.',
  'reasons.unsupported.noReasoningControl':
    '{provider}에서는 {model} 모델의 추론 강도를 조절할 수 없습니다.',
  'reasons.unsupported.noThinkingBudget':
    '{provider}에서는 {model} 모델에 사고 예산을 지정할 수 없습니다.',
  'reasons.unsupported.adaptiveThinking': '{model} 모델은 생각할 분량을 스스로 정합니다.',
  'reasons.unsupported.unknownParameter': '{parameter} 필드는 요청에 없는 이름입니다.',
  'reasons.unsupported.answerNotKept':
    '{parameter} 필드로 {provider}에 요청하는 결과는 Parallax에서 보여 주지 않습니다.',
  'reasons.unsupported.setByCall': '{parameter} 필드는 호출 방식에 따라 정해집니다.',
  'reasons.useInstead': '대신 {alternative} 파라미터를 사용하세요.',

  'reasons.note.sentAs': '{field} 필드로 보냅니다.',
  'reasons.note.parallelRequests':
    '제공업체가 요청마다 답변을 하나만 돌려주므로, n이 1보다 크면 요청 n개를 동시에 보냅니다.',
  'reasons.note.maxStopSequences': '중지 시퀀스는 최대 {count}개까지 쓸 수 있습니다.',
  'reasons.note.jsonModesMapped':
    'json_object와 json_schema 모두 제공업체의 JSON 출력 설정으로 보냅니다.',
  'reasons.note.jsonSchemaOnly':
    'json_schema는 구조화된 출력으로 보냅니다. json_object는 거부됩니다.',
  'reasons.note.sentAsLevels': '{field} 필드로 보냅니다({values}). 모델에 없는 값은 거부됩니다.',
  'reasons.note.preferOtherParameter':
    '호환성을 위해 받지만 {alternative} 파라미터를 권장합니다. 둘을 함께 설정하지 마세요.',
  'reasons.note.effortAsThinkingBudget': '사고 예산(토큰)으로 바꿔 보냅니다: {values}.',
  'reasons.note.budgetBelowMaxTokens': '확장 사고를 켭니다. 예산은 최대 토큰보다 작아야 합니다.',
  'reasons.note.sentAsMinimalLow': '{field} 필드로 보냅니다. ‘minimal’ 값은 ‘low’로 보냅니다.',
  'reasons.note.forcedToolsSomeModels':
    '도구 사용 강제(‘required’ 또는 함수 지정)는 다음 모델에서만 됩니다: {model}. ‘none’으로 두면 도구를 보내지 않습니다.',
  'reasons.note.toolChoiceAutoOnly':
    '‘auto’와 ‘none’만 쓸 수 있습니다. 이 모델은 도구 사용 강제를 거부합니다.',
  'reasons.note.forcedToolsNoThinking':
    '도구 사용 강제(‘required’ 또는 함수 지정)는 사고 기능과 함께 쓸 수 없습니다.',
  'reasons.note.maxTokensRequired':
    '{provider} API에서는 필수입니다. 비워 두면 모델의 최대 출력 토큰 수를 보냅니다.',
  'reasons.note.capsReasoningTokens': '보이는 토큰과 추론 토큰을 합쳐 제한합니다.',
  'reasons.note.sentAsCapsReasoning': '{field} 필드로 보내며 추론 토큰도 함께 제한합니다.',
  'reasons.note.effortValues': '쓸 수 있는 값: {values}',
  'reasons.note.passedThrough': '그대로 전달합니다. 이 값을 모르는 서버는 무시할 수 있습니다.',
  'reasons.note.budgetZeroTurnsOff': '{field} 필드로 보냅니다. 0이면 사고 기능을 끕니다.',
  'reasons.note.thinkingAlwaysOn': '{field} 필드로 보냅니다. 이 모델은 사고 기능을 끌 수 없습니다.',

  'reasons.vault.osEncryptionUnavailable':
    '지금은 운영체제가 앱 비밀 정보 암호화를 제공하지 않아 키를 저장할 수 없습니다.',
  'reasons.vault.obfuscatedOnly':
    'OS 키체인(GNOME Keyring 또는 KWallet)을 찾지 못해 키가 고정된 비밀번호로 난독화만 됩니다. 파일을 읽을 수 있는 사람은 누구나 키를 복구할 수 있습니다.',
  'reasons.vault.macosKeychain': '키는 macOS 키체인에 보관된 키로 암호화됩니다.',
  'reasons.vault.windowsDpapi': '키는 Windows DPAPI가 사용자 계정별로 보관하는 키로 암호화됩니다.',
  'reasons.vault.linuxKeyring': '키는 {store}에 보관된 키로 암호화됩니다.',
  'reasons.vault.osKeychain': '키는 OS 키체인에 보관된 키로 암호화됩니다.',
  'reasons.vault.passphraseKey': '키는 암호 문구에서 파생한 키로 암호화됩니다.',
  'reasons.vault.keyFile': '키는 데이터 폴더의 키 파일에 있는 키로 암호화됩니다.',

  'reasons.param.thinkingBudget': '사고 예산',
  'reasons.param.tools': '도구',
  'reasons.param.toolChoice': '도구 선택',
  'reasons.param.responseFormat': '응답 형식',

  'reasons.hint.checkNetwork': '네트워크 연결, 프록시, 엔드포인트 주소를 확인하세요.',
  'reasons.hint.checkServerRunning': '서버가 실행 중인지, 기본 URL(/v1 포함)이 맞는지 확인하세요.',
  'reasons.hint.streamIdle':
    '{seconds}초 동안 응답이 없었습니다. 모델이 과부하 상태일 수 있으니 잠시 후 다시 시도하세요.',
  'reasons.hint.installPackage': '패키지를 설치하세요: npm install {package}',
  'reasons.hint.checkApiKey': 'API 키를 확인하세요. 폐기되었거나 잘못 입력되었을 수 있습니다.',
  'reasons.hint.checkAzureKey':
    '키와 엔드포인트를 확인하세요. 키는 발급된 리소스에서만 작동합니다(Azure Portal → 키 및 엔드포인트).',
  'reasons.hint.checkServiceAccount':
    '자격 증명이 거부되었습니다. 서비스 계정 키(또는 익스프레스 모드 API 키)가 맞는지, 삭제되지 않았는지 확인하세요.',
  'reasons.hint.serviceAccountRefused':
    '서비스 계정 키가 거부되었습니다. 키가 삭제 또는 비활성화되었거나 이 컴퓨터의 시계가 맞지 않을 수 있습니다. 서비스 계정의 새 키를 만드세요.',
  'reasons.hint.pasteServiceAccountJson': '서비스 계정의 JSON 키 파일 전체를 그대로 붙여 넣으세요.',
  'reasons.hint.useServiceAccountKey':
    '유형이 “service_account”인 JSON 키를 사용하세요(IAM → 서비스 계정 → 키 → 키 추가 → JSON).',
  'reasons.hint.sessionExpired': '세션 토큰이 만료되었습니다. 새 임시 자격 증명을 받으세요.',
  'reasons.hint.checkSecretKey': '비밀 액세스 키와 이 컴퓨터의 시계가 맞는지 확인하세요.',
  'reasons.hint.checkAccessKeyId':
    '액세스 키 ID를 확인하세요. 세션 토큰도 같은 임시 키에 속한 것이어야 합니다.',
  'reasons.hint.keyLacksPermission':
    '이 키에는 해당 모델이나 작업에 대한 권한이 없습니다. 키의 프로젝트, 역할, 제한 설정을 확인하세요.',
  'reasons.hint.azureKeyAuthDisabled':
    '이 Azure 리소스에서 키 인증이 꺼져 있습니다. 로컬 인증을 켜거나 Microsoft Entra ID를 사용하세요.',
  'reasons.hint.azureNetworkRules':
    '리소스가 이 요청을 거부합니다(네트워크 규칙, 프라이빗 엔드포인트, 꺼진 키 인증). 리소스의 네트워킹 설정을 확인하세요.',
  'reasons.hint.regionNotServed': '제공업체가 이 국가에서 보낸 요청을 받지 않습니다.',
  'reasons.hint.enableApi':
    'Google Cloud 프로젝트에서 {api} API를 사용 설정하고, 몇 분 뒤 다시 시도하세요.',
  'reasons.hint.grantVertexRole':
    '서비스 계정에 Vertex AI 사용자 역할(roles/aiplatform.user)을 부여하고 {api} API를 사용 설정하세요.',
  'reasons.hint.enableModelAccess':
    'Bedrock 콘솔에서 이 리전의 모델 액세스를 켜고, IAM 정책이 모델 호출을 허용하는지 확인하세요.',
  'reasons.hint.anthropicUseCaseForm':
    'Claude를 쓰기 전에 Bedrock 콘솔(모델 액세스)에서 Anthropic 사용 사례 양식을 제출하세요.',
  'reasons.hint.enableBilling':
    '이 리전에서는 무료 등급을 쓸 수 없습니다. 프로젝트에 결제를 설정하거나 Vertex AI를 사용하세요.',
  'reasons.hint.addCredit':
    '계정의 크레딧이 떨어졌거나 지출 한도에 도달했습니다. 제공업체의 결제 설정에서 크레딧을 추가하거나 한도를 올리세요.',
  'reasons.hint.quotaExhausted':
    '일일 할당량이나 결제 한도를 모두 썼습니다. 잠시 기다려도 해결되지 않으니 할당량과 결제 설정을 확인하세요.',
  'reasons.hint.requestQuotaIncrease': 'AWS Service Quotas에서 이 모델의 할당량 증가를 요청하세요.',
  'reasons.hint.rateLimited':
    '이 모델의 분당 요청 수나 토큰 수가 한도를 넘었습니다. 잠시 후 다시 시도하거나 한도 상향을 요청하세요.',
  'reasons.hint.tryAgainLater': '지금은 모델이 과부하 상태입니다. 잠시 후 다시 시도하세요.',
  'reasons.hint.checkModelId': '모델 ID를 확인하세요. 이 키로 쓸 수 있는 모델이어야 합니다.',
  'reasons.hint.checkModelLocation':
    '모델 ID와 이 위치에서 제공되는 모델인지 확인하세요(많은 Gemini 모델은 “global”이나 us-central1에만 있습니다).',
  'reasons.hint.checkModelAndBaseUrl':
    '모델 이름과 기본 URL을 확인하세요(대부분의 서버는 /v1로 끝나는 주소를 씁니다).',
  'reasons.hint.checkBaseUrl':
    '모델 API가 아닌 다른 곳(프록시 로그인 페이지, 게이트웨이, 캡티브 포털)이 응답했습니다. 기본 URL과 지금 연결된 네트워크를 확인하세요.',
  'reasons.hint.modelNotAvailable': '모델이 없거나 이 키의 프로젝트에 모델 액세스 권한이 없습니다.',
  'reasons.hint.modelRetired': '이 모델 버전은 지원이 종료되었습니다. 현재 모델을 선택하세요.',
  'reasons.hint.useInferenceProfile':
    '이 모델은 추론 프로필이 필요합니다. us.<모델 ID>(또는 eu., apac., global.) 같은 프로필 ID를 사용하세요.',
  'reasons.hint.azureDeploymentNotFound':
    '리소스에 이 이름의 배포가 없습니다. 모델 이름이 아닌 배포 이름을 사용하고, 배포를 만든 뒤에는 몇 분 기다리세요.',
  'reasons.hint.checkAzureEndpoint':
    '엔드포인트와 API 버전을 확인하세요. 날짜가 붙은 API 버전에서는 배포 이름을 모델로 씁니다.',
  'reasons.hint.shortenConversation':
    '대화가 모델의 컨텍스트 길이를 넘었습니다. 대화를 줄이거나 새 대화를 시작하세요.',
  'reasons.hint.shortenPrompt':
    '모델의 응답이 너무 오래 걸렸습니다. 프롬프트를 줄이거나 최대 토큰을 낮추세요.',
  'reasons.hint.requestTooLarge':
    '요청이 제공업체의 크기 한도를 넘었습니다. 이미지 수를 줄이거나 더 작은 이미지를 보내세요.',
  'reasons.hint.contentFilter':
    '제공업체의 안전 필터가 이 프롬프트를 거부했습니다. 표현을 바꿔 다시 보내세요.',
  'reasons.hint.reasoningModelParameter':
    '이 모델은 {parameter} 파라미터를 받지 않습니다. 추론 모델에는 추론 강도와 최대 토큰을 사용하세요.',
  'reasons.hint.parameterNotAccepted':
    '이 모델은 {parameter} 파라미터를 받지 않습니다. 값을 비워 두세요.',
  'reasons.hint.samplingNotAccepted':
    '제공업체가 더 이상 온도, Top P, Top K 값을 받지 않습니다. 값을 비워 두세요.',
  'reasons.hint.useReasoningEffort':
    '이 모델은 생각할 분량을 스스로 정합니다. 사고 예산 대신 추론 강도를 사용하세요.',
  'reasons.hint.temperatureOrTopP': '이 모델은 온도와 Top P 중 하나만 받습니다. 하나만 설정하세요.',
  'reasons.hint.thinkingNoSampling': '확장 사고를 쓸 때는 온도와 Top P 값을 비워 두세요.',
  'reasons.hint.maxTokensAboveBudget':
    '최대 토큰은 사고 예산보다 커야 합니다. 최대 토큰을 올리거나 예산을 낮추세요.',
  'reasons.hint.toolChoiceAutoOnly':
    '이 모델은 쓸 도구를 스스로만 선택합니다. 써야 할 도구는 프롬프트에 적으세요.',
  'reasons.hint.keepThoughtSignatures':
    '모델에 이전 도구 호출의 사고 서명이 필요합니다. 모델이 돌려준 도구 호출 ID를 그대로 유지하세요.',
  'reasons.hint.retryOrSimplify':
    '다시 시도하세요. 계속 발생하면 도구 스키마나 프롬프트를 단순하게 바꾸세요.',
  'reasons.hint.pickVisionModel': '이미지 입력을 지원하는 모델을 선택하거나 이미지를 제거하세요.',
  'reasons.hint.useJsonSchema': '대신 JSON 스키마 응답 형식을 사용하세요.',

  'reasons.originalMessage': '원문 메시지',
  'reasons.missingDeployment':
    '키는 작동합니다. 다만 “{model}” 이름의 배포가 없어 응답을 받을 수는 없습니다.',
}
