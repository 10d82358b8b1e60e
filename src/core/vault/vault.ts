import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write'
import type { Encryptor } from './encryptor'
import { checkNewPassphrase, newScryptParams, type ScryptParams } from './passphrase-key'
import { hintOf, type SecretHint } from './secret-hint'
import { checkField, checkId, checkScheme, unsupported, wrongKey } from './vault-checks'
import {
  openBinding,
  pruneBindings,
  resealBindings,
  unboundIds,
  withBinding,
} from './vault-bindings'
import { keyCheckPasses, makeKeyCheck, openValue, sealValue } from './vault-entries'
import { VaultClosedError, VaultError, VaultInsecureError, VaultLockedError } from './vault-errors'
import {
  moveVaultAside,
  readVaultFile,
  renameAside,
  restrictMode,
  serializeVault,
  VAULT_FILE_NAME,
  VAULT_FORMAT,
  VAULT_FORMAT_VERSION,
  type VaultFile,
  type VaultNotice,
} from './vault-file'
import { keyFileEncryptor, PASSPHRASE_NOTE, passphraseEncryptor, schemeOf } from './vault-keys'
import {
  clearMarks,
  newReentry,
  pendingFrom,
  reentryFields,
  reentryMessage,
  reentryReason,
  reentryStatus,
} from './vault-reentry'
import type { OpenVaultOptions, Vault, VaultStatus } from './vault-types'

export type { OpenVaultOptions, Vault, VaultStatus } from './vault-types'

type Keyed = Encryptor & { destroy?(): void }

/**
 * Opens (creating if missing) the vault file in `dir`. A wrong passphrase throws
 * `VaultLockedError`; a key file or keychain that cannot decrypt the vault does not: the vault is
 * kept aside, a new one starts, and its keys are marked to be entered again (see `reentry`).
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const now = options.now ?? Date.now
  const file = join(options.dir, options.fileName ?? VAULT_FILE_NAME)
  const scheme = schemeOf(options)
  const notices: VaultNotice[] = []
  await mkdir(options.dir, { recursive: true, mode: 0o700 })

  const read = await readVaultFile(file)
  let doc: VaultFile | null = read.state === 'ok' ? read.doc : null
  if (read.state === 'unreadable') {
    const notice = await moveVaultAside(file, read.reason, now())
    notices.push(notice)
    options.onNotice?.(notice)
  }
  if (doc !== null) checkScheme(file, doc, scheme)

  let encryptor: Keyed | null = null
  let keyFileCreated = false
  if (options.encryptor !== undefined) encryptor = options.encryptor
  else if (options.keyFile !== undefined) {
    const loaded = await keyFileEncryptor(options.keyFile)
    encryptor = loaded.encryptor
    keyFileCreated = loaded.created
  }
  const persist = (next: VaultFile): Promise<void> =>
    writeFileAtomic(file, serializeVault(next), { beforeRename: options.beforeRename })

  // A key check the encryptor can read back: proves it works before anything is written.
  const usableKeyCheck = async (enc: Encryptor): Promise<string> => {
    let failure: unknown
    try {
      const keyCheck = await makeKeyCheck(enc)
      if (await keyCheckPasses(enc, keyCheck)) return keyCheck
    } catch (error) {
      failure = error
    }
    const reason = enc.describe().note ?? (failure as Error | undefined)?.message ?? 'no key'
    throw new VaultError('unavailable', `Keys cannot be encrypted here: ${reason}`)
  }
  const emptyVault = (keyCheck: string): VaultFile => ({
    format: VAULT_FORMAT,
    version: VAULT_FORMAT_VERSION,
    encryptor: scheme.kind,
    keySource: scheme.keySource,
    keyCheck,
    secrets: {},
  })
  const create = async (enc: Encryptor, kdf?: ScryptParams): Promise<VaultFile> => {
    const next = emptyVault(await usableKeyCheck(enc))
    if (kdf) next.kdf = kdf
    await persist(next)
    return next
  }
  // A key file or keychain that cannot decrypt the vault will never do so: keep the vault aside
  // (only read, never written or deleted), start a new one, and mark its keys for re-entry.
  const startOver = async (enc: Encryptor, old: VaultFile): Promise<VaultFile> => {
    const keyCheck = await usableKeyCheck(enc)
    const at = now()
    const keptAt = await renameAside(file, at)
    const pending = pendingFrom(old)
    const next = emptyVault(keyCheck)
    const reason = reentryReason(scheme, keyFileCreated)
    const count = Object.keys(pending).length
    if (count > 0) next.reentry = newReentry(reason, keptAt, at, pending)
    await persist(next)
    if (count > 0) {
      const message = reentryMessage(reason, file, keptAt, count)
      const notice: VaultNotice = {
        kind: 'vault-unreadable',
        message,
        movedTo: keptAt,
        reason,
        count,
      }
      notices.push(notice)
      options.onNotice?.(notice)
    }
    return next
  }
  // Verifies the key before anything on disk changes; on success tidies up after old crashes.
  const accept = async (enc: Keyed, existing: VaultFile | null, kdf?: ScryptParams) => {
    let fresh: VaultFile | null = null
    if (existing !== null && !(await keyCheckPasses(enc, existing.keyCheck))) {
      if (scheme.keySource === 'passphrase') {
        enc.destroy?.()
        throw wrongKey(file, scheme)
      }
      fresh = await startOver(enc, existing)
    }
    await removeStaleTempFiles(file)
    const next = fresh ?? existing ?? (await create(enc, kdf))
    await restrictMode(file)
    return next
  }
  const passphraseUnlock = async (passphrase: string, existing: VaultFile | null) => {
    if (existing === null) checkNewPassphrase(passphrase)
    const kdf = existing?.kdf ?? newScryptParams()
    const enc = await passphraseEncryptor(passphrase, kdf)
    return { enc, doc: await accept(enc, existing, kdf) }
  }

  if (encryptor !== null) doc = await accept(encryptor, doc)
  else if (typeof options.passphrase === 'string') {
    const opened = await passphraseUnlock(options.passphrase, doc)
    encryptor = opened.enc
    doc = opened.doc
  }

  let closed = false
  let closing: Promise<void> | undefined
  let tail: Promise<unknown> = Promise.resolve()
  // Every operation runs alone, in call order, on the newest state: no update is lost and a
  // reader never sees a half-finished passphrase change.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(async () => {
      if (closed) throw new VaultClosedError()
      return task()
    })
    tail = run.catch(() => undefined)
    return run
  }
  const unlocked = (): Keyed => {
    if (encryptor === null) {
      throw new VaultLockedError(
        'locked',
        'The key vault is locked; unlock it with the passphrase.',
      )
    }
    return encryptor
  }
  const describe = () =>
    encryptor?.describe() ?? { kind: scheme.kind, secure: true, ...PASSPHRASE_NOTE }
  const commit = async (next: VaultFile) => {
    const pruned = pruneBindings(next)
    await persist(pruned)
    doc = pruned
  }
  const copy = (d: VaultFile): VaultFile => ({ ...d, secrets: { ...d.secrets } })
  // The encryptor read a value under an old key (safeStorage's `shouldReEncrypt`): re-seal the
  // vault with the current key. A failed write changes nothing; the next such read asks again.
  const reEncryptIfAsked = async (): Promise<void> => {
    const enc = encryptor
    if (enc === null || doc === null || enc.takeReEncryptRequest?.() !== true) return
    try {
      await commit(await resealed(enc, doc))
    } catch {
      // Kept as it was: still readable with the old key.
    }
    enc.takeReEncryptRequest?.() // the re-seal's own reads of old values
  }
  await reEncryptIfAsked()
  if (options.allowInsecure === true && doc !== null && !describe().secure) {
    if (doc.insecureConsent === undefined) {
      await commit({
        ...copy(doc),
        insecureConsent: { at: new Date(now()).toISOString(), note: describe().note ?? '' },
      })
    }
  }

  return {
    file,
    notices,
    status() {
      const description = describe()
      const status: VaultStatus = {
        file,
        kind: scheme.kind,
        keySource: scheme.keySource,
        created: doc !== null,
        secure: description.secure,
        unlocked: encryptor !== null && !closed,
        count: doc === null ? 0 : Object.keys(doc.secrets).length,
        consentRequired: !description.secure && doc?.insecureConsent === undefined,
      }
      if (description.note !== undefined) status.note = description.note
      if (description.noteCode !== undefined) status.noteCode = description.noteCode
      if (description.noteDetails !== undefined) status.noteDetails = description.noteDetails
      if (doc?.insecureConsent) status.insecureConsent = { ...doc.insecureConsent }
      const reentry = reentryStatus(doc, file)
      if (reentry !== undefined) status.reentry = reentry
      return status
    },
    connectionIds: () => (doc === null ? [] : Object.keys(doc.secrets)),
    reentryFields: (connectionId) => reentryFields(doc, connectionId),
    setSecrets: (connectionId, secrets, domain) =>
      serial(async () => {
        checkId(connectionId)
        const enc = unlocked()
        const current = doc as VaultFile
        const entries = Object.entries(secrets)
        for (const [field, value] of entries) checkField(field, value)
        const description = enc.describe()
        const saving = entries.some(([, value]) => typeof value === 'string' && value !== '')
        if (saving && !description.secure && current.insecureConsent === undefined) {
          throw new VaultInsecureError(description.note ?? 'the encryptor is not secure.')
        }
        let entry = { ...own(current.secrets, connectionId) }
        for (const [field, value] of entries) {
          if (value === null || value === '') entry = without(entry, field)
          else entry[field] = await sealValue(enc, connectionId, field, value)
        }
        const next = { ...current, secrets: without(current.secrets, connectionId) }
        if (Object.keys(entry).length > 0) next.secrets[connectionId] = entry
        // A field given a value (or removed on purpose) no longer waits to be entered again.
        const fields = entries.map(([field]) => field)
        const cleared = clearMarks(next, connectionId, fields)
        await commit(
          domain === undefined ? cleared : await withBinding(cleared, enc, connectionId, domain),
        )
      }),
    boundDomain: (connectionId) =>
      serial(async () => {
        checkId(connectionId)
        if (doc?.bindings === undefined || !Object.hasOwn(doc.bindings, connectionId)) return
        return openBinding(unlocked(), doc, connectionId)
      }),
    bindUnbound: (domainOf) =>
      serial(async () => {
        if (encryptor === null || doc === null) return 0
        let next: VaultFile = doc
        let bound = 0
        for (const id of unboundIds(doc)) {
          const domain = domainOf(id)
          if (domain === undefined) continue
          next = await withBinding(next, encryptor, id, domain)
          bound += 1
        }
        if (bound > 0) await commit(next)
        return bound
      }),
    getSecrets: (connectionId) =>
      serial(async () => {
        checkId(connectionId)
        const entry = own(doc?.secrets, connectionId) ?? {}
        // Nothing stored means nothing to decrypt: a keyless connection works while locked.
        if (Object.keys(entry).length === 0) return {}
        const enc = unlocked()
        const out: Record<string, string> = {}
        for (const [field, sealed] of Object.entries(entry)) {
          out[field] = await openValue(enc, connectionId, field, sealed)
        }
        await reEncryptIfAsked()
        return out
      }),
    hints: (connectionId, fields = []) =>
      serial(async () => {
        checkId(connectionId)
        const entry = own(doc?.secrets, connectionId) ?? {}
        const out: Record<string, SecretHint> = {}
        for (const field of fields) out[field] = hintOf(undefined)
        for (const field of reentryFields(doc, connectionId)) {
          out[field] = { set: false, last4: '', reenter: true }
        }
        for (const [field, sealed] of Object.entries(entry)) {
          if (encryptor === null) {
            out[field] = { set: true, last4: '' }
            continue
          }
          try {
            out[field] = hintOf(await openValue(encryptor, connectionId, field, sealed))
          } catch {
            out[field] = { set: true, last4: '', damaged: true }
          }
        }
        await reEncryptIfAsked()
        return out
      }),
    deleteSecrets: (connectionId) =>
      serial(async () => {
        checkId(connectionId)
        const stored = own(doc?.secrets, connectionId) !== undefined
        if (doc === null || (!stored && reentryFields(doc, connectionId).length === 0)) return false
        await commit(
          clearMarks({ ...doc, secrets: without(doc.secrets, connectionId) }, connectionId),
        )
        return stored
      }),
    allowInsecure: () =>
      serial(async () => {
        unlocked()
        const current = doc as VaultFile
        const description = describe()
        if (description.secure || current.insecureConsent !== undefined) return
        const note = description.note ?? ''
        await commit({
          ...copy(current),
          insecureConsent: { at: new Date(now()).toISOString(), note },
        })
      }),
    unlock: (passphrase) =>
      serial(async () => {
        if (scheme.keySource !== 'passphrase') throw unsupported('unlock')
        const opened = await passphraseUnlock(passphrase, doc)
        encryptor?.destroy?.()
        encryptor = opened.enc
        doc = opened.doc
      }),
    lock: () =>
      serial(async () => {
        if (scheme.keySource !== 'passphrase') throw unsupported('lock')
        encryptor?.destroy?.()
        encryptor = null
      }),
    changePassphrase: (current, next) =>
      serial(async () => {
        if (scheme.keySource !== 'passphrase') throw unsupported('changePassphrase')
        if (doc === null)
          throw new VaultLockedError(
            'locked',
            'The key vault has no passphrase yet; unlock it first.',
          )
        const old = await passphraseEncryptor(current, doc.kdf as ScryptParams)
        try {
          if (!(await keyCheckPasses(old, doc.keyCheck))) throw wrongKey(file, scheme)
          checkNewPassphrase(next)
          const kdf = newScryptParams()
          const fresh = await passphraseEncryptor(next, kdf)
          const secrets: [string, Record<string, string>][] = []
          for (const [id, entry] of Object.entries(doc.secrets)) {
            const sealed: [string, string][] = []
            for (const [field, value] of Object.entries(entry)) {
              const plain = await openValue(old, id, field, value)
              sealed.push([field, await sealValue(fresh, id, field, plain)])
            }
            secrets.push([id, Object.fromEntries(sealed)])
          }
          const keyCheck = await makeKeyCheck(fresh)
          const bindings = await resealBindings(doc, old, fresh)
          await commit({
            ...doc,
            kdf,
            keyCheck,
            secrets: Object.fromEntries(secrets),
            ...(bindings ? { bindings } : {}),
          })
          encryptor?.destroy?.()
          encryptor = fresh
        } finally {
          old.destroy()
        }
      }),
    close: () =>
      (closing ??= serial(async () => {
        closed = true
        if (options.encryptor === undefined) encryptor?.destroy?.()
        encryptor = null
      })),
  }
}

/** Every value, binding and the key check sealed again with `enc`; a damaged value stays as is. */
async function resealed(enc: Encryptor, d: VaultFile): Promise<VaultFile> {
  const secrets: Record<string, Record<string, string>> = {}
  for (const [id, entry] of Object.entries(d.secrets)) {
    const fields: Record<string, string> = {}
    for (const [field, sealed] of Object.entries(entry)) {
      try {
        fields[field] = await sealValue(enc, id, field, await openValue(enc, id, field, sealed))
      } catch {
        fields[field] = sealed
      }
    }
    secrets[id] = fields
  }
  const bindings = await resealBindings(d, enc, enc).catch(() => d.bindings)
  return {
    ...d,
    keyCheck: await makeKeyCheck(enc),
    secrets,
    ...(bindings ? { bindings } : {}),
  }
}

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key))
}
