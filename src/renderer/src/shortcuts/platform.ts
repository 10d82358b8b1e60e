/** Whether the keyboard has Cmd as its command key (macOS, iPadOS, iOS). */
export function isApplePlatform(platform: string, userAgent: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform || userAgent)
}

export function detectApplePlatform(): boolean {
  return (
    typeof navigator !== 'undefined' && isApplePlatform(navigator.platform, navigator.userAgent)
  )
}
