import type { Handlers } from '../../shared/dispatch'
import type { ModelService } from '../models/model-service'
import type { ConnectionService } from './connection-service'

type ConnectionMethod =
  | 'connections.list'
  | 'connections.create'
  | 'connections.update'
  | 'connections.delete'
  | 'connections.test'

export interface ConnectionHandlerDeps {
  connections: ConnectionService
  /** Its cached model lists are dropped when their connection changes or goes. */
  models: Pick<ModelService, 'forget'>
}

/** Saved connections: secrets go to the vault, and never come back out through these methods. */
export function createConnectionHandlers({
  connections,
  models,
}: ConnectionHandlerDeps): Pick<Handlers, ConnectionMethod> {
  return {
    'connections.list': async () => ({ connections: await connections.list() }),
    'connections.create': (input) => connections.create(input),
    'connections.update': (input) => {
      models.forget(input.id)
      return connections.update(input)
    },
    'connections.delete': async ({ id }) => {
      models.forget(id)
      return { deleted: await connections.delete(id) }
    },
    'connections.test': (input) => connections.test(input),
  }
}
