// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { HistorySidebar } from './history-sidebar'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'

afterEach(cleanup)

describe('SearchIndexStatus', () => {
  it('shows the rebuild progress while the search index is rebuilt, then goes away', async () => {
    const percents = [42, 97]
    let asked = 0
    const client = createFakeClient({
      'history.searchIndex': () => {
        const percent = percents[asked++]
        return percent === undefined
          ? { rebuilding: false, percent: 100 }
          : { rebuilding: true, percent }
      },
    })
    renderWithApp(<HistorySidebar />, client)
    expect((await screen.findByTestId('search-index-status')).textContent).toBe(
      'Rebuilding the search index: 42%. Older items may be missing from results until it finishes.',
    )
    expect(
      (await screen.findByText(/Rebuilding the search index: 97%/, {}, { timeout: 3000 }))
        .textContent,
    ).toContain('97%')
    await expect
      .poll(() => screen.queryByTestId('search-index-status'), { timeout: 3000 })
      .toBeNull()
    expect(asked).toBe(3)
  })

  it('says it in Korean', async () => {
    const client = createFakeClient({
      'history.searchIndex': () => ({ rebuilding: true, percent: 5 }),
    })
    renderWithApp(<HistorySidebar />, client, { language: 'ko' })
    expect((await screen.findByTestId('search-index-status')).textContent).toBe(
      '검색 색인을 다시 만드는 중입니다: 5%. 끝날 때까지 오래된 항목이 결과에서 빠질 수 있습니다.',
    )
  })

  it('shows nothing when no rebuild is running', async () => {
    let asked = 0
    const client = createFakeClient({
      'history.searchIndex': () => {
        asked++
        return { rebuilding: false, percent: 100 }
      },
    })
    renderWithApp(<HistorySidebar />, client)
    await expect.poll(() => asked).toBe(1)
    expect(screen.queryByTestId('search-index-status')).toBeNull()
  })
})
