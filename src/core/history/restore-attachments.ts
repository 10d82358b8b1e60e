import type { DatabaseSync } from 'node:sqlite'
import { ExportedAttachmentSchema } from './history-export-schema'
import { statement, transaction } from '../database/statement-cache'

/**
 * After an import: gives imported prompts their images back (exports carry them as
 * `messages[].attachments`). Only fills messages that have none, so importing twice changes
 * nothing. Inputs without any attachment cost one scan and no writes.
 */
export function restoreAttachments(db: DatabaseSync, input: unknown): void {
  if (typeof input === 'string' && !input.includes('"attachments"')) return
  const value: unknown = typeof input === 'string' ? JSON.parse(input) : input
  const conversations = (value as { conversations?: unknown })?.conversations
  if (!Array.isArray(conversations)) return
  const withImages: { id: string; attachments: unknown[] }[] = []
  for (const conversation of conversations) {
    const messages = (conversation as { messages?: unknown })?.messages
    if (!Array.isArray(messages)) continue
    for (const message of messages as { id?: unknown; attachments?: unknown }[]) {
      if (Array.isArray(message?.attachments) && typeof message.id === 'string') {
        withImages.push({ id: message.id, attachments: message.attachments })
      }
    }
  }
  if (withImages.length === 0) return
  transaction(db, () => {
    const update = statement(
      db,
      'UPDATE messages SET attachments = ? WHERE id = ? AND attachments IS NULL',
    )
    for (const { id, attachments } of withImages) {
      // importHistory validated the whole export already; this only narrows the type.
      const images = attachments.map((a) => ExportedAttachmentSchema.parse(a))
      if (images.length > 0) update.run(JSON.stringify(images), id)
    }
  })
}
