/** What the renderer may learn about a stored secret: whether it is set and, maybe, its end. */
export interface SecretHint {
  set: boolean
  /** The last 4 characters for values of at least 12 characters, otherwise ''. */
  last4: string
  /** The stored value cannot be decrypted (the file was altered): ask for it again. */
  damaged?: true
  /** The vault was kept aside (its key was lost): this value must be entered again. */
  reenter?: true
}

export const HINT_MIN_LENGTH = 12
export const HINT_CHARS = 4

export function hintOf(value: string | undefined): SecretHint {
  if (value === undefined || value === '') return { set: false, last4: '' }
  // By code point, so an emoji or a CJK character is never split into half a surrogate pair.
  const chars = Array.from(value)
  return {
    set: true,
    last4: chars.length >= HINT_MIN_LENGTH ? chars.slice(-HINT_CHARS).join('') : '',
  }
}
