import { describe, expect, it } from 'vitest'
import { destinationWarnings } from './destination-warnings'

const codes = (address: string) => destinationWarnings(address).map((warning) => warning.code)

describe('destinationWarnings', () => {
  it('names plain http to anything but loopback', () => {
    expect(codes('http://gpu-box.lan:11434/v1')).toEqual(['plain_http'])
    expect(codes('http://10.0.0.5/v1')).toEqual(['plain_http'])
    expect(codes('http://localhost:11434/v1')).toEqual([])
    expect(codes('http://app.localhost/v1')).toEqual([])
    expect(codes('http://127.0.0.1:1234/v1')).toEqual([])
    expect(codes('http://127.8.9.10/v1')).toEqual([])
    expect(codes('http://[::1]:8080/v1')).toEqual([])
    expect(codes('http://[::ffff:127.0.0.1]/v1')).toEqual([])
    expect(codes('https://gpu-box.lan/v1')).toEqual([])
    expect(codes('not a url')).toEqual([])
    expect(destinationWarnings('http://gpu-box.lan/v1')[0]?.message).toMatch(/unencrypted/)
  })

  it('names link-local and cloud metadata hosts, however the address is spelled', () => {
    for (const address of [
      'https://169.254.169.254/latest',
      'https://169.254.1.2',
      'https://2852039166/', // decimal
      'https://0xA9FEA9FE/', // hex
      'https://0251.0376.0251.0376/', // octal
      'https://169.254.43518/', // a.b.c with a 16-bit tail
      'https://metadata.google.internal/computeMetadata/v1',
      'https://METADATA.google.internal./',
      'https://metadata/',
      'https://[fd00:ec2::254]/',
      'https://[FE80::1]/',
      'https://[febf::1]/',
      'https://[::ffff:169.254.169.254]/',
      'https://100.100.100.200/',
    ]) {
      expect(codes(address), address).toEqual(['metadata_address'])
    }
    expect(codes('http://169.254.169.254/')).toEqual(['plain_http', 'metadata_address'])
    expect(codes('https://[fec0::1]/')).toEqual([])
    expect(codes('https://100.100.100.201/')).toEqual([])
    expect(codes('https://169.253.1.1/')).toEqual([])
    expect(codes('https://metadata.example.com/')).toEqual([])
  })
})
