export interface AxisScale {
  /** The top of the axis: a round number at or above the data maximum. */
  max: number
  ticks: number[]
}

/** A round axis (steps of 1, 2, 2.5 or 5 × 10ⁿ) with about `count` steps above zero. */
export function niceScale(dataMax: number, count = 4): AxisScale {
  if (!(dataMax > 0)) return { max: 1, ticks: [0, 1] }
  const rough = dataMax / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power
  const steps = Math.ceil(dataMax / step - 1e-9)
  // Rounding keeps 0.1 + 0.2 style noise out of the labels.
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)))
  return { max: ticks[ticks.length - 1] ?? step, ticks }
}
