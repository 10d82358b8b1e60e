import type { ImageBlock } from '@aws-sdk/client-bedrock-runtime'
import { LlmError } from '../../errors/llm-error'

/** Bedrock's Converse limit per image. */
export const MAX_IMAGE_BYTES = 3_750_000

const FORMATS: Record<string, ImageBlock['format']> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

function invalid(message: string): LlmError {
  return new LlmError({ kind: 'invalid_request', provider: 'bedrock', message })
}

/**
 * An OpenAI `image_url` as a Bedrock image block. Bedrock takes only inline bytes, so an
 * http(s) URL is downloaded here (through the credential-safe ctx.fetch, capped at Bedrock's
 * 3.75 MB image limit); a data URL is decoded.
 */
export async function toImageBlock(
  url: string,
  fetchImage: typeof fetch,
  signal: AbortSignal,
): Promise<ImageBlock> {
  if (url.startsWith('data:')) {
    const match = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s.exec(url)
    if (!match) throw invalid('An image data URL must be base64-encoded (data:image/png;base64,…).')
    const format = formatOf(match[1] ?? '')
    const bytes = Buffer.from(match[2] ?? '', 'base64')
    checkSize(bytes.length)
    return { format, source: { bytes: new Uint8Array(bytes) } }
  }
  if (!/^https?:\/\//i.test(url)) {
    throw invalid('An image must be a data: URL or an http(s) URL.')
  }
  const response = await fetchImage(url, { signal })
  if (!response.ok) {
    throw invalid(
      `Could not download the image (HTTP ${response.status}); Bedrock needs the image bytes.`,
    )
  }
  const declared = Number(response.headers.get('content-length') ?? '0')
  checkSize(declared)
  const bytes = new Uint8Array(await response.arrayBuffer())
  checkSize(bytes.length)
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
  return { format: FORMATS[type] ? formatOf(type) : sniffFormat(bytes), source: { bytes } }
}

function formatOf(mime: string): ImageBlock['format'] {
  const format = FORMATS[mime.toLowerCase()]
  if (!format)
    throw invalid(`Bedrock accepts PNG, JPEG, GIF and WebP images, not ${mime || 'this type'}.`)
  return format
}

function sniffFormat(bytes: Uint8Array): ImageBlock['format'] {
  const head = Buffer.from(bytes.subarray(0, 12))
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png'
  if (head[0] === 0xff && head[1] === 0xd8) return 'jpeg'
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif'
  if (
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'webp'
  }
  throw invalid('Bedrock accepts PNG, JPEG, GIF and WebP images; this download is none of them.')
}

function checkSize(bytes: number): void {
  if (bytes > MAX_IMAGE_BYTES) {
    throw invalid(
      `The image is ${bytes} bytes; Bedrock accepts at most ${MAX_IMAGE_BYTES} bytes per image.`,
    )
  }
}
