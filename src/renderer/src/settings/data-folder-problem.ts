import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import type { RpcError } from '../../../shared/rpc-result'

const PROBLEMS = [
  'not_absolute',
  'same_folder',
  'inside_current',
  'not_a_folder',
  'not_writable',
  'holds_data',
  'not_choosable',
  'use_dialog',
  'no_dialog',
] as const

/** Why the host refused a data folder, in the person's language (by the refusal's code). */
export function dataFolderProblemText(t: Translate, error: RpcError): string {
  const code = PROBLEMS.find((known) => known === error.code)
  return code
    ? t(`settings.dataDir.problem.${code}` as MessageKey)
    : t('settings.dataDir.failed', { message: error.message })
}
