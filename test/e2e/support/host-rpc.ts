/** Calls a contract method on a running web host the way a script does, with the bearer token. */
export async function hostRpc(
  host: { origin: string; token: string },
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const response = await fetch(`${host.origin}/api/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
}
