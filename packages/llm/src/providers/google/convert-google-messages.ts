import type { Content, Part } from '@google/genai'
import { invalidRequest } from '../../errors/normalize-error'
import type { ChatMessage, ContentPart, ProviderId, TextContentPart } from '../../types'
import { signaturesOf } from './google-reasoning'
import { SKIP_SIGNATURE, signatureFor } from './thought-signatures'

export interface GoogleMessages {
  systemInstruction?: Content
  contents: Content[]
}

/**
 * OpenAI messages → Gemini `contents` + `systemInstruction`.
 * - Every system/developer message goes to systemInstruction (Gemini has one), in order.
 * - assistant → role 'model'; tool calls → functionCall parts with their thought signature: the
 *   message's `reasoning_details` item for that call id (format google-gemini-v1), else the one
 *   this process remembers, else (Gemini 3) the skip placeholder; a text signature goes on the
 *   last text part. Items of other formats are never sent.
 * - Consecutive tool messages → one 'user' turn of functionResponse parts, named after the
 *   earlier call with the same id (Gemini matches responses to calls by name and order).
 * - Images: data URLs → inlineData; http(s) URLs → fileData { fileUri, mimeType } (Vertex fetches
 *   public URLs and gs:// URIs; the Gemini API fetches public https URLs on current models).
 */
export function convertGoogleMessages(
  provider: ProviderId,
  messages: readonly ChatMessage[],
  options: { needsSignatures: boolean },
): GoogleMessages {
  const system: Part[] = []
  const contents: Content[] = []
  const toolNames = new Map<string, string>()

  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer':
        for (const text of texts(message.content)) system.push({ text })
        break
      case 'user':
        contents.push({ role: 'user', parts: userParts(provider, message.content) })
        break
      case 'assistant': {
        const parts: Part[] = []
        const kept = signaturesOf(message.reasoning_details)
        for (const text of texts(message.content ?? '')) if (text) parts.push({ text })
        const lastText = parts.at(-1)
        if (kept.text && lastText) lastText.thoughtSignature = kept.text
        for (const call of message.tool_calls ?? []) {
          toolNames.set(call.id, call.function.name)
          const part: Part = {
            functionCall: {
              name: call.function.name,
              args: parseArguments(provider, call.function.arguments),
            },
          }
          const signature =
            kept.byCall.get(call.id) ??
            signatureFor(call.id) ??
            (options.needsSignatures ? SKIP_SIGNATURE : undefined)
          if (signature) part.thoughtSignature = signature
          parts.push(part)
        }
        if (parts.length === 0) parts.push({ text: '' })
        contents.push({ role: 'model', parts })
        break
      }
      case 'tool': {
        const name = toolNames.get(message.tool_call_id)
        if (!name) {
          throw invalidRequest(
            provider,
            `The tool message with tool_call_id "${message.tool_call_id}" answers no earlier assistant tool call.`,
          )
        }
        const part: Part = {
          functionResponse: { name, response: toolResponse(texts(message.content).join('')) },
        }
        const last = contents.at(-1)
        if (last?.role === 'user' && last.parts?.every((p) => p.functionResponse))
          last.parts.push(part)
        else contents.push({ role: 'user', parts: [part] })
        break
      }
    }
  }
  return {
    ...(system.length > 0 ? { systemInstruction: { role: 'user', parts: system } } : {}),
    contents,
  }
}

function texts(content: string | TextContentPart[]): string[] {
  return typeof content === 'string' ? [content] : content.map((part) => part.text)
}

function userParts(provider: ProviderId, content: string | ContentPart[]): Part[] {
  if (typeof content === 'string') return [{ text: content }]
  return content.map((part): Part => {
    if (part.type === 'text') return { text: part.text }
    return imagePart(provider, part.image_url.url)
  })
}

function imagePart(provider: ProviderId, url: string): Part {
  const data = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s.exec(url)
  if (data)
    return { inlineData: { mimeType: data[1] ?? 'application/octet-stream', data: data[2] ?? '' } }
  if (/^(https?|gs):\/\//i.test(url))
    return { fileData: { fileUri: url, mimeType: mimeTypeOf(url) } }
  throw invalidRequest(provider, 'An image_url must be a base64 data: URL or an http(s) URL.')
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
}

function mimeTypeOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? ''
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  return IMAGE_TYPES[ext] ?? 'image/jpeg'
}

function parseArguments(provider: ProviderId, text: string): Record<string, unknown> {
  if (!text.trim()) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>
  } catch {
    // fall through
  }
  throw invalidRequest(provider, 'An assistant tool call has arguments that are not a JSON object.')
}

/** functionResponse.response must be an object: a JSON object is sent as is, anything else as { output }. */
function toolResponse(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>
    return { output: parsed }
  } catch {
    return { output: text }
  }
}
