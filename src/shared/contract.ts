import { z } from 'zod'
import {
  ConnectionCreateSchema,
  ConnectionSummarySchema,
  ConnectionTestResultSchema,
  ConnectionUpdateSchema,
  ProviderSummarySchema,
  VaultStatusSchema,
} from './connection-schemas'

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
  code: z.enum(['host.stopping']),
  at: z.number().int(),
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
    output: ConnectionSummarySchema,
  },
  'connections.update': {
    summary: 'Changes a connection’s label or fields (null removes a field, absent keeps it).',
    input: ConnectionUpdateSchema,
    output: ConnectionSummarySchema,
  },
  'connections.delete': {
    summary: 'Deletes a connection and its secrets.',
    input: IdInputSchema,
    output: z.object({ deleted: z.boolean() }),
  },
  'connections.test': {
    summary: 'Checks a connection’s credentials with the cheapest call the provider has.',
    input: IdInputSchema,
    output: ConnectionTestResultSchema,
  },
  'vault.status': {
    summary: 'How saved keys are protected on this machine.',
    input: EmptyInputSchema,
    output: VaultStatusSchema,
  },
} as const satisfies Record<string, MethodSpec>

export const events = {
  'app.notice': {
    summary: 'Something the host wants the person to know (e.g. the host is stopping).',
    payload: NoticeSchema,
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
