import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** One serious or critical axe-core finding, with every element it was found on. */
export interface AxeFinding {
  rule: string
  impact: string
  summary: string
  targets: string[]
}

interface AxeResultsLike {
  violations: {
    id: string
    impact?: string | null
    help: string
    nodes: { target: unknown[]; failureSummary?: string }[]
  }[]
}

const BLOCKING = new Set(['serious', 'critical'])

/**
 * Runs axe-core (WCAG 2.x A and AA rules, plus best practices) on what the page shows now, and
 * returns the serious and critical findings, and those of `alsoRules` whatever their impact. axe is injected once per document, through the
 * debugger rather than a script tag, which the app's Content Security Policy refuses.
 */
export async function seriousAxeFindings(
  page: Page,
  alsoRules: readonly string[] = [],
): Promise<AxeFinding[]> {
  // A dialog fading in would be measured half transparent: let finite animations finish first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<unknown> } }).axe
    return axe.run({ resultTypes: ['violations'] })
  })
  return (results as AxeResultsLike).violations
    .filter((violation) => BLOCKING.has(violation.impact ?? '') || alsoRules.includes(violation.id))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      summary: violation.help,
      targets: violation.nodes.map((node) => {
        const detail = node.failureSummary?.split('\n').slice(1).join(' ').trim()
        return `${node.target.join(' ')}${detail ? ` (${detail})` : ''}`
      }),
    }))
}

/** The findings as lines a failing test can print: rule, impact, summary, then each target. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map(
      (finding) =>
        `${finding.rule} [${finding.impact}] ${finding.summary}\n` +
        finding.targets.map((target) => `    ${target}`).join('\n'),
    )
    .join('\n')
}
