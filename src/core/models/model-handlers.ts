import type { Handlers } from '../../shared/dispatch'
import type { ModelService } from './model-service'

type ModelMethod = 'models.list' | 'models.capabilities'

/** The models a connection offers, and what one of them can do. */
export function createModelHandlers(models: ModelService): Pick<Handlers, ModelMethod> {
  return {
    'models.list': ({ connectionId, refresh }) => models.list(connectionId, refresh),
    'models.capabilities': ({ connectionId, model }) => models.capabilities(connectionId, model),
  }
}
