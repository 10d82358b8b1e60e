import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withHint } from '../../packages/llm/src/errors/hint-codes'
import { missingSdkError } from '../../packages/llm/src/errors/missing-sdk-error'
import {
  abortError,
  classifyUnknownError,
  invalidRequest,
  sanitizeError,
} from '../../packages/llm/src/errors/normalize-error'
import { LLM_HINT_CODES, LlmError } from '../../packages/llm/src/index'

const SOURCE = resolve(import.meta.dirname, '../../packages/llm/src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('hint codes on the library’s own errors', () => {
  it('a stream that went quiet: stream_idle with the seconds waited', () => {
    const error = abortError('openai', 'idle', 45_000)
    expect(error).toMatchObject({
      kind: 'timeout',
      hintCode: 'stream_idle',
      hintDetails: { seconds: '45' },
    })
    expect(error.hint).toMatch(/idleTimeoutMs/)
  })

  it('an unreachable host: check_network', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    })
    const error = classifyUnknownError(cause, 'anthropic')
    expect(error).toMatchObject({ kind: 'network', hintCode: 'check_network' })
    expect(error.hint).toMatch(/network connection/)
  })

  it('a missing SDK: install_package naming the package', () => {
    const cause = Object.assign(new Error("Cannot find package '@google/genai' imported from x"), {
      code: 'ERR_MODULE_NOT_FOUND',
    })
    expect(missingSdkError('gemini', cause)).toMatchObject({
      hintCode: 'install_package',
      hintDetails: { package: '@google/genai' },
      hint: 'Install it: npm install @google/genai',
    })
  })

  it('a refused request keeps its hint code; errors without a hint have none', () => {
    const hinted = invalidRequest('openai', 'No images.', withHint('pick_vision_model', 'Pick.'))
    expect(hinted).toMatchObject({ hintCode: 'pick_vision_model', hint: 'Pick.' })
    const plain = invalidRequest('openai', 'Bad.')
    expect(plain.hint).toBeUndefined()
    expect(plain.hintCode).toBeUndefined()
    expect(plain.toJSON()).not.toHaveProperty('hintCode')
  })

  it('the error as it leaves the library keeps code and details, redacted, also in JSON', () => {
    const secret = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789'
    const error = new LlmError({
      kind: 'auth',
      provider: 'openai',
      message: 'no',
      ...withHint('check_api_key', `Check ${secret}.`, { provider: `OpenAI ${secret}` }),
    })
    const clean = sanitizeError(error, { provider: 'openai', apiKey: secret })
    expect(clean.hintCode).toBe('check_api_key')
    expect(clean.hint).not.toContain(secret)
    expect(clean.hintDetails?.provider).toBe('OpenAI [redacted]')
    expect(clean.toJSON()).toMatchObject({
      hintCode: 'check_api_key',
      hintDetails: { provider: 'OpenAI [redacted]' },
    })
  })

  it('a hint given without a code (a plugin of its own) keeps its text as it leaves', () => {
    const error = new LlmError({ kind: 'auth', provider: 'openai', message: 'no', hint: 'Check.' })
    const clean = sanitizeError(error, undefined)
    expect(clean.hint).toBe('Check.')
    expect(clean.hintCode).toBeUndefined()
  })

  it('every hint in the library is given with its code (through withHint)', () => {
    const bare: string[] = []
    for (const file of sourceFiles(SOURCE)) {
      if (file.endsWith('hint-codes.ts')) continue
      const text = readFileSync(file, 'utf8')
      // A hint written as text in an error's init has no code.
      for (const match of text.matchAll(/\bhint:\s*['"`]/g))
        bare.push(`${file.slice(SOURCE.length + 1)}: ${match[0].trim()}`)
    }
    expect(bare).toEqual([])
  })

  it('the codes are unique snake_case words', () => {
    expect(new Set(LLM_HINT_CODES).size).toBe(LLM_HINT_CODES.length)
    for (const code of LLM_HINT_CODES) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/)
  })
})
