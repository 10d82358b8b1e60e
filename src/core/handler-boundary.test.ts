import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { methodNames } from '../shared/contract'
import { createDispatcher, type Handlers } from '../shared/dispatch'
import { RpcFailure, type RpcResult } from '../shared/rpc-result'
import { UnknownBackupError } from './backups/index'
import { ConnectionBindingError } from './connections/connection-binding'
import {
  ConflictError,
  ConsentRequiredError,
  InputError,
  LockedError,
  NotFoundError,
} from './errors/domain-errors'
import { toRpcFailure, withErrorBoundary } from './handler-boundary'
import { HistoryImportError, HistoryNotFoundError } from './history/index'
import { RunInputError } from './runs/run-input-error'
import {
  VaultDamagedError,
  VaultError,
  VaultInsecureError,
  VaultLockedError,
  VaultReentryError,
} from './vault/index'
import { openTestCore } from '../../test/support/test-core'

/** Every contract method failing if called, with `overrides`, behind the core's boundary. */
function boundHandlers(overrides: Partial<Handlers>): Handlers {
  const unused = Object.fromEntries(
    methodNames.map((name) => [
      name,
      () => {
        throw new Error(`${name} should not be called`)
      },
    ]),
  )
  return withErrorBoundary({ ...unused, ...overrides } as Handlers)
}

interface Logged {
  method: string
  error: unknown
  incident: string
}

function failed(result: RpcResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`)
  return result.error
}

describe('the handler boundary', () => {
  it('answers a thrown TypeError as internal, with an incident id the log also gets', async () => {
    const logged: Logged[] = []
    const bug = new TypeError('boom secret sk-live-0123456789abcdef')
    const dispatch = createDispatcher(
      boundHandlers({
        'app.info': () => {
          throw bug
        },
      }),
      { onInternalError: (method, error, incident) => logged.push({ method, error, incident }) },
    )

    const error = failed(await dispatch('app.info', {}))

    expect(error.kind).toBe('internal')
    expect(error.incident).toMatch(/^[0-9a-f]{8}$/)
    expect(error.message).toBe(`app.info failed unexpectedly (incident ${error.incident}).`)
    expect(JSON.stringify(error)).not.toMatch(/boom|secret|sk-live/)
    expect(error).not.toHaveProperty('field')
    expect(logged).toEqual([{ method: 'app.info', error: bug, incident: error.incident }])
  })

  it('gives each internal failure its own incident id', async () => {
    const incidents: string[] = []
    const dispatch = createDispatcher(
      boundHandlers({
        'app.info': () => {
          throw new Error('again')
        },
      }),
      { onInternalError: (_method, _error, incident) => incidents.push(incident) },
    )
    const first = failed(await dispatch('app.info', {}))
    const second = failed(await dispatch('app.info', {}))
    expect(first.incident).not.toBe(second.incident)
    expect(incidents).toEqual([first.incident, second.incident])
  })

  it('answers a refusal as data: its kind, message, field, code and details, and logs nothing', async () => {
    const logged: unknown[] = []
    const dispatch = createDispatcher(
      boundHandlers({
        'history.get': async ({ id }) => {
          throw new InputError(`Conversation ${id} cannot be read that way.`, {
            field: 'id',
            code: 'run_ended',
            details: { status: 'done' },
          })
        },
      }),
      { onInternalError: (_method, error) => logged.push(error) },
    )
    expect(await dispatch('history.get', { id: 'c1' })).toEqual({
      ok: false,
      error: {
        kind: 'invalid_input',
        message: 'Conversation c1 cannot be read that way.',
        field: 'id',
        code: 'run_ended',
        details: { status: 'done' },
      },
    })
    expect(logged).toEqual([])
  })

  it('maps each domain error to the contract kind, field and code', () => {
    const cases: [unknown, { kind: string; field?: string; code?: string }][] = [
      [new InputError('bad', { field: 'cursor' }), { kind: 'invalid_input', field: 'cursor' }],
      [
        new NotFoundError('gone', { field: 'connectionId' }),
        { kind: 'not_found', field: 'connectionId' },
      ],
      [new ConflictError('ended'), { kind: 'conflict' }],
      [new LockedError('locked'), { kind: 'vault_locked' }],
      [new ConsentRequiredError('agree first'), { kind: 'consent_required' }],
      [
        new RunInputError('n too big', 'parameters.n'),
        { kind: 'invalid_input', field: 'parameters.n' },
      ],
      [
        new HistoryNotFoundError('conversation', 'c1'),
        { kind: 'not_found', field: 'id', code: 'conversation_not_found' },
      ],
      [
        new UnknownBackupError('x.sqlite'),
        { kind: 'invalid_input', field: 'backup', code: 'unknown_backup' },
      ],
      [
        new HistoryImportError('bad status', 'conversations[0].runs[1].status', []),
        {
          kind: 'invalid_input',
          field: 'data.conversations[0].runs[1].status',
          code: 'import_invalid',
        },
      ],
      [
        new HistoryImportError('not JSON', '', [], 'import_not_json'),
        { kind: 'invalid_input', field: 'data', code: 'import_not_json' },
      ],
      [
        new ConnectionBindingError('work'),
        { kind: 'invalid_input', field: 'connectionId', code: 'secret_required' },
      ],
      [
        new VaultLockedError('locked', 'Unlock the key vault first.'),
        { kind: 'vault_locked', code: 'vault_locked' },
      ],
      [
        new VaultInsecureError('basic_text.'),
        { kind: 'consent_required', code: 'vault_consent_required' },
      ],
      [
        new VaultError('unavailable', 'no keychain'),
        { kind: 'invalid_input', code: 'vault_unavailable' },
      ],
      [new VaultReentryError('c1', ['apiKey']), { kind: 'invalid_input', code: 'key_reenter' }],
    ]
    for (const [error, expected] of cases) {
      const answer = toRpcFailure(error)
      expect(answer).toBeInstanceOf(RpcFailure)
      expect(answer).toMatchObject({ ...expected, message: (error as Error).message })
      if (expected.field === undefined) expect((answer as RpcFailure).field).toBeUndefined()
      if (expected.code === undefined) expect((answer as RpcFailure).code).toBeUndefined()
    }
  })

  it('leaves every other error as it is, to be answered as internal', () => {
    for (const error of [
      new TypeError('a bug'),
      new Error('disk I/O error'),
      new VaultDamagedError('c1', 'apiKey'),
      'a thrown string',
    ]) {
      expect(toRpcFailure(error)).toBe(error)
    }
  })
})

describe('the core behind the boundary', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-boundary-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('answers a failure of its own (the database gone) as internal, naming no detail', async () => {
    const core = await openTestCore(dir)
    const logged: Logged[] = []
    const dispatch = createDispatcher(core.handlers, {
      onInternalError: (method, error, incident) => logged.push({ method, error, incident }),
    })
    core.database.close()

    const error = failed(await dispatch('history.list', {}))

    expect(error).toMatchObject({
      kind: 'internal',
      incident: expect.stringMatching(/^[0-9a-f]{8}$/),
    })
    expect(error.message).not.toMatch(/database/i)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({ method: 'history.list', incident: error.incident })
    expect(String(logged[0]?.error)).toMatch(/database/i)
    await core.close()
  })

  it('still answers the caller’s mistakes as invalid_input, naming the field', async () => {
    const core = await openTestCore(dir)
    const dispatch = createDispatcher(core.handlers)
    expect(await dispatch('history.list', { cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'cursor' },
    })
    expect(await dispatch('history.search', { query: 'x', cursor: '!!' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'cursor' },
    })
    expect(await dispatch('usage.report', { from: 10, to: 5 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'to' },
    })
    await core.close()
  })
})
