import { describe, expect, it } from 'vitest'
import { formatRoute, parseRoute, type Route } from './routes'

describe('routes', () => {
  it('round-trips every route through the hash', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'chat' },
      { name: 'compare' },
      { name: 'conversation', id: 'c_01 ü/#' },
      { name: 'conversation', id: 'c_01 ü/#', solo: true },
      { name: 'conversation', id: 'c_01 ü/#', message: 'm_1 ?&=#' },
      { name: 'conversation', id: 'c_1', solo: true, message: 'm_2' },
      { name: 'connections' },
      { name: 'settings' },
      { name: 'usage' },
    ]
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route)
  })

  it('opens a conversation on its own, without the sidebar, at #/w/<id>', () => {
    expect(formatRoute({ name: 'conversation', id: 'c_1', solo: true })).toBe('#/w/c_1')
    expect(parseRoute('#/w/c_1')).toEqual({ name: 'conversation', id: 'c_1', solo: true })
    expect(parseRoute('#/c/c_1')).toEqual({ name: 'conversation', id: 'c_1' })
  })

  it('carries the message to scroll to as ?m=', () => {
    expect(formatRoute({ name: 'conversation', id: 'c_1', message: 'm_9' })).toBe('#/c/c_1?m=m_9')
    expect(parseRoute('#/c/c_1?m=m_9')).toEqual({ name: 'conversation', id: 'c_1', message: 'm_9' })
    expect(parseRoute('#/c/c_1?m=')).toEqual({ name: 'conversation', id: 'c_1' })
  })

  it('treats anything unknown as home', () => {
    expect(parseRoute('')).toEqual({ name: 'home' })
    expect(parseRoute('#/nope')).toEqual({ name: 'home' })
    expect(parseRoute('#/c/')).toEqual({ name: 'home' })
    expect(parseRoute('#/w/')).toEqual({ name: 'home' })
    expect(parseRoute('#/__proto__')).toEqual({ name: 'home' })
  })
})
