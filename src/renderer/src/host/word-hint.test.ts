import { describe, expect, it } from 'vitest'
import { createTranslate } from '../i18n/i18n'
import { wordHint } from './word-hint'

const ko = createTranslate('ko')
const en = createTranslate('en')

describe('what to do about a failure, worded from the library’s hint code', () => {
  it('words a rejected key in Korean', () => {
    const fields = {
      hint: 'Check the API key at https://platform.openai.com/api-keys; it may have been revoked or mistyped.',
      hintCode: 'check_api_key',
      hintDetails: { provider: 'OpenAI' },
    }
    expect(wordHint(fields, ko)).toBe(
      'API 키를 확인하세요. 폐기되었거나 잘못 입력되었을 수 있습니다.',
    )
    expect(wordHint(fields, en)).toBe('Check the API key: it may have been revoked or mistyped.')
  })

  it('fills the details the sentence names, parameters by the panel’s names', () => {
    expect(
      wordHint(
        {
          hint: 'This model does not accept presence_penalty or frequency_penalty; leave them out.',
          hintCode: 'parameter_not_accepted',
          hintDetails: { parameter: 'presence_penalty, frequency_penalty' },
        },
        ko,
      ),
    ).toBe('이 모델은 존재 페널티, 빈도 페널티 파라미터를 받지 않습니다. 값을 비워 두세요.')
    expect(
      wordHint(
        {
          hint: 'Install it: npm install @google/genai',
          hintCode: 'install_package',
          hintDetails: { package: '@google/genai' },
        },
        ko,
      ),
    ).toBe('패키지를 설치하세요: npm install @google/genai')
  })

  it('falls back to the English hint for an unknown code or a missing detail', () => {
    expect(wordHint({ hint: 'Do the new thing.', hintCode: 'from_a_newer_library' }, ko)).toBe(
      'Do the new thing.',
    )
    expect(wordHint({ hint: 'Install it.', hintCode: 'install_package' }, ko)).toBe('Install it.')
    expect(wordHint({ hint: 'Plain hint from an older host.' }, ko)).toBe(
      'Plain hint from an older host.',
    )
  })

  it('says nothing when there is no hint', () => {
    expect(wordHint({}, ko)).toBeUndefined()
  })
})
