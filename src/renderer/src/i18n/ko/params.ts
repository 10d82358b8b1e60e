import type { paramsEn } from '../en/params'

export const paramsKo: Record<keyof typeof paramsEn, string> = {
  'params.title': '파라미터',
  'params.forModel': '{model} 기준',
  'params.resetAll': '모두 초기화',
  'params.reset': '초기화',
  'params.resetNamed': '{name} 값을 모델 기본값으로 초기화',
  'params.resetTitle': '모델 기본값으로 되돌립니다(전송하지 않음)',
  'params.about': '{name} 설명',
  'params.default': '모델 기본값: {value}.',
  'params.defaultProvider': '모델 기본값: 제공업체 기본값.',
  'params.placeholderDefault': '기본값',
  'params.unsupported': '사용할 수 없음: {reason}',
  'params.range': '{min}~{max} 사이의 숫자를 입력하세요.',
  'params.rangeInteger': '{min}~{max} 사이의 정수를 입력하세요.',
  'params.invalidNumber': '숫자를 입력하세요.',
  'params.invalidInteger': '정수를 입력하세요.',
  'params.systemPrompt': '시스템 프롬프트',
  'params.systemPrompt.placeholder': '대화 전체에서 모델이 따를 지시 사항…',
  'params.temperature': '온도',
  'params.temperature.help':
    '답변의 무작위성입니다. 낮을수록 일관되고 재현 가능한 답을, 높을수록 다양한 답을 냅니다.',
  'params.topP': 'Top P',
  'params.topP.help':
    '확률 합이 이 비율에 이르는 가능성 높은 단어들 중에서만 선택합니다. 온도와 둘 중 하나만 바꾸세요.',
  'params.maxTokens': '최대 토큰',
  'params.maxTokens.help':
    '모델이 쓸 수 있는 가장 긴 답변(토큰 수)입니다. 여기에 닿으면 “length”로 끝납니다.',
  'params.seed': '시드',
  'params.seed.help':
    '제공업체가 지원하면 샘플링을 재현 가능하게 하는 숫자입니다. 같은 시드와 설정은 대체로 같은 답을 냅니다.',
  'params.seed.random': '무작위',
  'params.presencePenalty': '존재 페널티',
  'params.presencePenalty.help':
    '양수일수록 이미 나온 단어에 불이익을 주어 새로운 주제로 나아가게 합니다.',
  'params.frequencyPenalty': '빈도 페널티',
  'params.frequencyPenalty.help':
    '양수일수록 단어가 나온 횟수에 비례해 불이익을 주어 반복을 줄입니다.',
  'params.n': '답변 수(n)',
  'params.n.help':
    '프롬프트마다 받을 답변 수입니다. 답변 아래에서 넘겨 가며 볼 수 있습니다. Parallax는 n개의 요청을 따로 보냅니다. 답변마다 지표가 따로 기록되고, 프롬프트 비용은 n번 청구됩니다.',
  'params.reasoningEffort': '추론 강도',
  'params.reasoningEffort.help':
    '추론 모델이 답하기 전에 얼마나 생각할지 정합니다. 강도가 높을수록 느리고 토큰이 더 듭니다.',
  'params.effort.default': '모델 기본값',
  'params.effort.defaultNamed': '모델 기본값({value})',
  'params.effort.minimal': '최소',
  'params.effort.low': '낮음',
  'params.effort.medium': '보통',
  'params.effort.high': '높음',
  'params.stop': '중지 시퀀스',
  'params.stop.help':
    '답변이 이 텍스트들 중 하나 앞에서 끝납니다(최대 {max}개). 줄바꿈은 \\n으로 입력하고 Enter로 추가하세요.',
  'params.stop.placeholder': '입력 후 Enter',
  'params.stop.full': '최대 개수에 도달함',
  'params.stop.list': '중지 시퀀스',
  'params.stop.remove': '중지 시퀀스 {value} 제거',
  'params.presets.title': '프리셋({count})',
  'params.presets.name': '프리셋 이름',
  'params.presets.namePlaceholder': '예: 정확한 답변',
  'params.presets.save': '저장',
  'params.presets.saved': '“{name}” 프리셋을 저장했습니다.',
  'params.presets.applied': '“{name}” 프리셋을 적용했습니다.',
  'params.presets.saveFailed': '이 브라우저에 프리셋을 저장할 수 없습니다.',
  'params.presets.empty':
    '아직 프리셋이 없습니다. 현재 파라미터에 이름을 붙여 프리셋으로 저장하세요.',
  'params.presets.list': '저장된 프리셋',
  'params.presets.apply': '적용',
  'params.presets.applyNamed': '프리셋 {name} 적용',
  'params.presets.delete': '삭제',
  'params.presets.deleteNamed': '프리셋 {name} 삭제',
  'params.presets.withSystem': '시스템 프롬프트',
}
