import { baseEn } from './en/base'
import { componentsEn } from './en/components'
import { shellEn } from './en/shell'
import { welcomeEn } from './en/welcome'
import { connectionsEn } from './en/connections'
import { modelsEn } from './en/models'
import { paramsEn } from './en/params'
import { chatEn } from './en/chat'
import { compareEn } from './en/compare'
import { historyEn } from './en/history'
import { settingsEn } from './en/settings'
import { usageEn } from './en/usage'
import { markdownEn } from './en/markdown'
import { providerFieldsEn } from './en/provider-fields'
import { shortcutsEn } from './en/shortcuts'
import { vaultReentryEn } from './en/vault-reentry'
import { backupsEn } from './en/backups'
import { reasonsEn } from './en/reasons'
import { errorsEn } from './en/errors'

/**
 * English is the source of every user-facing string; other languages must match its keys. Each
 * feature keeps its texts in its own file under en/ and ko/.
 */
export const messagesEn = {
  ...baseEn,
  ...componentsEn,
  ...shellEn,
  ...welcomeEn,
  ...connectionsEn,
  ...modelsEn,
  ...paramsEn,
  ...chatEn,
  ...compareEn,
  ...historyEn,
  ...settingsEn,
  ...usageEn,
  ...markdownEn,
  ...providerFieldsEn,
  ...shortcutsEn,
  ...vaultReentryEn,
  ...backupsEn,
  ...reasonsEn,
  ...errorsEn,
} as const

export type MessageKey = keyof typeof messagesEn
export type Messages = Record<MessageKey, string>
