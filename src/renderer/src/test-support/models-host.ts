import type { ModelCapabilitiesView, ModelEntry, ModelList } from '../../../shared/model-schemas'
import { RpcFailure } from '../../../shared/rpc-result'
import type { ConnectionView } from '../app/app-context'
import type { FakeHandlers } from './fake-client'
import {
  capabilitiesOf,
  CLAUDE_HAIKU,
  CLAUDE_OPUS,
  GPT_41,
  GPT_54_MINI,
  GPT_55,
  LLAMA,
  O4_MINI,
} from './model-capabilities'

/** Test data shaped like the host's answers: three connections, one of them offline. */

function entry(capabilities: ModelCapabilitiesView, listed = true): ModelEntry {
  return { id: capabilities.model, label: capabilities.label, listed, capabilities }
}

function connection(id: string, provider: string, label: string): ConnectionView {
  return { id, provider, label, fields: {}, secrets: {}, createdAt: 1, updatedAt: 1 }
}

export const CONNECTIONS: ConnectionView[] = [
  connection('conn_openai', 'openai', 'OpenAI work'),
  connection('conn_anthropic', 'anthropic', 'Claude team'),
  connection('conn_local', 'openai-compatible', 'Local Ollama'),
]

export const MODEL_LISTS: Record<string, ModelList> = {
  conn_openai: {
    connectionId: 'conn_openai',
    provider: 'openai',
    models: [entry(GPT_54_MINI), entry(O4_MINI), entry(GPT_41), entry(GPT_55, false)],
  },
  conn_anthropic: {
    connectionId: 'conn_anthropic',
    provider: 'anthropic',
    models: [entry(CLAUDE_OPUS), entry(CLAUDE_HAIKU)],
  },
  conn_local: {
    connectionId: 'conn_local',
    provider: 'openai-compatible',
    models: [entry(LLAMA, false)],
    error: { kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:11434' },
  },
}

/** The model list of one of the connections above, as `models.list` answers it. */
export function modelList(connectionId: string): ModelList {
  const list = MODEL_LISTS[connectionId]
  if (!list) throw new RpcFailure('not_found', `No connection ${connectionId}.`, 'connectionId')
  return list
}

/** A host with the connections and models above; any other model is one it does not know. */
export function modelsHostHandlers(): FakeHandlers {
  return {
    'connections.list': () => ({ connections: CONNECTIONS }),
    'models.list': (input) => modelList(input.connectionId),
    'models.capabilities': (input) =>
      capabilitiesOf(input.model, { known: false, label: input.model }),
  }
}
