/** Where the app is: kept in the URL hash so that a tab or window can open at a conversation. */
export type Route =
  | { name: 'home' }
  | { name: 'chat' }
  | { name: 'compare' }
  /** `solo`: a window of its own showing only this conversation, with no sidebar (`#/w/<id>`). */
  | { name: 'conversation'; id: string; solo?: true }
  | { name: 'connections' }
  | { name: 'settings' }
  | { name: 'usage' }

const SIMPLE = ['chat', 'compare', 'connections', 'settings', 'usage'] as const

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const [head, tail] = path.split('/', 2)
  if (head === 'c' && tail) return { name: 'conversation', id: decodeURIComponent(tail) }
  if (head === 'w' && tail)
    return { name: 'conversation', id: decodeURIComponent(tail), solo: true }
  const simple = SIMPLE.find((name) => name === head)
  return simple ? { name: simple } : { name: 'home' }
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/'
  if (route.name === 'conversation') {
    return `#/${route.solo ? 'w' : 'c'}/${encodeURIComponent(route.id)}`
  }
  return `#/${route.name}`
}
