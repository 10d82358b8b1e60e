import { describe, expect, it } from 'vitest'
import { highlightSegments } from './highlight-segments'

describe('highlightSegments', () => {
  it('marks each [start, end) range of Korean text', () => {
    expect(highlightSegments('새 모델을 비교', [[2, 4]])).toEqual([
      { text: '새 ', highlighted: false },
      { text: '모델', highlighted: true },
      { text: '을 비교', highlighted: false },
    ])
  })

  it('tolerates unsorted, overlapping and out-of-range ranges', () => {
    expect(
      highlightSegments('abcdefgh', [
        [6, 99],
        [1, 3],
        [2, 4],
        [5, 5],
        [-4, 0],
      ]),
    ).toEqual([
      { text: 'a', highlighted: false },
      { text: 'bc', highlighted: true },
      { text: 'd', highlighted: true },
      { text: 'ef', highlighted: false },
      { text: 'gh', highlighted: true },
    ])
  })

  it('returns the whole text when nothing is highlighted', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', highlighted: false }])
    expect(highlightSegments('', [[0, 3]])).toEqual([])
  })
})
