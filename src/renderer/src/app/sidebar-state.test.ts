// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { getPref, resetPrefs } from './prefs-store'
import { setSidebarCollapsed, toggleSidebar, useSidebarCollapsed } from './sidebar-state'

beforeEach(() => resetPrefs())

describe('sidebar state', () => {
  it('toggles, re-renders its readers, and keeps the choice in the preferences', () => {
    setSidebarCollapsed(false)
    const { result } = renderHook(() => useSidebarCollapsed())
    expect(result.current).toBe(false)
    act(() => toggleSidebar())
    expect(result.current).toBe(true)
    expect(getPref('sidebarCollapsed')).toBe(true)
    act(() => toggleSidebar())
    expect(result.current).toBe(false)
    expect(getPref('sidebarCollapsed')).toBe(false)
  })

  it('starts folded when the loaded preferences say so', () => {
    resetPrefs({ sidebarCollapsed: true })
    const { result } = renderHook(() => useSidebarCollapsed())
    expect(result.current).toBe(true)
  })
})
