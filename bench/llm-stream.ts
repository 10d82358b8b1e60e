/**
 * bench:llm — CPU cost per streamed delta of each provider family's clients on the same local
 * server, in one run: a minimal floor parser (fetch + SSE + JSON.parse; for Bedrock an HTTP/2
 * event-stream decoder with CRC checks), the official SDK's stream, this library's `stream()`
 * and, for OpenAI, the Vercel AI SDK. The server runs in a child process so only client CPU is
 * measured. Prints a table, then
 *   llm-stream: openai_raw=<r> anthropic_raw=<r> bedrock_raw=<r> gemini_raw=<r> worst_sdk=<r> ai_sdk=<r> linearity=<r>
 * and exits 1 when a target is missed. Options: see bench/llm-stream/options.ts.
 */
import { FAMILIES, main } from './llm-stream/main'
import { runMeasureChild } from './llm-stream/measure-child'
import { runServer } from './llm-stream/server'

const argv = process.argv.slice(2)
if (argv.includes('--server')) void runServer(FAMILIES)
else if (argv.some((arg) => arg.startsWith('--measure='))) void runMeasureChild(FAMILIES, argv)
else
  void main(new URL(import.meta.url).pathname, argv).then((code) =>
    // Exit at once: SDK clients may keep idle connections open.
    process.exit(code),
  )
