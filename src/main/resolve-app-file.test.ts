import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppFile } from './resolve-app-file'

describe('resolveAppFile', () => {
  const root = resolve('/opt/parallax/renderer')

  it('maps app:// paths into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://parallax/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://parallax/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://parallax/assets/a%20b.js')).toBe(
      join(root, 'assets', 'a b.js'),
    )
  })

  it('refuses other hosts, schemes and anything that escapes the folder', () => {
    for (const url of [
      'app://other/index.html',
      'file:///etc/passwd',
      'app://parallax/../../etc/passwd',
      'app://parallax/%2e%2e/%2e%2e/etc/passwd',
      'app://parallax/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://parallax/..%5c..%5csecret',
      'app://parallax/a%00.js',
      'app://parallax/%E0%A4%A',
    ]) {
      const file = resolveAppFile(root, url)
      if (file !== undefined) expect(file.startsWith(root)).toBe(true)
    }
    expect(
      resolveAppFile(root, 'app://parallax/assets/..%2f..%2f..%2fetc%2fpasswd'),
    ).toBeUndefined()
    expect(resolveAppFile(root, 'app://other/index.html')).toBeUndefined()
  })
})
