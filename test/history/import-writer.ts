/**
 * Child process for the kill-mid-import test: imports the chat corpus as one file (its search
 * entries are written on the search writer's thread, the last part after the rows commit) and
 * prints `imported <n>`, then waits to be killed.
 */
import { openHistoryStore } from '../../src/core/history/index'
import { ChatCorpus } from './chat-corpus'

const [file, messages] = process.argv.slice(2)
if (!file || !messages) throw new Error('usage: import-writer <database file> <messages>')
const store = openHistoryStore({ file })
const corpus = new ChatCorpus({ messages: Number(messages), conversations: Number(messages) / 50 })
let imported = 0
for (const batch of corpus.batches(Number(messages) / 50)) {
  const report = store.importJson(batch)
  imported += report.messages.added + report.runs.added
}
console.log(`imported ${imported}`)
setInterval(() => undefined, 1000)
