import { describe, expect, it } from 'vitest'
import { messagesKo } from './messages-ko'

/**
 * The rules of the Korean style guide (../shared/ko-style.md) that a program can check, over
 * every Korean message. Each rule is a predicate that is true for a string breaking it.
 */
interface Rule {
  name: string
  breaks(text: string): boolean
}

// A particle whose form depends on the last syllable (받침), right after a placeholder, maybe
// behind a closing quote: the value is mostly Latin, so the guess is wrong half the time.
const PARTICLE_AFTER_PLACEHOLDER = /\{\w+\}[”’"']?(?:을|를|은|는|이|가|과|와|으로)(?![가-힣])/

const FORBIDDEN_TERMS: readonly { term: RegExp; use: string }[] = [
  { term: /제공자/, use: '제공업체' },
  { term: /매개변수/, use: '파라미터' },
  { term: /고르|고른|골라|고릅/, use: '선택' },
  { term: /비전/, use: '이미지 입력' },
  { term: /지역/, use: '리전' },
  { term: /시크릿/, use: '비밀 액세스 키' },
  { term: /키 저장소|(?<!키 )보관함|키 보관(?!함)/, use: '키 보관함' },
  { term: /시스템 키링/, use: 'OS 키체인' },
  { term: /가격 없음/, use: '가격 정보 없음' },
  { term: /프롬프트 칸/, use: '입력란' },
  { term: /접근/, use: '액세스' },
  { term: /최고 속도/, use: '첫 토큰 최단 / 총 시간 최단' },
  { term: /지우|지워|빼기/, use: '제거 / 삭제' },
  { term: /멈추|멈췄|멈춥/, use: '중지 / 종료' },
  { term: /하신/, use: 'no honorific -하신' },
]

const RULES: readonly Rule[] = [
  { name: 'no " — " or " – " joining clauses', breaks: (s) => /\s[—–]\s/.test(s) },
  {
    name: 'no 을(를)/은(는)/이(가) after a {placeholder}',
    breaks: (s) => PARTICLE_AFTER_PLACEHOLDER.test(s),
  },
  {
    name: 'no money written into the text ("$", "US$"): money comes from the formatter',
    breaks: (s) => s.includes('$'),
  },
  { name: 'no hard-coded "≈" (약 {value})', breaks: (s) => s.includes('≈') },
  {
    name: 'no " s" unit (초 through the catalog)',
    breaks: (s) => /(?:^|[\s\d}])s(?=$|[\s.,)])/.test(s),
  },
  {
    name: 'instructions end in "-하세요", never "-해 주세요"',
    breaks: (s) => /주세요/.test(s),
  },
  {
    name: 'ranges as {min}~{max}',
    breaks: (s) => /\{min\}\s*(?:–|-|부터|에서)\s*\{max\}/.test(s),
  },
  {
    name: 'parentheses attach to the word',
    breaks: (s) => /[가-힣] \(/.test(s),
  },
  ...FORBIDDEN_TERMS.map(({ term, use }) => ({
    name: `terminology: ${term.source} → ${use}`,
    breaks: (s: string) => term.test(s),
  })),
]

function offendingKeys(rule: Rule, messages: Record<string, string> = messagesKo): string[] {
  return Object.entries(messages)
    .filter(([, text]) => rule.breaks(text))
    .map(([key, text]) => `${key}: ${text}`)
}

describe('the Korean catalog follows ko-style.md', () => {
  for (const rule of RULES) {
    it(rule.name, () => {
      expect(offendingKeys(rule)).toEqual([])
    })
  }
})

function rule(name: string): Rule {
  const found = RULES.find((r) => r.name.startsWith(name))
  if (!found) throw new Error(`no rule ${name}`)
  return found
}

describe('each style rule can fail', () => {
  const cases: readonly [string, string, string][] = [
    // rule, a string breaking it, the same thought written to the guide
    ['no " — "', '키가 거부되었습니다 — 다시 입력하세요.', '키가 거부되었습니다. 다시 입력하세요.'],
    ['no " — "', '연결됨 – 모델 3개', '연결됨: 모델 3개'],
    ['no 을(를)', '{name}을(를) 저장했습니다.', '“{name}” 프리셋을 저장했습니다.'],
    ['no 을(를)', '“{name}”을 적용했습니다.', '“{name}” 프리셋을 적용했습니다.'],
    ['no 을(를)', '{model}은 이미지를 받지 않습니다.', '{model} 모델: 대화 {count}개'],
    ['no 을(를)', '{field}가 잘못되었습니다.', '{field} 값이 잘못되었습니다.'],
    ['no money', '약 $0.0042', '약 {cost}'],
    ['no money', '비용 US$1.00', '비용 {cost}'],
    ['no hard-coded "≈"', '≈ {cost}', '약 {cost}'],
    ['no " s"', '{value} s', '{value}초'],
    ['instructions', '다시 입력해 주세요.', '다시 입력하세요.'],
    ['ranges', '{min}부터 {max} 사이의 정수', '{min}~{max} 사이의 정수'],
    ['ranges', '(초, {min}–{max})', '(초, {min}~{max})'],
    ['parentheses', '답변 수 (n)', '답변 수(n)'],
    ['terminology: 제공자', '제공자 목록', '제공업체 목록'],
    ['terminology: 매개변수', '매개변수', '파라미터'],
    ['terminology: 고르', '모델을 고르세요.', '모델을 선택하세요.'],
    ['terminology: 비전', '비전 모델', '이미지 입력 모델'],
    ['terminology: 지역', '지역 엔드포인트', '리전 엔드포인트'],
    ['terminology: 시크릿', '시크릿 액세스 키', '비밀 액세스 키'],
    ['terminology: 키 저장소', '보관함 암호', '키 보관함 암호 문구'],
    ['terminology: 키 저장소', '키 저장소가 잠겨 있습니다', '키 보관함이 잠겨 있습니다'],
    ['terminology: 가격 없음', '가격 없음', '가격 정보 없음'],
    ['terminology: 최고 속도', '첫 토큰 최고 속도', '첫 토큰 최단'],
    ['terminology: 지우', '{number}번 열 지우기', '{number}번 열 제거'],
    ['terminology: 멈추', '서버가 멈췄습니다.', '서버가 종료되었습니다.'],
    ['terminology: 하신', '동의하신 대로', '동의한 대로'],
  ]
  it.each(cases)('%s: flags “%s”, passes “%s”', (name, bad, good) => {
    expect(rule(name).breaks(bad)).toBe(true)
    expect(rule(name).breaks(good)).toBe(false)
  })

  it('names the offending key', () => {
    expect(offendingKeys(rule('no " — "'), { 'x.bad': 'a — b', 'x.good': 'a. b' })).toEqual([
      'x.bad: a — b',
    ])
  })
})
