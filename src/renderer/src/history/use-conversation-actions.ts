import type { RpcError } from '../../../shared/rpc-result'
import { useAppState, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { downloadTextFile } from './download-text-file'
import type { ReportStatus } from './history-status'
import type { ConversationView } from './use-history-list'
import { exportRequest } from './export-request'

export type ExportFormat = 'json' | 'markdown'

/**
 * Rename, pin, export and delete one conversation. The list is patched at once (so the sidebar
 * does not wait for a re-read) and then told that history changed.
 */
export function useConversationActions({
  onStatus,
  onUpdated,
  onDeleted,
}: {
  onStatus: ReportStatus
  onUpdated(conversation: ConversationView): void
  onDeleted(id: string): void
}) {
  const { client, navigate, historyChanged } = useAppStore()
  const route = useAppState((app) => app.route)
  const { t } = useI18n()

  const failed = (error: RpcError) =>
    onStatus({ tone: 'error', text: t('history.action.failed', { message: error.message }) })

  const update = async (input: { id: string; title?: string; pinned?: boolean }) => {
    const result = await client.invoke('history.update', input)
    if (!result.ok) {
      failed(result.error)
      return false
    }
    onUpdated(result.value)
    historyChanged()
    return true
  }

  return {
    rename: (id: string, title: string) => update({ id, title }),
    setPinned: (id: string, pinned: boolean) => update({ id, pinned }),

    async exportAs(id: string, format: ExportFormat) {
      const result = await client.invoke('history.export', exportRequest(t, format, [id]))
      if (!result.ok) {
        onStatus({
          tone: 'error',
          text: t('history.export.failed', { message: result.error.message }),
        })
        return
      }
      downloadTextFile(result.value.fileName, result.value.content, result.value.format)
      onStatus({
        tone: 'info',
        text: t('history.export.done', { fileName: result.value.fileName }),
      })
    },

    async remove(id: string) {
      const result = await client.invoke('history.delete', { id })
      if (!result.ok) {
        failed(result.error)
        return false
      }
      onDeleted(id)
      if (route.name === 'conversation' && route.id === id) navigate({ name: 'home' })
      historyChanged()
      return true
    },
  }
}
