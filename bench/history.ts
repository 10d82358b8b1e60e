/**
 * bench:history — builds a history store of 1,000,000 messages (prompts + answers) in 20,000
 * conversations through the store's own import path, then measures search, the conversation list,
 * rebuilding the search index the way an update that changes search folding does (and search
 * again on the rebuilt index), and the database size. Prints the details, then
 *   history: import=<msgs/s> search_p50=<ms> search_p95=<ms> list_p50=<ms> size_ratio=<x> reindex_s=<s>
 *     filter_p50=<ms>
 * and exits 1 when a target is missed. `--messages N` runs it smaller.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import { searchFileOf } from '../src/core/database/search-file'
import { transaction } from '../src/core/database/statement-cache'
import { openHistoryStore } from '../src/core/history/index'
import type { MatchMode } from '../src/core/history/index'
import { finishSearchRebuild, scheduleSearchRebuild } from '../src/core/history/search-rebuild'
import { ChatCorpus } from '../test/history/chat-corpus'

const TARGETS = {
  searchP50: 20,
  searchP95: 100,
  listP50: 5,
  filterP50: 20,
  importRate: 20_000,
  sizeRatio: 4,
}

const QUERIES: { label: string; query: string; match?: MatchMode }[] = [
  { label: 'common English word (> 20% of messages)', query: 'model' },
  { label: 'rare word', query: 'quillwort' },
  { label: 'two-word phrase', query: 'neural network', match: 'phrase' },
  { label: 'Korean, 6 syllables', query: '데이터베이스' },
  { label: 'Korean, 2 syllables only inside longer words', query: '모델' },
  { label: 'Japanese word', query: '機械学習' },
  { label: 'no match', query: 'zyxwvuq' },
]

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`)
  return value
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

const fmt = (value: number, digits = 2) => value.toFixed(digits)

function main(): number {
  const messages = Math.round(argument('messages', 1_000_000))
  const conversations = Math.max(1, Math.round(messages / 50))
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-history-'))
  const file = join(dir, 'history.db')
  try {
    const corpus = new ChatCorpus({ messages, conversations })
    let store = openHistoryStore({ file })
    console.log(
      `building ${messages.toLocaleString()} messages in ${conversations.toLocaleString()} conversations …`,
    )
    let importMs = 0
    let imported = 0
    for (const batch of corpus.batches(500)) {
      const started = performance.now()
      const report = store.importJson(batch)
      importMs += performance.now() - started
      imported += report.messages.added + report.runs.added
    }
    // The last imports' search entries are still being written on the writer's thread: their
    // time counts too.
    const settling = performance.now()
    store.settleSearch()
    importMs += performance.now() - settling
    const importRate = imported / (importMs / 1000)
    console.log(
      `import: ${imported.toLocaleString()} messages in ${fmt(importMs / 1000, 1)} s = ` +
        `${Math.round(importRate).toLocaleString()} messages/s (validation + rows + search index)`,
    )
    console.log(`"model" is in ${fmt((100 * corpus.modelMessages) / imported, 1)}% of messages`)

    store.database.checkpoint()
    store.close()
    const openStarted = performance.now()
    let db!: DatabaseSync
    store = openHistoryStore({ file, configureConnection: (handle) => (db = handle) })
    console.log(`reopen with quick_check: ${fmt(performance.now() - openStarted, 0)} ms`)

    const measureSearch = (latencies: number[]) => {
      const firstHits: string[] = []
      for (const { label, query, match } of QUERIES) {
        const options = { query, limit: 20, ...(match ? { match } : {}) }
        store.search(options) // warm-up
        const own: number[] = []
        let page = store.search(options)
        for (let i = 0; i < 20; i++) {
          const started = performance.now()
          page = store.search(options)
          own.push(performance.now() - started)
        }
        latencies.push(...own)
        const first = page.hits[0]
        firstHits.push(`${page.hits.length} ${first?.runId ?? first?.messageId ?? ''}`)
        console.log(
          `search ${JSON.stringify(query)} (${label}): p50=${fmt(percentile(own, 50))} ms ` +
            `p95=${fmt(percentile(own, 95))} ms hits=${page.hits.length}${page.partial ? ' (partial)' : ''}` +
            (first ? ` first=${JSON.stringify(first.snippet.marked.slice(0, 90))}` : ''),
        )
        const ordered = page.hits.every(
          (hit, i) => i === 0 || (page.hits[i - 1]?.createdAt ?? 0) >= hit.createdAt,
        )
        if (!ordered) throw new Error(`results for ${query} are not newest-first`)
      }
      return firstHits
    }
    const latencies: number[] = []
    const hitsBefore = measureSearch(latencies)

    const list: number[] = []
    for (let i = 0; i < 100; i++) {
      const started = performance.now()
      store.listConversations({ limit: 50 })
      list.push(performance.now() - started)
    }
    console.log(`list: p50=${fmt(percentile(list, 50), 3)} ms`)

    // The list filtered by provider and model, with no search text: a model used in 5 of the
    // oldest conversations (few matches, found last by a walk of the list), and a provider in
    // nearly every conversation.
    transaction(db, () => {
      db.exec(`UPDATE runs SET provider = 'mistral', model = 'mistral-small-2503'
        WHERE conversation_id IN (SELECT id FROM conversations ORDER BY updated_at LIMIT 5)`)
    })
    const measureList = (options: Parameters<typeof store.listConversations>[0]) => {
      const own: number[] = []
      let count = 0
      for (let i = 0; i < 100; i++) {
        const started = performance.now()
        count = store.listConversations({ ...options, limit: 50 }).items.length
        own.push(performance.now() - started)
      }
      return { own, count }
    }
    const rare = measureList({ provider: 'mistral', model: 'mistral-small-2503' })
    const filter = rare.own
    const common = measureList({ provider: 'openai' })
    const modelOnly = measureList({ model: 'mistral-small-2503' })
    console.log(
      `list filtered by a rare provider + model: p50=${fmt(percentile(filter, 50), 3)} ms ` +
        `(${rare.count} conversations); by a model alone: ` +
        `p50=${fmt(percentile(modelOnly.own, 50), 3)} ms; by a common provider: ` +
        `p50=${fmt(percentile(common.own, 50), 3)} ms (${common.count} on the first page)`,
    )
    if (rare.count !== 5 || modelOnly.count !== 5)
      throw new Error(`the filter found ${rare.count} and ${modelOnly.count}, not 5 conversations`)

    // An update that changes how text is folded for search (schema version 7) empties the search
    // indexes and refills them from the rows in background steps; here the steps run back to back.
    const reindexStarted = performance.now()
    transaction(db, () => scheduleSearchRebuild(db, 0))
    finishSearchRebuild(db)
    const reindexS = (performance.now() - reindexStarted) / 1000
    console.log(`rebuild of the search index: ${fmt(reindexS, 1)} s; search on the rebuilt index:`)
    const rebuiltLatencies: number[] = []
    const hitsAfter = measureSearch(rebuiltLatencies)
    if (JSON.stringify(hitsAfter) !== JSON.stringify(hitsBefore))
      throw new Error(`the rebuilt index finds other results: ${hitsAfter} vs ${hitsBefore}`)
    latencies.push(...rebuiltLatencies)

    store.database.checkpoint()
    store.close()
    // The app database and its search file (search-file.ts), each with its write-ahead log.
    const size = [file, searchFileOf(file)]
      .flatMap((path) => [path, `${path}-wal`])
      .reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0)
    const sizeRatio = size / corpus.rawBytes
    console.log(
      `size: database ${fmt(size / 1e6, 1)} MB, raw text ${fmt(corpus.rawBytes / 1e6, 1)} MB ` +
        `(${Math.round(corpus.rawBytes / imported)} bytes per message)`,
    )

    const searchP50 = percentile(latencies, 50)
    const searchP95 = percentile(latencies, 95)
    const listP50 = percentile(list, 50)
    const filterP50 = percentile(filter, 50)
    const misses = [
      importRate < TARGETS.importRate &&
        `import ${Math.round(importRate)} < ${TARGETS.importRate}/s`,
      searchP50 > TARGETS.searchP50 && `search p50 ${fmt(searchP50)} > ${TARGETS.searchP50} ms`,
      searchP95 > TARGETS.searchP95 && `search p95 ${fmt(searchP95)} > ${TARGETS.searchP95} ms`,
      listP50 > TARGETS.listP50 && `list p50 ${fmt(listP50)} > ${TARGETS.listP50} ms`,
      filterP50 > TARGETS.filterP50 && `filter p50 ${fmt(filterP50)} > ${TARGETS.filterP50} ms`,
      sizeRatio > TARGETS.sizeRatio && `size ratio ${fmt(sizeRatio)} > ${TARGETS.sizeRatio}`,
    ].filter(Boolean)
    for (const miss of misses) console.log(`target missed: ${miss}`)
    console.log(
      `history: import=${Math.round(importRate)} search_p50=${fmt(searchP50)} ` +
        `search_p95=${fmt(searchP95)} list_p50=${fmt(listP50, 3)} size_ratio=${fmt(sizeRatio)} ` +
        `reindex_s=${fmt(reindexS, 1)} filter_p50=${fmt(filterP50, 3)}`,
    )
    return misses.length ? 1 : 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

process.exitCode = main()
