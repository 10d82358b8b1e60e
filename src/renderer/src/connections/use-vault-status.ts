import { useCallback, useEffect, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodOutput } from '../../../shared/contract'

export type VaultStatus = MethodOutput<'vault.status'>

/** How saved keys are protected here, and the one way to accept weaker protection. */
export function useVaultStatus(client: ParallaxClient) {
  const [status, setStatus] = useState<VaultStatus | null>(null)

  useEffect(() => {
    let current = true
    void client.invoke('vault.status', {}).then((answer) => {
      if (current && answer.ok) setStatus(answer.value)
    })
    return () => {
      current = false
    }
  }, [client])

  /** Resolves to null once the consent is recorded, or to the host's message. */
  const allowInsecure = useCallback(async (): Promise<string | null> => {
    const answer = await client.invoke('vault.allowInsecure', {})
    if (!answer.ok) return answer.error.message
    setStatus(answer.value)
    return null
  }, [client])

  return { status, allowInsecure }
}
