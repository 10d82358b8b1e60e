import { z } from 'zod'

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

export const methods = {
  'app.info': {
    summary: 'The app version, runtime versions and data folder.',
    input: EmptyInputSchema,
    output: AppInfoSchema,
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
