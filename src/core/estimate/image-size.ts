/** An image's size in pixels. */
export interface ImageSize {
  width: number
  height: number
}

/**
 * Width and height from the header bytes of a PNG, JPEG, GIF or WebP file; null when the bytes
 * are none of these or end before the size. Reads only the header, so the beginning of the file
 * is enough (a JPEG's size follows its metadata segments, usually within the first few KiB).
 */
export function readImageSize(bytes: Uint8Array): ImageSize | null {
  return pngSize(bytes) ?? gifSize(bytes) ?? webpSize(bytes) ?? jpegSize(bytes)
}

/** How much of an image's base64 is read for its size (192 KiB of the file; pages send as much). */
export const IMAGE_HEAD_BASE64_CHARS = 262_144

/** The size of an image given as base64 (all of it or its beginning). */
export function readImageSizeBase64(data: string): ImageSize | null {
  // Only the beginning, and whole 4-character groups, so a cut beginning still decodes.
  const head = data.slice(0, IMAGE_HEAD_BASE64_CHARS)
  return readImageSize(Buffer.from(head.slice(0, head.length - (head.length % 4)), 'base64'))
}

function sizeOf(width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { width, height } : null
}

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (bytes.length < at + ascii.length) return false
  for (let i = 0; i < ascii.length; i++) {
    if (bytes[at + i] !== ascii.charCodeAt(i)) return false
  }
  return true
}

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0)
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2)

/** PNG: the 8-byte signature, then the IHDR chunk with width and height as 32-bit big-endian. */
function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || !startsWith(b, 0, '\x89PNG\r\n\x1a\n') || !startsWith(b, 12, 'IHDR')) {
    return null
  }
  return sizeOf(u32be(b, 16), u32be(b, 20))
}

/** GIF: "GIF87a" / "GIF89a", then the logical screen width and height, 16-bit little-endian. */
function gifSize(b: Uint8Array): ImageSize | null {
  if (b.length < 10 || !startsWith(b, 0, 'GIF8')) return null
  return sizeOf(u16le(b, 6), u16le(b, 8))
}

/** WebP: a RIFF file whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpSize(b: Uint8Array): ImageSize | null {
  if (!startsWith(b, 0, 'RIFF') || !startsWith(b, 8, 'WEBP')) return null
  if (startsWith(b, 12, 'VP8 ') && b.length >= 30) {
    // After the 3-byte frame tag and the 9d 01 2a start code: 14-bit width and height.
    return sizeOf(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff)
  }
  if (startsWith(b, 12, 'VP8L') && b.length >= 25) {
    // After the 0x2f signature byte: 14 bits width − 1, then 14 bits height − 1.
    const bits =
      ((b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)) >>> 0
    return sizeOf((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (startsWith(b, 12, 'VP8X') && b.length >= 30) {
    return sizeOf(u24le(b, 24) + 1, u24le(b, 27) + 1)
  }
  return null
}

/** JPEG: walks the segments to the first start-of-frame marker, which holds height and width. */
function jpegSize(b: Uint8Array): ImageSize | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    // Markers without a length: TEM and RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sizeOf(u16be(b, at + 7), u16be(b, at + 5))
    }
    at += 2 + u16be(b, at + 2)
  }
  return null
}
