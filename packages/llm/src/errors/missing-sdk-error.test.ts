import { describe, expect, it } from 'vitest'
import { LlmError } from './llm-error'
import { missingSdkError } from './missing-sdk-error'

/** The error Node itself throws for a package that is not installed. */
async function importFailure(specifier: string): Promise<unknown> {
  try {
    await import(/* @vite-ignore */ specifier)
  } catch (error) {
    return error
  }
  throw new Error(`${specifier} is installed`)
}

describe('a provider SDK that is not installed', () => {
  it('is an LlmError naming the package to install', async () => {
    const error = missingSdkError('anthropic', await importFailure('@parallax-absent/sdk/core/x'))
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({
      kind: 'invalid_request',
      provider: 'anthropic',
      code: 'sdk_not_installed',
      message:
        'The anthropic provider needs the package "@parallax-absent/sdk", which is not installed.',
      hint: 'Install it: npm install @parallax-absent/sdk',
    })
  })

  it('names an unscoped package without its subpath', async () => {
    const error = missingSdkError('openai', await importFailure('parallax-absent-sdk/resources'))
    expect(error?.hint).toBe('Install it: npm install parallax-absent-sdk')
  })

  it('leaves any other failure to load as it was', async () => {
    expect(missingSdkError('openai', new TypeError('boom'))).toBeUndefined()
    expect(
      missingSdkError('openai', await importFailure('./parallax-absent-file.js')),
    ).toBeUndefined()
  })
})
