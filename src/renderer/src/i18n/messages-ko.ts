import type { Messages } from './messages-en'
import { baseKo } from './ko/base'
import { componentsKo } from './ko/components'
import { shellKo } from './ko/shell'
import { welcomeKo } from './ko/welcome'
import { connectionsKo } from './ko/connections'
import { modelsKo } from './ko/models'
import { paramsKo } from './ko/params'
import { chatKo } from './ko/chat'
import { compareKo } from './ko/compare'
import { historyKo } from './ko/history'
import { settingsKo } from './ko/settings'
import { usageKo } from './ko/usage'
import { markdownKo } from './ko/markdown'
import { providerFieldsKo } from './ko/provider-fields'
import { shortcutsKo } from './ko/shortcuts'
import { vaultReentryKo } from './ko/vault-reentry'
import { backupsKo } from './ko/backups'
import { reasonsKo } from './ko/reasons'
import { errorsKo } from './ko/errors'

export const messagesKo: Messages = {
  ...baseKo,
  ...componentsKo,
  ...shellKo,
  ...welcomeKo,
  ...connectionsKo,
  ...modelsKo,
  ...paramsKo,
  ...chatKo,
  ...compareKo,
  ...historyKo,
  ...settingsKo,
  ...usageKo,
  ...markdownKo,
  ...providerFieldsKo,
  ...shortcutsKo,
  ...vaultReentryKo,
  ...backupsKo,
  ...reasonsKo,
  ...errorsKo,
}
