/** A wait in the largest unit that reads naturally: 45 s, 60 min, 3 h (rounded up). */
export function formatWait(ms: number): { unit: 'seconds' | 'minutes' | 'hours'; value: number } {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 120) return { unit: 'seconds', value: seconds }
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 180) return { unit: 'minutes', value: minutes }
  return { unit: 'hours', value: Math.ceil(minutes / 60) }
}
