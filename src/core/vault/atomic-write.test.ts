import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-atomic-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeFileAtomic', () => {
  it('writes a new file with mode 0600 and leaves no temp file', async () => {
    const file = join(dir, 'vault.json')
    await writeFileAtomic(file, 'one')
    await writeFileAtomic(file, 'two')
    expect(readFileSync(file, 'utf8')).toBe('two')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir)).toEqual(['vault.json'])
  })

  it('keeps the old file whole when the writer dies between the temp write and the rename', async () => {
    const file = join(dir, 'vault.json')
    await writeFileAtomic(file, 'old content')
    let tempSeen = ''
    const crash = writeFileAtomic(file, 'new content', {
      beforeRename: (temp) => {
        tempSeen = readFileSync(temp, 'utf8')
        throw new Error('simulated crash')
      },
    })
    await expect(crash).rejects.toThrow('simulated crash')
    expect(tempSeen).toBe('new content')
    expect(readFileSync(file, 'utf8')).toBe('old content')
    expect(readdirSync(dir)).toEqual(['vault.json'])
  })

  it('removes temp files a killed writer left behind, and nothing else', async () => {
    const file = join(dir, 'vault.json')
    writeFileSync(file, 'kept')
    writeFileSync(`${file}.tmp-123-abcdef`, 'half')
    writeFileSync(join(dir, 'other.json.tmp-1-2'), 'not ours')
    expect(await removeStaleTempFiles(file)).toEqual(['vault.json.tmp-123-abcdef'])
    expect(readdirSync(dir).sort()).toEqual(['other.json.tmp-1-2', 'vault.json'])
  })
})
