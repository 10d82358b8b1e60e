import { Sha256 } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'
import { describe, expect, it } from 'vitest'
import {
  canonicalPath,
  canonicalRequest,
  sha256Hex,
  signingKey,
  stringToSign,
  verifySigV4,
} from './sigv4'

// The AWS documentation's example key (not a real secret).
const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

describe('SigV4 verifier', () => {
  it('derives the signing key of the IAM documentation example', () => {
    const key = signingKey(EXAMPLE_SECRET, '20150830', 'us-east-1', 'iam')
    expect(key.toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    )
  })

  it('matches the aws-sig-v4-test-suite get-vanilla vector', () => {
    const req = {
      method: 'GET',
      url: '/',
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      body: '',
    }
    const canonical = canonicalRequest(req, ['host', 'x-amz-date'], EMPTY_HASH)
    expect(canonical).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n' +
        EMPTY_HASH,
    )
    const sts = stringToSign(
      '20150830T123600Z',
      '20150830/us-east-1/service/aws4_request',
      canonical,
    )
    expect(sts.split('\n')[3]).toBe(
      'bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    )
    const authorization =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
      'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'
    const result = verifySigV4(
      { ...req, headers: { ...req.headers, authorization } },
      {
        credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: EXAMPLE_SECRET }],
        region: 'us-east-1',
        service: 'service',
        now: new Date('2015-08-30T12:36:00Z'),
      },
    )
    expect(result).toEqual({ ok: true, accessKeyId: 'AKIDEXAMPLE' })
  })

  it('double-encodes path segments like every non-S3 service', () => {
    expect(canonicalPath('/model/us.anthropic.claude-v1%3A0/converse')).toBe(
      '/model/us.anthropic.claude-v1%253A0/converse',
    )
    expect(canonicalPath('/a/./b/../c')).toBe('/a/c')
  })

  async function signWithSdk(sessionToken?: string) {
    const signer = new SignatureV4({
      service: 'bedrock',
      region: 'eu-west-1',
      sha256: Sha256,
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake/secret+key', sessionToken },
    })
    const body = '{"messages":[]}'
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4000,
      path: '/model/eu.amazon.nova-lite-v1%3A0/converse',
      query: { b: 'x y', a: '1' },
      headers: { host: '127.0.0.1:4000', 'content-type': 'application/json' },
      body,
    })
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
    )
    return {
      method: 'POST',
      url: '/model/eu.amazon.nova-lite-v1%3A0/converse?b=x%20y&a=1',
      headers,
      body,
    }
  }

  it('accepts what the AWS SDK signer produces and rejects a wrong secret or token', async () => {
    const known = {
      accessKeyId: 'AKIAFAKE',
      secretAccessKey: 'fake/secret+key',
      sessionToken: 'tok',
    }
    const credentials = [known]
    const req = await signWithSdk('tok')
    expect(verifySigV4(req, { credentials, region: 'eu-west-1', service: 'bedrock' }).ok).toBe(true)

    const wrongSecret = [{ ...known, secretAccessKey: 'other' }]
    expect(
      verifySigV4(req, { credentials: wrongSecret, region: 'eu-west-1', service: 'bedrock' }),
    ).toMatchObject({
      ok: false,
      errorType: 'InvalidSignatureException',
    })
    const noToken = await signWithSdk(undefined)
    expect(
      verifySigV4(noToken, { credentials, region: 'eu-west-1', service: 'bedrock' }),
    ).toMatchObject({
      ok: false,
      errorType: 'UnrecognizedClientException',
    })
    expect(
      verifySigV4(
        { ...req, body: '{"messages":[1]}' },
        { credentials, region: 'eu-west-1', service: 'bedrock' },
      ).ok,
    ).toBe(false)
    expect(verifySigV4(req, { credentials, region: 'us-east-1', service: 'bedrock' }).ok).toBe(
      false,
    )
  })

  it('hashes payloads as hex sha256', () => {
    expect(sha256Hex('')).toBe(EMPTY_HASH)
  })
})
