/*
 * What an OpenAI Chat Completions request body costs in input tokens, counted from the body the
 * fake received, by OpenAI's published recipe: 3 tokens per message, 3 to prime the reply
 * (https://cookbook.openai.com/examples/how_to_count_tokens_with_tiktoken), images by their tiles
 * (https://platform.openai.com/docs/guides/images-vision#calculating-costs). Text is counted with
 * the GPT-4o pre-tokenizer's pieces (a word, a number of up to 3 digits, a run of punctuation, a
 * run of spaces), each piece one token and a long piece one per 6 characters: close to the real
 * tokenizer for English, and independent of Parallax's characters-÷-4 estimate.
 */
export function openaiRequestTokens(body: unknown): number {
  const messages = (body as { messages?: unknown[] }).messages ?? []
  let tokens = 3
  for (const message of messages) {
    tokens += 3
    const content = (message as { content?: unknown }).content
    if (typeof content === 'string') tokens += textTokens(content)
    else if (Array.isArray(content)) {
      for (const part of content as {
        type: string
        text?: string
        image_url?: { url: string }
      }[]) {
        if (part.type === 'text') tokens += textTokens(part.text ?? '')
        if (part.type === 'image_url') tokens += imageTokens(part.image_url?.url ?? '')
      }
    }
  }
  return tokens
}

const PIECES = /'(?:s|t|re|ve|m|ll|d)| ?\p{L}+| ?\p{N}{1,3}| ?[^\s\p{L}\p{N}]+|\s+/gu

function textTokens(text: string): number {
  let tokens = 0
  for (const piece of text.match(PIECES) ?? []) tokens += Math.max(1, Math.ceil(piece.length / 6))
  return tokens
}

function imageTokens(url: string): number {
  // The tests send PNGs: the IHDR chunk holds width and height.
  const png = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('expected a PNG image')
  let w = png.readUInt32BE(16)
  let h = png.readUInt32BE(20)
  const fit = Math.min(1, 2048 / Math.max(w, h))
  w *= fit
  h *= fit
  const shortest = Math.min(1, 768 / Math.min(w, h))
  w *= shortest
  h *= shortest
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512)
}
