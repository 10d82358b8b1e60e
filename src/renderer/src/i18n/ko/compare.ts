import type { compareEn } from '../en/compare'

export const compareKo: Record<keyof typeof compareEn, string> = {
  'compare.newTitle': '새 비교',
  'compare.modeLabel': '비교',
  'compare.empty': '모델을 2~8개 선택한 뒤 프롬프트 하나를 모두에게 한 번에 보내세요.',
  'compare.stopAll': '모두 중지',
  'compare.openInWindow': '새 창에서 열기',
  'compare.mark.fastestFirstToken': '첫 토큰 최단',
  'compare.mark.fastestTotal': '총 시간 최단',
  'compare.mark.cheapest': '최저 비용',
  'compare.setup.addColumn': '모델 추가',
  'compare.setup.chooseTwo': '모델을 두 개 이상 선택하세요.',
  'compare.setup.chooseEach': '모든 열의 모델을 선택하거나 빈 열을 제거하세요.',
  'compare.setup.columnModel': '{number}번 열의 모델',
  'compare.setup.followUps': '이어지는 질문을 받을 모델:',
  'compare.setup.parameters': '파라미터',
  'compare.setup.parametersCount': '파라미터({count})',
  'compare.setup.removeColumn': '{number}번 열 제거',
  'compare.setup.systemPrompt': '시스템 프롬프트',
  'compare.setup.systemPromptLabel': '공통 시스템 프롬프트(모든 열에 보냄)',
  'compare.column.parameters': '이 열의 파라미터',
  'compare.column.defaults': '모델 기본값',
}
