/** "3 Dec 2026, 21:05" in the person's language. */
export function formatBackupDate(time: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(time)
}

/** "1.2 MB" — backups are sized in whole KB at the least. */
export function formatBackupSize(bytes: number, language: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)
  if (bytes >= 1024 ** 3) return `${number(bytes / 1024 ** 3)} GB`
  if (bytes >= 1024 ** 2) return `${number(bytes / 1024 ** 2)} MB`
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`
}
