import { useI18n } from '../i18n/i18n'
import { niceScale } from './chart-scale'
import { seriesColor } from './series-colors'
import type { UsageFormat } from './usage-format'
import type { DailyStacks, DayStack, Series, UsageMetric } from './usage-series'

const WIDTH = 720
const HEIGHT = 240
const MARGIN = { top: 12, right: 8, bottom: 26, left: 68 }
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom

interface UsageChartProps {
  stacks: DailyStacks
  metric: UsageMetric
  format: UsageFormat
  seriesLabel(series: Series): string
}

/** Stacked bars per day drawn as plain SVG; the summary in aria-label speaks for the picture. */
export function UsageChart({ stacks, metric, format, seriesLabel }: UsageChartProps) {
  const { t } = useI18n()
  const scale = niceScale(stacks.max)
  const value = (v: number) => (metric === 'cost' ? format.usd(v) : format.count(v))
  const axisValue = (v: number) => (metric === 'cost' ? format.usd(v) : format.tokens(v))
  const y = (v: number) => MARGIN.top + PLOT_H - (v / scale.max) * PLOT_H
  const count = stacks.days.length
  const slot = PLOT_W / Math.max(1, count)
  const barWidth = Math.max(1, slot * 0.68)
  // Label about seven days, always including today at the right edge.
  const labelEvery = Math.ceil(count / 7)
  const busiest = stacks.days.reduce<DayStack | undefined>(
    (best, d) => (best === undefined || d.total > best.total ? d : best),
    undefined,
  )

  const summary =
    busiest && stacks.max > 0
      ? t(metric === 'cost' ? 'usage.chart.summaryCost' : 'usage.chart.summaryTokens', {
          days: String(count),
          total: value(stacks.total),
          day: format.day(busiest.day),
          max: value(busiest.total),
        })
      : t('usage.chart.summaryNone', { days: String(count) })

  return (
    <svg
      className="usage-chart"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      data-testid="usage-chart"
    >
      <g className="usage-grid">
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {axisValue(tick)}
            </text>
          </g>
        ))}
      </g>
      {stacks.days.map((stack, dayIndex) => {
        const x = MARGIN.left + dayIndex * slot + (slot - barWidth) / 2
        const bases = runningSums(stack.values)
        return (
          <g key={stack.day}>
            {stack.values.map((v, seriesIndex) => {
              const series = stacks.series[seriesIndex]
              if (v <= 0 || !series) return null
              const base = bases[seriesIndex] ?? 0
              const top = y(base + v)
              const height = Math.max(1, y(base) - top)
              return (
                <rect
                  key={series.key}
                  className="usage-bar"
                  x={x}
                  y={top}
                  width={barWidth}
                  height={height}
                  rx={Math.min(2, barWidth / 4)}
                  fill={seriesColor(seriesIndex)}
                >
                  <title>
                    {t('usage.chart.bar', {
                      day: format.day(stack.day),
                      series: seriesLabel(series),
                      value: value(v),
                    })}
                  </title>
                </rect>
              )
            })}
            {(count - 1 - dayIndex) % labelEvery === 0 && (
              <text
                className="usage-day-label"
                x={MARGIN.left + dayIndex * slot + slot / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
              >
                {format.day(stack.day)}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}

/** Where each segment of a stack starts: the sum of the values below it. */
function runningSums(values: readonly number[]): number[] {
  const sums: number[] = []
  let sum = 0
  for (const v of values) {
    sums.push(sum)
    sum += Math.max(0, v)
  }
  return sums
}
