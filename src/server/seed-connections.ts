import { readFileSync } from 'node:fs'
import type { Dispatch } from '../shared/dispatch'
import { CliUsageError } from './parse-cli-args'

/**
 * `--connections FILE`: saves the connections in a JSON file (`{ "name": { "provider": …,
 * …fields } }`, what `npm run fakes -- --json FILE` writes) under the label "<prefix><name>",
 * updating one already saved under that label. Used by `npm run demo` for a keyless demo.
 */
export async function seedConnections(
  dispatch: Dispatch<void>,
  file: string,
  prefix = 'Demo — ',
): Promise<number> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new CliUsageError(`--connections: cannot read ${file}: ${(error as Error).message}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliUsageError(`--connections: ${file} must hold a JSON object of connections.`)
  }
  const listed = await dispatch('connections.list', {})
  const saved = listed.ok
    ? (listed.value as { connections: { id: string; label: string }[] }).connections
    : []
  let count = 0
  for (const [name, value] of Object.entries(parsed)) {
    const { provider, ...rest } = (value ?? {}) as Record<string, unknown>
    if (typeof provider !== 'string') {
      throw new CliUsageError(`--connections: "${name}" has no provider.`)
    }
    const fields = Object.fromEntries(
      Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    )
    const label = `${prefix}${name}`
    const existing = saved.find((c) => c.label === label)
    const result = existing
      ? await dispatch('connections.update', { id: existing.id, fields })
      : await dispatch('connections.create', { provider, label, fields })
    if (!result.ok) {
      throw new CliUsageError(`--connections: "${name}" was refused: ${result.error.message}`)
    }
    count++
  }
  return count
}
