// Prints one summary of the unit (Vitest) and browser (Playwright) runs from their JSON reports,
// with the reason of every skipped test, ending in the line `Summary: N passed, N failed, N skipped`.
import { existsSync, readFileSync } from 'node:fs'

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined)
const totals = { passed: 0, failed: 0, skipped: 0 }
const skippedReasons = []

const unit = read('test-results/unit.json')
if (unit) {
  const passed = unit.numPassedTests
  const failed = unit.numFailedTests
  const skipped = unit.numPendingTests + unit.numTodoTests
  console.log(`unit: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  const skippedFiles = new Set()
  for (const file of unit.testResults ?? []) {
    if (
      (file.assertionResults ?? []).some((t) => t.status === 'pending' || t.status === 'skipped')
    ) {
      skippedFiles.add(file.name.replace(`${process.cwd()}/`, ''))
    }
  }
  for (const file of skippedFiles)
    skippedReasons.push(`${file}: see the skip condition in the file`)
  Object.assign(totals, {
    passed: totals.passed + passed,
    failed: totals.failed + failed,
    skipped: totals.skipped + skipped,
  })
} else {
  console.log('unit: no report (the unit tests did not run)')
}

const e2e = read('test-results/e2e.json')
if (e2e) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = e2e.stats ?? {}
  console.log(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`)
  totals.passed += expected + flaky
  totals.failed += unexpected
  totals.skipped += skipped
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const run of spec.tests ?? []) {
        if (run.status !== 'skipped') continue
        const note = run.annotations?.find((a) => a.type === 'skip')?.description
        skippedReasons.push(`${[...path, spec.title].join(' › ')}: ${note || 'no reason given'}`)
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title])
  }
  for (const suite of e2e.suites ?? []) visit(suite, [suite.title])
} else {
  console.log('e2e: no report (the browser tests did not run)')
}

for (const line of skippedReasons) console.log(`skipped: ${line}`)
console.log(`Summary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
