const MIME_TYPES = {
  json: 'application/json',
  markdown: 'text/markdown',
} as const

/** Saves text as a file the way a browser does: a Blob behind a temporary <a download>. */
export function downloadTextFile(
  fileName: string,
  content: string,
  format: keyof typeof MIME_TYPES,
): void {
  const blob = new Blob([content], { type: `${MIME_TYPES[format]};charset=utf-8` })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some engines; the next tick is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
