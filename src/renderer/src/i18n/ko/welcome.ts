import type { welcomeEn } from '../en/welcome'

export const welcomeKo: Record<keyof typeof welcomeEn, string> = {
  'welcome.title': 'Parallax에 오신 것을 환영합니다',
  'welcome.lead':
    '주요 클라우드의 모델과 대화하거나, 하나의 프롬프트를 여러 모델에 보내 나란히 비교해 보세요.',
  'welcome.byok.heading': '내 키로 사용하기',
  'welcome.byok.stored': '키는 이 컴퓨터에만 암호화되어 저장됩니다.',
  'welcome.byok.direct': '요청은 중간 서버를 거치지 않고 이 컴퓨터에서 제공업체로 바로 전송됩니다.',
  'welcome.steps': '사용 방법',
  'welcome.step.connect': '제공업체에서 받은 키로 연결을 추가합니다.',
  'welcome.step.test': '연결을 테스트하면 키가 작동하는지 바로 확인할 수 있습니다.',
  'welcome.step.compare': '한 모델과 대화하거나, 여러 모델을 나란히 비교합니다.',
  'welcome.add': '연결 추가하기',
}
