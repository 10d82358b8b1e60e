/** Every place a secret could hide in an error. */
export function errorSurfaces(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 6; depth++) {
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? '', JSON.stringify(current), String(current))
      parts.push(JSON.stringify(Object.fromEntries(Object.entries(current))))
      current = (current as { cause?: unknown }).cause
    } else {
      parts.push(typeof current === 'string' ? current : JSON.stringify(current))
      break
    }
  }
  return parts.join('\n')
}
