import { describe, expect, it } from 'vitest'
import { solidPng } from '../../../test/e2e/support/solid-png'
import { readImageSize, readImageSizeBase64 } from './image-size'

/*
 * The beginnings of real files, as Chromium's encoder wrote them for a 1000 × 600 canvas
 * (convertToBlob): the header is all the reader needs, and all the page sends.
 */
const CHROMIUM_PNG = 'iVBORw0KGgoAAAANSUhEUgAAA+gAAAJYCAYAAADxHswlAAAQAElEQVR4AezXiZEj'
const CHROMIUM_WEBP_LOSSY = 'UklGRlAIAABXRUJQVlA4WAoAAAAgAAAA5wMAVwIASUNDUMgBAAAAAAHIAAAAAAQw'
const CHROMIUM_WEBP_LOSSLESS = 'UklGRoAUAABXRUJQVlA4WAoAAAAgAAAA5wMAVwIASUNDUMgBAAAAAAHIAAAAAAQw'
// A JPEG with an ICC profile (APP2, 472 bytes) before its tables: the frame header is at byte 632.
const CHROMIUM_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAJYA+gDASIAAhEBAxEB/8QAGQABAQEBAQEAAAAAAAAAAAAAAAYFBAMB/8QAJBABAAAFBQEAAgMAAAAAAAAAAAIFFVSiAQM1gtGyBBIxUWH/xAAZAQEAAwEBAAAAAAAAAAAAAAAAAgMFAQT/xAAhEQEA'

/** The first bytes of a WebP file whose first chunk is `chunk`, followed by `payload`. */
function webp(chunk: string, payload: number[]): Uint8Array {
  const head = Buffer.from(`RIFF\0\0\0\0WEBP${chunk}\0\0\0\0`, 'latin1')
  return Buffer.concat([head, Buffer.from(payload), Buffer.alloc(8)])
}

describe('readImageSize', () => {
  it('reads PNG, JPEG and WebP headers as Chromium writes them', () => {
    const size = { width: 1000, height: 600 }
    expect(readImageSizeBase64(CHROMIUM_PNG)).toEqual(size)
    expect(readImageSizeBase64(CHROMIUM_JPEG)).toEqual(size)
    expect(readImageSizeBase64(CHROMIUM_WEBP_LOSSY)).toEqual(size)
    expect(readImageSizeBase64(CHROMIUM_WEBP_LOSSLESS)).toEqual(size)
  })

  it('reads a whole PNG and a beginning cut anywhere inside a 4-character group', () => {
    const png = solidPng(3000, 200).toString('base64')
    expect(readImageSizeBase64(png)).toEqual({ width: 3000, height: 200 })
    expect(readImageSizeBase64(png.slice(0, 35))).toEqual({ width: 3000, height: 200 })
  })

  it('reads GIF and the simple WebP kinds (VP8, VP8L)', () => {
    // GIF89a, logical screen 640 × 480 (little-endian).
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x80, 0x02, 0xe0, 0x01, 0, 0, 0])
    expect(readImageSize(gif)).toEqual({ width: 640, height: 480 })
    // VP8: frame tag, start code 9d 01 2a, then width 800 and height 450 (14 bits each).
    const lossy = webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x20, 0x03, 0xc2, 0x01])
    expect(readImageSize(lossy)).toEqual({ width: 800, height: 450 })
    // VP8L: signature 0x2f, then width − 1 = 99 and height − 1 = 49 packed in 14-bit fields.
    const bits = 99 | (49 << 14)
    const lossless = webp('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, 0])
    expect(readImageSize(lossless)).toEqual({ width: 100, height: 50 })
  })

  it('answers null for what is not an image header, or ends before the size', () => {
    expect(readImageSize(Buffer.from('hello, this is not an image at all'))).toBeNull()
    expect(readImageSizeBase64(CHROMIUM_PNG.slice(0, 20))).toBeNull()
    // The JPEG cut before its frame header.
    expect(readImageSizeBase64(CHROMIUM_JPEG.slice(0, 800))).toBeNull()
    expect(readImageSize(new Uint8Array())).toBeNull()
  })
})
