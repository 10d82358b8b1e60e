/** Where the app is: kept in the URL hash so that a tab or window can open at a conversation. */
export type Route =
  | { name: 'home' }
  | { name: 'chat' }
  | { name: 'compare' }
  /**
   * `solo`: a window of its own showing only this conversation, with no sidebar (`#/w/<id>`).
   * `message`: a prompt to scroll to and highlight, e.g. a search match (`#/c/<id>?m=<message>`).
   */
  | { name: 'conversation'; id: string; solo?: true; message?: string }
  | { name: 'connections' }
  | { name: 'settings' }
  | { name: 'usage' }

const SIMPLE = ['chat', 'compare', 'connections', 'settings', 'usage'] as const

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2)
  const [head, tail] = path.split('/', 2)
  if ((head === 'c' || head === 'w') && tail) {
    const route: Route = { name: 'conversation', id: decodeURIComponent(tail) }
    if (head === 'w') route.solo = true
    const message = new URLSearchParams(query).get('m')
    if (message) route.message = message
    return route
  }
  const simple = SIMPLE.find((name) => name === head)
  return simple ? { name: simple } : { name: 'home' }
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/'
  if (route.name === 'conversation') {
    const message = route.message ? `?m=${encodeURIComponent(route.message)}` : ''
    return `#/${route.solo ? 'w' : 'c'}/${encodeURIComponent(route.id)}${message}`
  }
  return `#/${route.name}`
}
