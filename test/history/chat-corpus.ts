import type { ExportedConversation, HistoryExport } from '../../src/core/history/index'

/**
 * A deterministic corpus of chat history for the history benchmark: English with a large
 * (Zipf-distributed) vocabulary, 10% Korean, 5% Japanese. Query words appear at known rates:
 * "model" in > 20% of messages, "quillwort" rarely, "neural network" as a phrase, 데이터베이스,
 * 모델 only inside longer words (모델을, 모델이 …), and 機械学習.
 */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMMON =
  `the of and to a in is that for it as with was on be by this are or from at an but not
have you we can which if will your they their use when data code function value example more one all
also has these other then using into time like first how would only each some should make than may
need its just been most what over new answer question result error type file system user server
request response api key test build run change list string number object array class method
parameter return token context prompt output input performance memory cache query table index
language training dataset layer weight vector embedding latency cost provider stream chunk`
    .split(/\s+/)
    .filter(Boolean)

const SYLLABLES =
  `ka lo mi ter van sor pel qui dra nex bol tri zen mar cul fos gri hap jum wel ost ric
ule yan pha ble cen dor ent ism ity ous ment tion ark bel cor dan eth fin gol hin ion jas kel lum mon
nor opt par ros sta tun urb ver wix yol zor`.split(/\s+/)

const KOREAN =
  `모델을 모델이 모델의 모델은 모델로 데이터베이스 데이터베이스를 인공지능 학습 사용자 질문에 답변은
코드를 함수가 서버에서 데이터를 결과가 설명해 주세요 그리고 하지만 때문에 예를 들어 성능이 향상 프로그램
개발자가 문서를 번역 요약해 검색 기능을 비교해 응답 속도가 토큰 비용이 어떻게 좋을까요 정리하면 다음과
같습니다 언어 처리 자연어 입력 출력`.split(/\s+/)

const JAPANESE =
  `モデル データベース を は が の に で と 使って 説明して ください 学習 検索 結果 東京 機能 性能
開発者 質問 回答 人工知能 機械学習 です ます 自然言語 処理 速度 比較 例えば しかし`.split(/\s+/)

export interface CorpusOptions {
  messages: number
  conversations: number
  seed?: number
  start?: number
}

export class ChatCorpus {
  private readonly rand: () => number
  private readonly vocabulary: string[]
  rawBytes = 0
  /** Messages (prompts + answers) containing "model", to prove the common query is common. */
  modelMessages = 0

  constructor(private readonly options: CorpusOptions) {
    this.rand = createPrng(options.seed ?? 42)
    this.vocabulary = [...COMMON]
    const seen = new Set(this.vocabulary)
    while (this.vocabulary.length < 60_000) {
      let word = ''
      const parts = 2 + Math.floor(this.rand() * 3)
      for (let i = 0; i < parts; i++) word += this.pick(SYLLABLES)
      if (!seen.has(word)) {
        seen.add(word)
        this.vocabulary.push(word)
      }
    }
  }

  /** Conversations in batches of `size`, in creation order. */
  *batches(size: number): Generator<HistoryExport> {
    const { conversations, messages } = this.options
    const perConversation = Math.max(2, Math.round(messages / conversations / 2) * 2)
    const start = this.options.start ?? Date.UTC(2024, 0, 1)
    const span = 2 * 365 * 86_400_000
    let batch: ExportedConversation[] = []
    for (let c = 0; c < conversations; c++) {
      const createdAt = start + Math.floor((c / conversations) * span)
      batch.push(this.conversation(c, createdAt, perConversation))
      if (batch.length === size) {
        yield {
          format: 'parallax-history',
          version: 1,
          exportedAt: start + span,
          conversations: batch,
        }
        batch = []
      }
    }
    if (batch.length)
      yield {
        format: 'parallax-history',
        version: 1,
        exportedAt: start + span,
        conversations: batch,
      }
  }

  private conversation(index: number, createdAt: number, count: number): ExportedConversation {
    const id = uuidLike(index, 0, this.rand)
    const title = this.text('en', 1).slice(0, 60)
    this.rawBytes += Buffer.byteLength(title)
    const conversation: ExportedConversation = {
      id,
      title,
      createdAt,
      updatedAt: createdAt,
      pinned: this.rand() < 0.01,
      archived: false,
      mode: this.rand() < 0.3 ? 'compare' : 'chat',
      tags: [],
      messages: [],
      runs: [],
    }
    let time = createdAt
    let parentId: string | null = null
    for (let turn = 0; turn < count / 2; turn++) {
      const roll = this.rand()
      const language = roll < 0.1 ? 'ko' : roll < 0.15 ? 'ja' : 'en'
      time += 5_000 + Math.floor(this.rand() * 300_000)
      const prompt = this.text(language, 1 + Math.floor(this.rand() * 2))
      const messageId = uuidLike(index, turn * 2 + 1, this.rand)
      conversation.messages.push({
        id: messageId,
        parentId,
        parentRunId: null,
        role: 'user',
        content: prompt,
        createdAt: time,
      })
      time += 1_000 + Math.floor(this.rand() * 20_000)
      const answer = this.text(language, 3 + Math.floor(this.rand() * 5))
      this.rawBytes += Buffer.byteLength(prompt) + Buffer.byteLength(answer)
      this.modelMessages += (/model/i.test(prompt) ? 1 : 0) + (/model/i.test(answer) ? 1 : 0)
      const provider = this.pick(['openai', 'anthropic', 'google', 'bedrock'])
      conversation.runs.push({
        id: uuidLike(index, turn * 2 + 2, this.rand),
        messageId,
        connectionId: `conn-${provider}`,
        provider,
        model: `${provider}-model-${Math.floor(this.rand() * 3)}`,
        parameters: { temperature: 0.7 },
        systemPrompt: null,
        answer,
        reasoning: '',
        toolCalls: null,
        status: 'done',
        errorKind: null,
        errorMessage: null,
        usage: { tokensIn: 50, tokensOut: 200, tokensReasoning: null, tokensCached: null },
        ttftMs: 300,
        totalMs: 2_000,
        tokensPerSecond: 100,
        costUsd: 0.001,
        costEstimated: false,
        createdAt: time,
        updatedAt: time,
      })
      parentId = messageId
    }
    conversation.updatedAt = time
    return conversation
  }

  private text(language: 'en' | 'ko' | 'ja', sentences: number): string {
    const out: string[] = []
    for (let s = 0; s < sentences; s++) {
      if (language === 'ko')
        out.push(this.words(KOREAN, 5 + Math.floor(this.rand() * 8), ' ') + '.')
      else if (language === 'ja')
        out.push(this.words(JAPANESE, 6 + Math.floor(this.rand() * 10), '') + '。')
      else out.push(this.english())
    }
    return out.join(' ')
  }

  private english(): string {
    const words: string[] = []
    const count = 6 + Math.floor(this.rand() * 14)
    for (let i = 0; i < count; i++) {
      words.push(this.vocabulary[Math.floor(this.rand() ** 3 * this.vocabulary.length)] as string)
    }
    const extra = this.rand()
    if (extra < 0.12) words.splice(Math.floor(this.rand() * words.length), 0, 'model')
    else if (extra < 0.125)
      words.splice(Math.floor(this.rand() * words.length), 0, 'neural', 'network')
    else if (extra < 0.12502) words.push('quillwort')
    const sentence = words.join(' ')
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
  }

  private words(list: string[], count: number, joiner: string): string {
    const out: string[] = []
    for (let i = 0; i < count; i++) out.push(this.pick(list))
    return out.join(joiner)
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T
  }
}

function uuidLike(conversation: number, item: number, rand: () => number): string {
  const hex = (value: number, width: number) =>
    value.toString(16).padStart(width, '0').slice(-width)
  return `${hex(conversation, 8)}-${hex(item, 4)}-7${hex(Math.floor(rand() * 0xfff), 3)}-8${hex(
    Math.floor(rand() * 0xfff),
    3,
  )}-${hex(Math.floor(rand() * 0xffffffff), 8)}${hex(Math.floor(rand() * 0xffff), 4)}`
}
