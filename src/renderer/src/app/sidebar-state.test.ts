// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setSidebarCollapsed, toggleSidebar, useSidebarCollapsed } from './sidebar-state'

describe('sidebar state', () => {
  it('toggles, re-renders its readers, and remembers the choice in localStorage', () => {
    setSidebarCollapsed(false)
    const { result } = renderHook(() => useSidebarCollapsed())
    expect(result.current).toBe(false)
    act(() => toggleSidebar())
    expect(result.current).toBe(true)
    expect(localStorage.getItem('parallax.sidebarCollapsed.v1')).toBe('true')
    act(() => toggleSidebar())
    expect(result.current).toBe(false)
    expect(localStorage.getItem('parallax.sidebarCollapsed.v1')).toBe('false')
  })
})
