/** Where the app is: kept in the URL hash so that a tab or window can open at a conversation. */
export type Route =
  | { name: 'home' }
  | { name: 'chat' }
  | { name: 'compare' }
  | { name: 'conversation'; id: string }
  | { name: 'connections' }
  | { name: 'settings' }
  | { name: 'usage' }

const SIMPLE = ['chat', 'compare', 'connections', 'settings', 'usage'] as const

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const [head, tail] = path.split('/', 2)
  if (head === 'c' && tail) return { name: 'conversation', id: decodeURIComponent(tail) }
  const simple = SIMPLE.find((name) => name === head)
  return simple ? { name: simple } : { name: 'home' }
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/'
  if (route.name === 'conversation') return `#/c/${encodeURIComponent(route.id)}`
  return `#/${route.name}`
}
