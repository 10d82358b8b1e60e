import type { z } from 'zod'
import {
  isMethodName,
  methods,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from './contract'
import { rpcFail, RpcFailure, rpcOk, type RpcResult } from './rpc-result'

/** A handler map typed from the contract: a missing method fails to compile. */
export type Handlers<Ctx = void> = {
  [M in MethodName]: (
    input: MethodParsedInput<M>,
    ctx: Ctx,
  ) => Promise<MethodOutput<M>> | MethodOutput<M>
}

export type Dispatch<Ctx> = (
  method: string,
  input: unknown,
  ctx: Ctx,
) => Promise<RpcResult<unknown>>

export interface DispatcherOptions {
  /**
   * Called with each unexpected failure (a thrown bug, a result that breaks the contract) and the
   * incident id its answer carries: log both, so a person quoting the id finds the details. The
   * caller only ever sees a generic message.
   */
  onInternalError?: (method: string, error: unknown, incident: string) => void
}

/**
 * The one generic binder core: validate the input, call the handler, validate the output.
 * Hosts wrap it in their transport (IPC, HTTP).
 */
export function createDispatcher<Ctx = void>(
  handlers: Handlers<Ctx>,
  options: DispatcherOptions = {},
): Dispatch<Ctx> {
  return async (method, input, ctx) => {
    if (!isMethodName(method)) {
      return rpcFail('unknown_method', `Unknown method "${truncate(method, 80)}".`)
    }
    const spec = methods[method]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) return invalidInput(method, parsed.error)

    let output: unknown
    try {
      const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown
      output = await handler(parsed.data, ctx)
    } catch (error) {
      if (error instanceof RpcFailure) {
        return rpcFail(error.kind, error.message, error.field, error.code, undefined, error.details)
      }
      return internal(method, error, `${method} failed unexpectedly`)
    }

    const checked = spec.output.safeParse(output)
    if (!checked.success) {
      return internal(
        method,
        checked.error,
        `${method} produced a result that does not match the contract`,
      )
    }
    return rpcOk(checked.data)
  }

  function internal(method: string, error: unknown, what: string): RpcResult<never> {
    const incident = newIncidentId()
    options.onInternalError?.(method, error, incident)
    return rpcFail('internal', `${what} (incident ${incident}).`, undefined, undefined, incident)
  }
}

/** A short random id (8 hex digits) that ties an internal failure's answer to its log line. */
export function newIncidentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export function invalidInput(method: string, error: z.ZodError): RpcResult<never> {
  const issue = error.issues[0]
  if (!issue) return rpcFail('invalid_input', `Invalid input for ${method}.`)
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
  const path = [...issue.path, ...keys.slice(0, 1)].map(String).join('.')
  if (path === '') return rpcFail('invalid_input', `Invalid input for ${method}: ${issue.message}`)
  return rpcFail(
    'invalid_input',
    `Invalid input for ${method} at "${path}": ${issue.message}`,
    path,
  )
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
