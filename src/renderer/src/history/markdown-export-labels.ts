import type { MarkdownLabels } from '../../../shared/markdown-labels'
import type { Translate } from '../i18n/i18n'

/**
 * The words of a Markdown export in the UI's language, sent with `history.export`. Each is the
 * catalog's text with its {placeholders} left for the export to fill.
 */
export function markdownExportLabels(t: Translate): MarkdownLabels {
  return {
    untitled: t('history.md.untitled'),
    modeChat: t('history.md.modeChat'),
    modeCompare: t('history.md.modeCompare'),
    created: t('history.md.created'),
    tags: t('history.md.tags'),
    pinned: t('history.md.pinned'),
    archived: t('history.md.archived'),
    systemPromptAt: t('history.md.systemPromptAt'),
    you: t('history.md.you'),
    youEdited: t('history.md.youEdited'),
    promptVersion: t('history.md.promptVersion'),
    earlierVersions: t('history.md.earlierVersions'),
    answerOf: t('history.md.answerOf'),
    answerRegenerated: t('history.md.answerRegenerated'),
    otherAnswers: t('history.md.otherAnswers'),
    statusQueued: t('history.md.statusQueued'),
    statusStreaming: t('history.md.statusStreaming'),
    statusStopped: t('history.md.statusStopped'),
    statusError: t('history.md.statusError'),
    statusInterrupted: t('history.md.statusInterrupted'),
    connection: t('history.md.connection'),
    metrics: t('history.md.metrics'),
    parameters: t('history.md.parameters'),
    systemPrompt: t('history.md.systemPrompt'),
    reasoning: t('history.md.reasoning'),
    noAnswer: t('history.md.noAnswer'),
    error: t('history.md.error'),
    firstToken: t('history.md.firstToken'),
    total: t('history.md.total'),
    queueWait: t('history.md.queueWait'),
    retryWait: t('history.md.retryWait'),
    tokens: t('history.md.tokens'),
    tokensIn: t('history.md.tokensIn'),
    tokensOut: t('history.md.tokensOut'),
    tokensReasoning: t('history.md.tokensReasoning'),
    tokensCached: t('history.md.tokensCached'),
    tokensPerSecond: t('history.md.tokensPerSecond'),
    cost: t('history.md.cost'),
    costEstimated: t('history.md.costEstimated'),
    seconds: t('history.md.seconds'),
    milliseconds: t('history.md.milliseconds'),
  }
}
