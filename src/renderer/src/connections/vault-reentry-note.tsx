import { useI18n } from '../i18n/i18n'
import { reentryReasonKey, type VaultStatus } from '../settings/vault-status-text'

type Reentry = NonNullable<VaultStatus['reentry']>

/**
 * Why saved keys must be entered again (their vault could not be decrypted), how many
 * connections wait, and where the old vault was kept.
 */
export function VaultReentryNote({ reentry, className }: { reentry: Reentry; className: string }) {
  const { t } = useI18n()
  return (
    <div role="status" data-testid="vault-reentry">
      <p className={className}>{t(reentryReasonKey(reentry.reason))}</p>
      <p className={className}>{t('vaultReentry.todo', { count: String(reentry.count) })}</p>
      <p className={className}>{t('vaultReentry.kept', { file: reentry.keptAs })}</p>
    </div>
  )
}
