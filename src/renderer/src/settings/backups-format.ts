import { createTranslate, type Language } from '../i18n/i18n'

/** "3 Dec 2026, 21:05" in the person's language. */
export function formatBackupDate(time: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(time)
}

/** "1.2 MB" / "1.2MB": backups are sized in whole KB at the least; the unit comes from the catalog. */
export function formatBackupSize(bytes: number, language: Language): string {
  const t = createTranslate(language)
  const value = (amount: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(amount)
  if (bytes >= 1024 ** 3) return t('settings.backups.sizeGb', { value: value(bytes / 1024 ** 3) })
  if (bytes >= 1024 ** 2) return t('settings.backups.sizeMb', { value: value(bytes / 1024 ** 2) })
  return t('settings.backups.sizeKb', { value: value(Math.max(1, Math.round(bytes / 1024))) })
}
