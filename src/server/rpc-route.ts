import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Dispatch } from '../shared/dispatch'
import { rpcFail, type RpcErrorKind, type RpcResult } from '../shared/rpc-result'
import { BodyTooLargeError, readBody } from './read-body'
import { sendJson } from './security-headers'

export const MAX_RPC_BODY_BYTES = 32 * 1024 * 1024

export const STATUS_BY_KIND: Record<RpcErrorKind, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  vault_locked: 423,
  consent_required: 409,
  internal: 500,
}

/** POST /api/rpc/:method with a JSON body; answers `{ ok, value }` or `{ ok: false, error }`. */
export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  dispatch: Dispatch<void>,
  maxBodyBytes = MAX_RPC_BODY_BYTES,
): Promise<void> {
  let text: string
  try {
    text = await readBody(req, maxBodyBytes)
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return respond(res, rpcFail('payload_too_large', error.message))
    }
    throw error
  }

  let input: unknown = {}
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return respond(
        res,
        rpcFail('invalid_input', `The request body is not valid JSON (${reason}).`, 'body'),
      )
    }
  }
  respond(res, await dispatch(method, input))
}

export function respond(res: ServerResponse, result: RpcResult<unknown>): void {
  sendJson(res, result.ok ? 200 : STATUS_BY_KIND[result.error.kind], result)
}
