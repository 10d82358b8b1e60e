/** Mid-tone hues that read on both the light and the dark panel. */
const SERIES_COLORS = [
  '#5b6cf0',
  '#2fa88a',
  '#e0913a',
  '#d6517d',
  '#8b63d9',
  '#3f9bd6',
  '#9aa23a',
  '#c96a3b',
  '#7f8796',
]

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#7f8796'
}
