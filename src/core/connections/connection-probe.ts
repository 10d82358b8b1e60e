import { complete, isLlmError, listModels, type Connection } from '@parallax/llm'
import { hintFieldsOf, type HintFields } from '../errors/llm-hint'

export interface ConnectionTestResult extends HintFields {
  ok: boolean
  kind?: string
  /** The provider's own words; the screen words the outcome from kind and hintCode. */
  message?: string
  models?: number
  /** The key works, but no deployment has this name to answer with. */
  missingDeployment?: string
  ms: number
}

/** The cheapest authenticated call: the model list, or a 1-token answer where none exists. */
export async function probeConnection(
  connection: Connection,
  timeoutMs: number,
  now: () => number,
): Promise<ConnectionTestResult> {
  const started = now()
  const callOptions = { timeoutMs, maxRetries: 0 }
  try {
    const models = await listModels(connection, callOptions)
    if (models.length > 0 && models.every((model) => !model.listed)) {
      return await probeWithAnswer(connection, models[0]?.id ?? '', callOptions, started, now)
    }
    return { ok: true, models: models.length, ms: now() - started }
  } catch (error) {
    return failed(error, started, now)
  }
}

/** Providers that cannot list models (Azure deployments) are checked with a 1-token answer. */
async function probeWithAnswer(
  connection: Connection,
  model: string,
  callOptions: { timeoutMs: number; maxRetries: number },
  started: number,
  now: () => number,
): Promise<ConnectionTestResult> {
  try {
    await complete(
      { model, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] },
      connection,
      callOptions,
    )
    return { ok: true, ms: now() - started }
  } catch (error) {
    if (isLlmError(error) && error.kind === 'not_found') {
      return { ok: true, missingDeployment: model, ms: now() - started }
    }
    return failed(error, started, now)
  }
}

function failed(error: unknown, started: number, now: () => number): ConnectionTestResult {
  if (!isLlmError(error)) throw error
  return {
    ok: false,
    kind: error.kind,
    message: error.message,
    ...hintFieldsOf(error),
    ms: now() - started,
  }
}
