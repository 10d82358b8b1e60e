import { describe, expect, it } from 'vitest'
import { seriesColor } from './series-colors'

// The panel and page backgrounds of both themes (styles.css --panel and --bg).
const BACKGROUNDS = {
  lightPanel: '#ffffff',
  lightBg: '#f7f7f9',
  darkPanel: '#1a1d24',
  darkBg: '#111318',
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ]
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  )
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05)
}

/** CIE76 distance in L*a*b*: about 2 is just noticeable, above 20 reads as another colour. */
function distance(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = channels(hex).map((c) =>
      c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    ) as [number, number, number]
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047)
    const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722)
    const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883)
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
  }
  const [p, q] = [lab(a), lab(b)]
  return Math.hypot(...p.map((v, i) => v - (q[i] ?? 0)))
}

const colors = (count: number) => Array.from({ length: count }, (_, i) => seriesColor(i))

describe('seriesColor', () => {
  it('gives 12 series 12 different colours, each clearly another colour', () => {
    const twelve = colors(12)
    expect(new Set(twelve).size).toBe(12)
    for (const [i, a] of twelve.entries()) {
      for (const b of twelve.slice(i + 1))
        expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThan(20)
    }
  })

  it('keeps going past the palette without repeating a colour', () => {
    const many = colors(40)
    expect(new Set(many).size).toBe(40)
    for (const color of many) expect(color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('reads at 3:1 or more on the light and the dark backgrounds', () => {
    for (const color of colors(24)) {
      for (const [name, background] of Object.entries(BACKGROUNDS)) {
        expect(contrast(color, background), `${color} on ${name}`).toBeGreaterThanOrEqual(3)
      }
    }
  })
})
