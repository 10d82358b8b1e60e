import { z } from 'zod'
import {
  ConnectionCreateSchema,
  ConnectionSummarySchema,
  ConnectionTestInputSchema,
  ConnectionTestOutputSchema,
  ConnectionUpdateSchema,
  ProviderSummarySchema,
  SavedConnectionSchema,
} from './connection-schemas'
import {
  ConversationDetailSchema,
  ConversationSchema,
  HistoryExportInputSchema,
  HistoryBackupsSchema,
  HistoryExportSchema,
  HistoryListInputSchema,
  HistoryRestoreInputSchema,
  HistoryRestoreOutputSchema,
  HistorySearchInputSchema,
  HistoryUpdateInputSchema,
  ImportReportSchema,
  SearchHitSchema,
} from './history-schemas'
import {
  RerunInputSchema,
  StartChatInputSchema,
  StartComparisonInputSchema,
  StartedChatSchema,
  StartedGroupSchema,
} from './run-input-schemas'
import { EstimateInputSchema, EstimateOutputSchema } from './estimate-schemas'
import {
  ModelCapabilitiesInputSchema,
  ModelCapabilitiesSchema,
  ModelListInputSchema,
  ModelListSchema,
} from './model-schemas'
import { prefsMethods } from './prefs-schemas'
import {
  ChooseDataDirInputSchema,
  PickDataDirInputSchema,
  SettingsUpdateSchema,
  SettingsViewSchema,
} from './settings-schemas'
import {
  RunDeltaPayloadSchema,
  RunDonePayloadSchema,
  RunQueuedPayloadSchema,
  RunStartedPayloadSchema,
  RunWaitingPayloadSchema,
} from './run-schemas'
import {
  VaultChangePassphraseInputSchema,
  VaultStatusSchema,
  VaultUnlockInputSchema,
} from './vault-schemas'
import {
  UsageQueryInputSchema,
  UsageReportSchema,
  UsageWarningPayloadSchema,
} from './usage-schemas'

/**
 * The typed contract between the renderer and a host (Electron main or the web host).
 * Every method and event is declared once here; both hosts validate against these schemas.
 */

export const HostKindSchema = z.enum(['electron', 'web'])
export type HostKind = z.infer<typeof HostKindSchema>

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  platform: z.string(),
  arch: z.string(),
  versions: z.object({
    node: z.string(),
    v8: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
  dataDir: z.string(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  code: z.enum([
    'host.stopping',
    'host.unreachable',
    'history.moved_aside',
    /** A backup chosen in Settings replaced the history at this start; detail = its name. */
    'history.restored',
    /** The chosen backup could not be used; the history was left as it was. */
    'history.restore_failed',
    'vault.moved_aside',
    /** Saved keys could not be decrypted; detail = where the old vault was kept. */
    'vault.key_file_replaced',
    'vault.key_file_missing',
    'vault.keychain_changed',
    'vault.unavailable',
    'data.copied',
    'data.copy_failed',
    'data.unavailable',
    'data.pending',
  ]),
  at: z.number().int(),
  /** E.g. where an unreadable file was moved. */
  detail: z.string().optional(),
  /** history.moved_aside: the newest backup, which the notice offers to restore. */
  restorable: z.string().optional(),
})
export type Notice = z.infer<typeof NoticeSchema>

const EmptyInputSchema = z.strictObject({})
const IdInputSchema = z.strictObject({ id: z.string().min(1) })

export const methods = {
  'app.info': {
    summary: 'The app version, runtime versions and data folder.',
    input: EmptyInputSchema,
    output: AppInfoSchema,
  },
  'app.notices': {
    summary: 'What happened at start-up that the person must hear about (e.g. a file moved aside).',
    input: EmptyInputSchema,
    output: z.object({ notices: z.array(NoticeSchema) }),
  },
  'providers.list': {
    summary: 'Every provider with the credential fields its connection form needs.',
    input: EmptyInputSchema,
    output: z.object({ providers: z.array(ProviderSummarySchema) }),
  },
  'connections.list': {
    summary: 'Saved connections with their non-secret fields and hints of their secrets.',
    input: EmptyInputSchema,
    output: z.object({ connections: z.array(ConnectionSummarySchema) }),
  },
  'connections.create': {
    summary: 'Saves a connection; secret fields go encrypted into the vault.',
    input: ConnectionCreateSchema,
    output: SavedConnectionSchema,
  },
  'connections.update': {
    summary: 'Changes a connection’s label or fields (null removes a field, absent keeps it).',
    input: ConnectionUpdateSchema,
    output: SavedConnectionSchema,
  },
  'connections.delete': {
    summary: 'Deletes a connection and its secrets.',
    input: IdInputSchema,
    output: z.object({ deleted: z.boolean() }),
  },
  'connections.test': {
    summary:
      'Checks a connection’s credentials with the cheapest call the provider has (saved or not).',
    input: ConnectionTestInputSchema,
    output: ConnectionTestOutputSchema,
  },
  'models.list': {
    summary: 'The models a connection offers (the provider’s list merged with the catalog).',
    input: ModelListInputSchema,
    output: ModelListSchema,
  },
  'models.capabilities': {
    summary: 'What a model (also a custom id) accepts: parameters, limits, price, badges.',
    input: ModelCapabilitiesInputSchema,
    output: ModelCapabilitiesSchema,
  },
  'app.openWindow': {
    summary:
      'Opens a conversation in a window of its own (Electron); the web host answers opened: false and the page opens a tab.',
    input: z.strictObject({ conversationId: z.string().min(1) }),
    output: z.object({ opened: z.boolean() }),
  },
  'vault.status': {
    summary: 'How saved keys are protected on this machine.',
    input: EmptyInputSchema,
    output: VaultStatusSchema,
  },
  'runs.startChat': {
    summary: 'Sends a chat turn to one model; the answer streams as run.* events.',
    input: StartChatInputSchema,
    output: StartedChatSchema,
  },
  'runs.rerun': {
    summary: 'Runs an earlier prompt again on other models (the new answers are siblings).',
    input: RerunInputSchema,
    output: StartedGroupSchema,
  },
  'runs.stop': {
    summary: 'Stops one streaming run; what it said so far is kept.',
    input: z.strictObject({ runId: z.string().min(1) }),
    output: z.object({ stopped: z.boolean() }),
  },
  'runs.estimate': {
    summary: 'The ≈ input tokens and cost of a prompt per target, counting everything it sends.',
    input: EstimateInputSchema,
    output: EstimateOutputSchema,
  },
  'runs.retryNow': {
    summary: 'Ends a run’s wait before a retry (run.waiting): the retry is sent at once.',
    input: z.strictObject({ runId: z.string().min(1) }),
    output: z.object({ retried: z.boolean() }),
  },
  'compare.start': {
    summary: 'Sends one prompt to 2–8 models at once (a follow-up turn goes to every column).',
    input: StartComparisonInputSchema,
    output: StartedGroupSchema,
  },
  'compare.stop': {
    summary: 'Stops every run of a comparison (by conversation or group id).',
    input: IdInputSchema,
    output: z.object({ stopped: z.number().int() }),
  },
  'history.list': {
    summary: 'Conversations, pinned first, then newest; paginated by cursor.',
    input: HistoryListInputSchema,
    output: z.object({ items: z.array(ConversationSchema), nextCursor: z.string().nullable() }),
  },
  'history.get': {
    summary: 'A conversation with its prompts and every run, with metrics and cost.',
    input: IdInputSchema,
    output: ConversationDetailSchema,
  },
  'history.search': {
    summary: 'Full-text search over titles, prompts and answers (Korean, Japanese, Chinese too).',
    input: HistorySearchInputSchema,
    output: z.object({
      hits: z.array(SearchHitSchema),
      nextCursor: z.string().nullable(),
      partial: z.boolean(),
    }),
  },
  'history.searchIndex': {
    summary:
      'Whether the search index is being rebuilt in the background (after an update), and how far.',
    input: EmptyInputSchema,
    output: z.object({ rebuilding: z.boolean(), percent: z.number().int().min(0).max(100) }),
  },
  'history.update': {
    summary: 'Renames, pins, archives or tags a conversation.',
    input: HistoryUpdateInputSchema,
    output: ConversationSchema,
  },
  'history.delete': {
    summary: 'Deletes a conversation with its prompts and runs.',
    input: IdInputSchema,
    output: z.object({ deleted: z.boolean() }),
  },
  'history.export': {
    summary: 'One conversation, several, or everything as JSON (lossless) or Markdown.',
    input: HistoryExportInputSchema,
    output: HistoryExportSchema,
  },
  'history.import': {
    summary: 'Imports a JSON export; importing the same file twice adds nothing.',
    input: z.strictObject({ data: z.unknown() }),
    output: ImportReportSchema,
  },
  'history.backups': {
    summary: 'The automatic backups of the history database, newest first (the last 7 are kept).',
    input: EmptyInputSchema,
    output: HistoryBackupsSchema,
  },
  'history.restore': {
    summary:
      'Replaces the history with a listed backup at the next start; the current database is kept aside.',
    input: HistoryRestoreInputSchema,
    output: HistoryRestoreOutputSchema,
  },
  'vault.allowInsecure': {
    summary:
      'Records the person’s consent to save keys where the OS keychain only obfuscates them.',
    input: EmptyInputSchema,
    output: VaultStatusSchema,
  },
  'vault.unlock': {
    summary:
      'Unlocks a passphrase vault (web host); on a new vault it chooses the passphrase (8+ characters).',
    input: VaultUnlockInputSchema,
    output: VaultStatusSchema,
  },
  'vault.lock': {
    summary: 'Locks a passphrase vault: saved keys cannot be used until it is unlocked again.',
    input: EmptyInputSchema,
    output: VaultStatusSchema,
  },
  'vault.changePassphrase': {
    summary: 'Re-encrypts every saved key under a new passphrase; the current one must be right.',
    input: VaultChangePassphraseInputSchema,
    output: VaultStatusSchema,
  },
  'history.clear': {
    summary: 'Deletes every conversation (saved connections, keys and usage stay).',
    input: z.strictObject({ confirm: z.literal(true) }),
    output: z.object({ deleted: z.number().int() }),
  },
  'settings.get': {
    summary: 'Language, theme, request timeout and retries, and the data folder.',
    input: EmptyInputSchema,
    output: SettingsViewSchema,
  },
  'settings.update': {
    summary: 'Changes preferences; new requests use the new timeouts and retries.',
    input: SettingsUpdateSchema,
    output: SettingsViewSchema,
  },
  'settings.chooseDataDir': {
    summary:
      'Saves a data folder typed in the page as a change waiting for confirmation (web host: a start with --accept-data-dir), optionally copying the current data there; null goes back to the default, the folder in use cancels.',
    input: ChooseDataDirInputSchema,
    output: SettingsViewSchema,
  },
  'settings.pickDataDir': {
    summary:
      'Desktop app: opens the native folder dialog and uses the folder picked from the next start (optionally copying the current data there).',
    input: PickDataDirInputSchema,
    output: SettingsViewSchema,
  },
  'usage.report': {
    summary: 'Requests, tokens and cost per day, connection, provider and model.',
    input: UsageQueryInputSchema,
    output: UsageReportSchema,
  },
  ...prefsMethods,
} as const satisfies Record<string, MethodSpec>

export const events = {
  'app.notice': {
    summary: 'Something the host wants the person to know (e.g. the host is stopping).',
    payload: NoticeSchema,
  },
  'run.started': {
    summary:
      'A run’s row exists; its request is going out (streaming) or waits for a free slot on its connection (queued).',
    payload: RunStartedPayloadSchema,
  },
  'run.queued': {
    summary: 'A queued run’s place in its connection’s queue changed (streaming: it is sent now).',
    payload: RunQueuedPayloadSchema,
  },
  'run.waiting': {
    summary: 'A run waits before a retry (rate limited, overloaded …) until retryAt.',
    payload: RunWaitingPayloadSchema,
  },
  'run.delta': {
    summary: 'New answer and reasoning text of a run, batched (at most one per ~16 ms per run).',
    payload: RunDeltaPayloadSchema,
  },
  'run.done': {
    summary: 'A run ended (done, stopped, error or interrupted) with usage, metrics and cost.',
    payload: RunDonePayloadSchema,
  },
  'usage.warning': {
    summary:
      'A connection’s requests within seconds (a burst), or its spend or requests in the last hour, are far above its norm.',
    payload: UsageWarningPayloadSchema,
  },
} as const satisfies Record<string, EventSpec>

interface MethodSpec {
  summary: string
  input: z.ZodType
  output: z.ZodType
}

interface EventSpec {
  summary: string
  payload: z.ZodType
}

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>

/** Own-property lookups only: "constructor" or "__proto__" are never method names. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name)
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name)
}

export const methodNames = Object.keys(methods) as MethodName[]
export const eventNames = Object.keys(events) as EventName[]
