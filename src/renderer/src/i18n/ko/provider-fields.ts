import type { providerFieldsEn } from '../en/provider-fields'

export const providerFieldsKo: Record<keyof typeof providerFieldsEn, string> = {
  'field.openai.apiKey.label': 'API 키',
  'field.openai.apiKey.help':
    'OpenAI 플랫폼의 API keys 메뉴에서 키를 만드세요. 프로젝트 키는 sk-proj-로 시작합니다.',
  'field.openai.organization.label': '조직 ID',
  'field.openai.organization.help':
    '선택 사항. 키가 여러 조직에 속할 때만 필요하며 OpenAI-Organization 헤더로 보냅니다.',
  'field.openai.project.label': '프로젝트 ID',
  'field.openai.project.help':
    '선택 사항. 호출 비용을 이 프로젝트로 청구하며 OpenAI-Project 헤더로 보냅니다.',
  'field.openai.baseURL.label': '기본 URL',
  'field.openai.baseURL.help':
    '선택 사항. 프록시나 리전 엔드포인트를 쓸 때만 필요합니다. 기본값은 https://api.openai.com/v1입니다.',
  'field.anthropic.apiKey.label': 'API 키',
  'field.anthropic.apiKey.help':
    'Claude 콘솔의 Settings → API keys에서 키를 만드세요. sk-ant-로 시작합니다.',
  'field.anthropic.baseURL.label': '기본 URL',
  'field.anthropic.baseURL.help':
    '선택 사항. Anthropic API 앞에 프록시나 게이트웨이를 둘 때만 필요합니다. 기본값은 https://api.anthropic.com입니다.',
  'field.azure.endpoint.label': '엔드포인트',
  'field.azure.endpoint.help':
    'Azure 포털(키 및 엔드포인트)이나 Foundry 포털에 있는 리소스 엔드포인트입니다. 모델 이름 자리에는 배포 이름을 쓰세요.',
  'field.azure.apiKey.label': 'API 키',
  'field.azure.apiKey.help':
    '같은 리소스의 KEY 1 또는 KEY 2입니다(Azure 포털 → 리소스 → 키 및 엔드포인트). api-key 헤더로 보냅니다.',
  'field.azure.baseModels.label': '배포별 모델',
  'field.azure.baseModels.help':
    '선택 사항. 배포마다 어떤 모델을 쓰는지 한 줄에 하나씩(배포 = 모델) 적으면 기능, 가격, 파라미터 규칙이 그 모델을 따릅니다. 배포가 한 번 답하면 자동으로 채워집니다.',
  'field.azure.apiVersion.label': 'API 버전',
  'field.azure.apiVersion.help':
    '선택 사항. 비워 두면 현재 v1 API를 씁니다. 2024-10-21 같은 날짜 버전을 넣으면 예전 /openai/deployments/… API를 씁니다.',
  'field.bedrock.region.label': '리전',
  'field.bedrock.region.help':
    '호출할 AWS 리전(예: us-east-1)입니다. 모델 액세스 권한은 Bedrock 콘솔에서 리전별로 받습니다.',
  'field.bedrock.accessKeyId.label': '액세스 키 ID',
  'field.bedrock.accessKeyId.help':
    'IAM 액세스 키(AKIA…, 세션 토큰과 함께라면 ASIA…)입니다. Bedrock API 키를 쓸 때는 비워 두세요.',
  'field.bedrock.secretAccessKey.label': '비밀 액세스 키',
  'field.bedrock.secretAccessKey.help': '액세스 키 ID와 짝을 이루는 비밀 액세스 키입니다.',
  'field.bedrock.sessionToken.label': '세션 토큰',
  'field.bedrock.sessionToken.help': '임시 자격 증명(STS나 SSO의 ASIA… 키)에만 필요합니다.',
  'field.bedrock.apiKey.label': 'Bedrock API 키',
  'field.bedrock.apiKey.help':
    'Bedrock 콘솔(API keys 페이지)에서 받은 Bedrock API 키로, 액세스 키 쌍 대신 씁니다.',
  'field.bedrock.endpoint.label': '엔드포인트 재정의',
  'field.bedrock.endpoint.help':
    '선택 사항: https://bedrock-runtime.<region>.amazonaws.com 대신 쓸 VPC 엔드포인트나 프록시 URL입니다.',
  'field.gemini.apiKey.label': 'API 키',
  'field.gemini.apiKey.help':
    'Google AI Studio에서 받은 Gemini API 키("AIza"로 시작)입니다. x-goog-api-key 헤더로 보냅니다.',
  'field.gemini.baseURL.label': '기본 URL',
  'field.gemini.baseURL.help':
    '선택 사항. https://generativelanguage.googleapis.com 대신 쓸 주소(프록시나 게이트웨이)입니다.',
  'field.vertex.project.label': '프로젝트 ID',
  'field.vertex.project.help':
    'Vertex AI API가 켜진 Google Cloud 프로젝트입니다. 기본값은 서비스 계정 키의 project_id입니다.',
  'field.vertex.location.label': '위치',
  'field.vertex.location.help':
    'us-central1, europe-west4 같은 리전 또는 "global"입니다. 기본값은 global입니다.',
  'field.vertex.serviceAccountJson.label': '서비스 계정 키(JSON)',
  'field.vertex.serviceAccountJson.help':
    'Vertex AI 사용자 역할이 있는 서비스 계정의 JSON 키 파일입니다(IAM → 서비스 계정 → 키 → 키 추가). token_uri를 그대로 따릅니다.',
  'field.vertex.apiKey.label': 'API 키(익스프레스 모드)',
  'field.vertex.apiKey.help':
    '서비스 계정 대신 쓰는 Vertex AI 익스프레스 모드 API 키입니다(Vertex AI Studio → API 키 받기).',
  'field.vertex.baseURL.label': '기본 URL',
  'field.vertex.baseURL.help':
    '선택 사항. 리전 엔드포인트(예: https://us-central1-aiplatform.googleapis.com)를 대신할 주소입니다(Private Service Connect, 프록시).',
  'field.openai-compatible.baseURL.label': '기본 URL',
  'field.openai-compatible.baseURL.help':
    '서버의 OpenAI 형식 기본 URL로, /chat/completions 앞까지입니다: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, OpenRouter https://openrouter.ai/api/v1, Groq https://api.groq.com/openai/v1.',
  'field.openai-compatible.apiKey.label': 'API 키',
  'field.openai-compatible.apiKey.help':
    '선택 사항. 베어러 토큰으로 보냅니다. Ollama나 LM Studio 같은 로컬 서버에는 필요 없습니다.',
}
