/**
 * Twelve hues in the order series get them (neighbours differ most), all of a luminance between
 * 0.15 and 0.25: at least 3:1 against the light panel (#fff, #f7f7f9) and the dark one (#1a1d24,
 * #111318), so one palette reads in both themes.
 */
const PALETTE = [
  '#4667ea', // blue
  '#d16a11', // orange
  '#148f71', // teal
  '#db3673', // pink
  '#108fc6', // sky
  '#a58509', // gold
  '#9848d1', // purple
  '#298d3a', // green
  '#d63526', // red
  '#c843bd', // magenta
  '#668d19', // olive
  '#6a7d98', // slate
]

/** Middle of the luminance band above, for colours made past the palette. */
const TARGET_LUMINANCE = 0.2
const GOLDEN_ANGLE = 137.508

/** The colour of the series at `index`: the palette, then hues spread by the golden angle. */
export function seriesColor(index: number): string {
  return PALETTE[index] ?? colorAtLuminance((index * GOLDEN_ANGLE) % 360, 0.62)
}

/** The hue at the saturation given, made as light as the target luminance allows. */
function colorAtLuminance(hue: number, saturation: number): string {
  let low = 0
  let high = 1
  for (let step = 0; step < 24; step++) {
    const middle = (low + high) / 2
    if (luminance(hslToRgb(hue, saturation, middle)) < TARGET_LUMINANCE) low = middle
    else high = middle
  }
  return toHex(hslToRgb(hue, saturation, low))
}

type Rgb = [number, number, number]

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness)
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12
    return lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
  }
  return [channel(0), channel(8), channel(4)]
}

/** WCAG relative luminance of an sRGB colour with channels 0–1. */
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}
