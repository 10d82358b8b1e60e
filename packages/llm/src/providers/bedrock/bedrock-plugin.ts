import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime'
import { recordAwsExchange } from '../../internal/aws-exchange-middleware'
import type { CallContext, ProviderPlugin } from '../../provider-plugin'
import type { BedrockConnection, ChatCompletionChunk, ChatRequest } from '../../types'
import { createRuntimeClient } from './bedrock-client'
import { toBedrockError } from './bedrock-error'
import { convertBedrockRequest } from './convert-bedrock-request'
import { listBedrockModels } from './list-bedrock-models'
import { mapBedrockResponse } from './map-bedrock-response'
import { limitStreamFrames, mapBedrockStream } from './map-bedrock-stream'

/** AWS Bedrock through the Converse / ConverseStream API of @aws-sdk/client-bedrock-runtime. */
export function createBedrockPlugin(): ProviderPlugin<'bedrock'> {
  return {
    id: 'bedrock',

    async complete(request, connection, ctx) {
      const input = await convertBedrockRequest(request, ctx.fetch, ctx.signal)
      const client = createRuntimeClient(connection, ctx.log)
      recordAwsExchange(client, ctx)
      try {
        const output = await client.send(new ConverseCommand(input), { abortSignal: ctx.signal })
        return mapBedrockResponse(output, request.model)
      } finally {
        client.destroy()
      }
    },

    stream(request, connection, ctx) {
      return streamConverse(request, connection, ctx)
    },

    listModels(connection, ctx) {
      return listBedrockModels(connection, ctx.signal, ctx.log)
    },

    toError(error, connection) {
      return toBedrockError(error, connection)
    },
  }
}

async function* streamConverse(
  request: ChatRequest,
  connection: BedrockConnection,
  ctx: CallContext,
): AsyncGenerator<ChatCompletionChunk> {
  const input = await convertBedrockRequest(request, ctx.fetch, ctx.signal)
  const client = createRuntimeClient(connection, ctx.log)
  limitStreamFrames(client)
  recordAwsExchange(client, ctx)
  try {
    const output = await client.send(new ConverseStreamCommand(input), { abortSignal: ctx.signal })
    if (!output.stream) throw new Error('Bedrock answered ConverseStream without a stream')
    for await (const chunk of mapBedrockStream(
      output.stream,
      request.model,
      output.$metadata.requestId,
      ctx.signal,
    )) {
      ctx.touch()
      yield chunk
    }
  } finally {
    client.destroy()
  }
}
