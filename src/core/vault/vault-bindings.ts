import type { Encryptor } from './encryptor'
import { openValue, sealValue } from './vault-entries'

/**
 * Each connection's secrets are bound to the trust domain they were entered for
 * (`src/shared/trust-domain.ts`): `bindings[id]` is the domain, sealed like a value with the
 * connection id (so a binding copied from another connection does not open). Core refuses to send
 * a secret to any other domain. Field names cannot start with `@`, so this never names a value.
 */
const BINDING_FIELD = '@domain'

interface WithBindings {
  secrets: Record<string, Record<string, string>>
  bindings?: Record<string, string> | undefined
}

export async function sealBinding(
  encryptor: Encryptor,
  connectionId: string,
  domain: string,
): Promise<string> {
  return sealValue(encryptor, connectionId, BINDING_FIELD, domain)
}

/** The domain a connection's secrets are bound to; undefined when none is recorded. */
export async function openBinding(
  encryptor: Encryptor,
  doc: WithBindings | null,
  connectionId: string,
): Promise<string | undefined> {
  const bindings = doc?.bindings
  if (bindings === undefined || !Object.hasOwn(bindings, connectionId)) return undefined
  return openValue(encryptor, connectionId, BINDING_FIELD, bindings[connectionId] as string)
}

/** The document with `connectionId` bound to `domain`. */
export async function withBinding<T extends WithBindings>(
  doc: T,
  encryptor: Encryptor,
  connectionId: string,
  domain: string,
): Promise<T> {
  const sealed = await sealBinding(encryptor, connectionId, domain)
  return { ...doc, bindings: { ...doc.bindings, [connectionId]: sealed } }
}

/** Bindings of connections that no longer hold any secret are dropped with them. */
export function pruneBindings<T extends WithBindings>(doc: T): T {
  if (doc.bindings === undefined) return doc
  const kept = Object.entries(doc.bindings).filter(([id]) => Object.hasOwn(doc.secrets, id))
  const { bindings: _dropped, ...rest } = doc
  return (kept.length === 0 ? rest : { ...rest, bindings: Object.fromEntries(kept) }) as T
}

/** Connections with secrets but no binding: from a vault written before bindings existed. */
export function unboundIds(doc: WithBindings | null): string[] {
  if (doc === null) return []
  return Object.keys(doc.secrets).filter(
    (id) => doc.bindings === undefined || !Object.hasOwn(doc.bindings, id),
  )
}

/** Every binding re-sealed under a new key (a passphrase change). */
export async function resealBindings(
  doc: WithBindings,
  from: Encryptor,
  to: Encryptor,
): Promise<Record<string, string> | undefined> {
  if (doc.bindings === undefined) return undefined
  const out: [string, string][] = []
  for (const id of Object.keys(doc.bindings)) {
    const domain = (await openBinding(from, doc, id)) as string
    out.push([id, await sealBinding(to, id, domain)])
  }
  return Object.fromEntries(out)
}
