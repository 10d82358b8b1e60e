import { MAX_ANSWERS } from '../../shared/run-input-schemas'
import { MAX_TARGETS } from './plan-turn'
import { RunInputError } from './run-input-error'
import type { CompareTarget, RunParameters } from './runner-types'

/** How many answers `parameters.n` asks for (1 when absent); anything but a whole 1–8 is refused. */
export function answerCount(parameters: RunParameters | undefined, field: string): number {
  const n = parameters?.n
  if (n === undefined || n === null) return 1
  if (!Number.isInteger(n) || n < 1 || n > MAX_ANSWERS) {
    throw new RunInputError(`n must be a whole number from 1 to ${MAX_ANSWERS}, got ${n}.`, field)
  }
  return n
}

/** A comparison shows one answer per column, so every target must leave n at 1. */
export function refuseAnswers(targets: readonly CompareTarget[]): void {
  for (const [i, target] of targets.entries()) {
    const field = `targets.${i}.parameters.n`
    const n = answerCount(target.parameters, field)
    if (n > 1) {
      throw new RunInputError(
        `A comparison shows one answer per column, so n must be 1 (column ${i + 1} asks for ${n}); add columns instead.`,
        field,
      )
    }
  }
}

/** A chat rerun: each target once per answer it asks for, at most MAX_TARGETS runs in all. */
export function expandAnswers(targets: readonly CompareTarget[]): CompareTarget[] {
  const runs = targets.flatMap((target, i) =>
    Array.from(
      { length: answerCount(target.parameters, `targets.${i}.parameters.n`) },
      () => target,
    ),
  )
  if (runs.length > MAX_TARGETS) {
    throw new RunInputError(
      `A rerun starts at most ${MAX_TARGETS} answers in all (models × n), got ${runs.length}.`,
      'targets',
    )
  }
  return runs
}
