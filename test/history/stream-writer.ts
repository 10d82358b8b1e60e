/**
 * Child process for the kill-mid-stream test: opens the store, starts a run and flushes a numbered
 * chunk of text every 20 ms, printing `flushed <n>` after each flush, until it is killed.
 */
import { openHistoryStore } from '../../src/core/history/index'

const file = process.argv[2]
if (!file) throw new Error('usage: stream-writer <database file>')
const store = openHistoryStore({ file })
const conversation = store.createConversation({ title: 'killed mid-stream' })
const message = store.addMessage({ conversationId: conversation.id, content: 'stream forever' })
const run = store.createRun({ messageId: message.id, provider: 'openai', model: 'gpt-4.1' })
console.log(`run ${run.id}`)
let n = 0
setInterval(() => {
  store.appendRunText(run.id, { answer: `[chunk ${n}]` })
  console.log(`flushed ${n}`)
  n++
}, 20)
