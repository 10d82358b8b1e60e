// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import {
  dataUrlOf,
  isProblem,
  liveImageNotice,
  MAX_IMAGE_BYTES,
  readImageFile,
} from './image-drafts'

describe('readImageFile', () => {
  it('reads a PNG into base64', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255])
    const draft = await readImageFile(new File([bytes], 'dot.png', { type: 'image/png' }))
    expect(isProblem(draft)).toBe(false)
    if (isProblem(draft)) return
    expect(draft).toMatchObject({ mediaType: 'image/png', name: 'dot.png', data: 'iVBORwD/' })
    expect(dataUrlOf(draft)).toBe('data:image/png;base64,iVBORwD/')
  })

  it('refuses other types and files over 5 MB, naming the file', async () => {
    expect(await readImageFile(new File(['x'], 'a.svg', { type: 'image/svg+xml' }))).toEqual({
      reason: 'type',
      name: 'a.svg',
    })
    const big = new File([new Uint8Array(MAX_IMAGE_BYTES + 1)], 'big.jpg', { type: 'image/jpeg' })
    expect(await readImageFile(big)).toEqual({ reason: 'size', name: 'big.jpg' })
  })
})

describe('liveImageNotice', () => {
  const refusal = { reason: 'noVision', models: ['o3-mini'] } as const

  it('keeps a refusal while the same models without image input are chosen', () => {
    expect(liveImageNotice(refusal, ['o3-mini'])).toBe(refusal)
  })

  it('drops a refusal once the choice changes: a vision model, or other models without it', () => {
    expect(liveImageNotice(refusal, [])).toBeNull()
    expect(liveImageNotice(refusal, ['o1-mini'])).toBeNull()
    expect(liveImageNotice(refusal, ['o3-mini', 'o1-mini'])).toBeNull()
  })

  it('keeps notices about the files themselves whatever the models', () => {
    const tooBig = { reason: 'size', name: 'big.jpg' } as const
    expect(liveImageNotice(tooBig, [])).toBe(tooBig)
    expect(liveImageNotice({ reason: 'tooMany' }, ['o3-mini'])).toEqual({ reason: 'tooMany' })
    expect(liveImageNotice(null, ['o3-mini'])).toBeNull()
  })
})
