// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { createFakeClient } from '../test-support/fake-client'
import { MODEL_LISTS, modelList, modelsHostHandlers } from '../test-support/models-host'
import { appWrapper } from '../test-support/render-with-app'
import type { ModelChoice } from './model-choice'
import { useCapabilities, useModelLists } from './use-model-lists'

afterEach(cleanup)

describe('useModelLists', () => {
  it('loads every connection once, shares the answer and reports a failed listing', async () => {
    const fake = createFakeClient(modelsHostHandlers())
    const wrapper = appWrapper(fake)
    const first = renderHook(() => useModelLists(), { wrapper })
    const second = renderHook(() => useModelLists(), { wrapper })
    await waitFor(() => expect(first.result.current.lists.conn_local?.status).toBe('ready'))
    await waitFor(() => expect(second.result.current.lists.conn_openai?.status).toBe('ready'))

    const { lists } = first.result.current
    expect(lists.conn_openai).toEqual({ status: 'ready', list: MODEL_LISTS.conn_openai })
    expect(lists.conn_local).toEqual({
      status: 'ready',
      list: MODEL_LISTS.conn_local,
      error: 'connect ECONNREFUSED 127.0.0.1:11434',
    })
    expect(fake.callsTo('models.list')).toHaveLength(3)
  })

  it('asks again with refresh and keeps the old list while waiting', async () => {
    let release: (() => void) | undefined
    const fake = createFakeClient({
      ...modelsHostHandlers(),
      'models.list': async (input) => {
        if (input.refresh) await new Promise<void>((resolve) => (release = resolve))
        return modelList(input.connectionId)
      },
    })
    const { result } = renderHook(() => useModelLists(), { wrapper: appWrapper(fake) })
    await waitFor(() => expect(result.current.lists.conn_openai?.status).toBe('ready'))
    const old = result.current.lists.conn_openai?.list
    expect(old).toEqual(MODEL_LISTS.conn_openai)

    act(() => result.current.refresh('conn_openai'))
    expect(result.current.lists.conn_openai?.status).toBe('loading')
    expect(result.current.lists.conn_openai?.list).toBe(old)
    expect(fake.callsTo('models.list').at(-1)).toEqual({
      connectionId: 'conn_openai',
      refresh: true,
    })
    await waitFor(() => expect(release).toBeDefined())
    await act(async () => release?.())
    await waitFor(() => expect(result.current.lists.conn_openai?.status).toBe('ready'))
  })

  it('reports a host error as the list state', async () => {
    const fake = createFakeClient({
      ...modelsHostHandlers(),
      'models.list': () => {
        throw new RpcFailure('vault_locked', 'The key vault is locked.')
      },
    })
    const { result } = renderHook(() => useModelLists(), { wrapper: appWrapper(fake) })
    await waitFor(() =>
      expect(result.current.lists.conn_openai).toEqual({
        status: 'ready',
        error: 'The key vault is locked.',
      }),
    )
  })
})

describe('useCapabilities', () => {
  it('takes a listed model from its list and asks the host about a custom id', async () => {
    const fake = createFakeClient(modelsHostHandlers())
    const { result, rerender } = renderHook(
      ({ choice }: { choice: ModelChoice | null }) => useCapabilities(choice),
      {
        wrapper: appWrapper(fake),
        initialProps: {
          choice: { connectionId: 'conn_openai', model: 'o4-mini' } as ModelChoice | null,
        },
      },
    )
    await waitFor(() => expect(result.current?.label).toBe('o4-mini'))
    expect(result.current?.parameters.temperature?.support).toBe('unsupported')
    expect(fake.callsTo('models.capabilities')).toHaveLength(0)

    rerender({ choice: { connectionId: 'conn_anthropic', model: 'claude-next' } })
    await waitFor(() => expect(result.current?.model).toBe('claude-next'))
    expect(result.current?.known).toBe(false)
    rerender({ choice: null })
    expect(result.current).toBeNull()
    rerender({ choice: { connectionId: 'conn_anthropic', model: 'claude-next' } })
    expect(result.current?.model).toBe('claude-next')
    expect(fake.callsTo('models.capabilities')).toEqual([
      { connectionId: 'conn_anthropic', model: 'claude-next' },
    ])
  })
})
