import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime'
import { recordAwsExchange } from '../../internal/aws-exchange-middleware'
import type { ProviderPlugin } from '../../provider-plugin'
import { BedrockChunkStream } from './bedrock-chunk-stream'
import { createRuntimeClient } from './bedrock-client'
import { toBedrockError } from './bedrock-error'
import { convertBedrockRequest } from './convert-bedrock-request'
import { listBedrockModels } from './list-bedrock-models'
import { mapBedrockResponse } from './map-bedrock-response'
import { refuseNonAnswers } from './refuse-non-answers'

/** AWS Bedrock through the Converse / ConverseStream API of @aws-sdk/client-bedrock-runtime. */
export function createBedrockPlugin(): ProviderPlugin<'bedrock'> {
  return {
    id: 'bedrock',

    async complete(request, connection, ctx) {
      const input = await convertBedrockRequest(request, ctx.fetch, ctx.signal)
      const client = createRuntimeClient(connection, ctx.log)
      recordAwsExchange(client, ctx)
      refuseNonAnswers(client, 'converse')
      try {
        const output = await client.send(new ConverseCommand(input), { abortSignal: ctx.signal })
        return mapBedrockResponse(output, request.model)
      } finally {
        client.destroy()
      }
    },

    stream(request, connection, ctx) {
      return new BedrockChunkStream(request, connection, ctx)
    },

    listModels(connection, ctx) {
      return listBedrockModels(connection, ctx.signal, ctx.log)
    },

    toError(error, connection) {
      return toBedrockError(error, connection)
    },
  }
}
