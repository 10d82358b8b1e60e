import { describe, expect, it } from 'vitest'
import { savedRun } from '../test-support/history-records'
import { columnsOfTurn, groupColumns } from './column-runs'

const run = (id: string, model: string, parameters: Record<string, unknown> = {}) =>
  savedRun({ id, messageId: 'm', connectionId: 'conn', model, parameters })

describe('groupColumns', () => {
  it('puts a regenerated answer in its column, after the first, keeping the column order', () => {
    const runs = [
      run('a1', 'alpha'),
      run('b1', 'beta', { temperature: 0.2 }),
      run('b2', 'beta', { temperature: 0.2 }),
      run('c1', 'beta'),
    ]
    expect(groupColumns(runs).map((c) => c.runs.map((r) => r.id))).toEqual([
      ['a1'],
      ['b1', 'b2'],
      ['c1'],
    ])
  })
})

describe('columnsOfTurn', () => {
  it('gives one column per model and parameters, whatever was regenerated', () => {
    const columns = columnsOfTurn([
      run('a1', 'alpha'),
      run('b1', 'beta', { temperature: 0.2 }),
      run('b2', 'beta', { temperature: 0.2 }),
    ])
    expect(columns.map((c) => [c.model, c.parameters])).toEqual([
      ['alpha', {}],
      ['beta', { temperature: 0.2 }],
    ])
  })
})
