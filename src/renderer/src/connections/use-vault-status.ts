import { useCallback, useEffect, useRef, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodOutput } from '../../../shared/contract'
import type { RpcError } from '../../../shared/rpc-result'

export type VaultStatus = MethodOutput<'vault.status'>

interface VaultStatusOptions {
  /** Read the status again when this changes (e.g. the saved connections, for the count). */
  refreshKey?: unknown
  /** Called after the vault was unlocked, locked or re-keyed (connection hints change with it). */
  onChange?: () => void
}

/**
 * How saved keys are protected here, and what the person can do about it: accept weaker
 * protection, or unlock, lock and re-key a passphrase vault. The actions resolve to null on
 * success or to the host's error (its `field` says which passphrase was refused).
 */
export function useVaultStatus(client: ParallaxClient, options: VaultStatusOptions = {}) {
  const { refreshKey, onChange } = options
  const [status, setStatus] = useState<VaultStatus | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  useEffect(() => {
    let current = true
    void client.invoke('vault.status', {}).then((answer) => {
      if (!current) return
      if (answer.ok) {
        setStatus(answer.value)
        setLoadError(null)
      } else setLoadError(answer.error.message)
    })
    return () => {
      current = false
    }
  }, [client, refreshKey])

  const apply = useCallback(
    (answer: { ok: true; value: VaultStatus } | { ok: false; error: RpcError }) => {
      if (!answer.ok) return answer.error
      setStatus(answer.value)
      onChangeRef.current?.()
      return null
    },
    [],
  )

  /** Resolves to null once the consent is recorded, or to the host's message. */
  const allowInsecure = useCallback(async (): Promise<string | null> => {
    const answer = await client.invoke('vault.allowInsecure', {})
    if (!answer.ok) return answer.error.message
    setStatus(answer.value)
    return null
  }, [client])

  const unlock = useCallback(
    async (passphrase: string) => apply(await client.invoke('vault.unlock', { passphrase })),
    [client, apply],
  )
  const lock = useCallback(
    async () => apply(await client.invoke('vault.lock', {})),
    [client, apply],
  )
  const changePassphrase = useCallback(
    async (current: string, next: string) =>
      apply(await client.invoke('vault.changePassphrase', { current, next })),
    [client, apply],
  )

  return { status, loadError, allowInsecure, unlock, lock, changePassphrase }
}

export type VaultControls = ReturnType<typeof useVaultStatus>
