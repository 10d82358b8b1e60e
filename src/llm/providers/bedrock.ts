import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime'
import type { CallContext, ProviderPlugin } from '../provider-plugin'
import type { BedrockConnection, ChatCompletionChunk, ChatRequest } from '../types'
import { createRuntimeClient } from './bedrock/bedrock-client'
import { toBedrockError } from './bedrock/bedrock-error'
import { toChatCompletion } from './bedrock/bedrock-response'
import { limitStreamFrames, toChatChunks } from './bedrock/bedrock-stream'
import { toConverseInput } from './bedrock/convert-bedrock-request'
import { listBedrockModels } from './bedrock/list-bedrock-models'

/** AWS Bedrock through the Converse / ConverseStream API of @aws-sdk/client-bedrock-runtime. */
export const bedrockPlugin: ProviderPlugin<'bedrock'> = {
  id: 'bedrock',

  async complete(request, connection, ctx) {
    const input = await toConverseInput(request, ctx.fetch, ctx.signal)
    const client = createRuntimeClient(connection)
    try {
      const output = await client.send(new ConverseCommand(input), { abortSignal: ctx.signal })
      return toChatCompletion(output, request.model)
    } finally {
      client.destroy()
    }
  },

  stream(request, connection, ctx) {
    return streamConverse(request, connection, ctx)
  },

  listModels(connection, ctx) {
    return listBedrockModels(connection, ctx.signal)
  },

  toError(error, connection) {
    return toBedrockError(error, connection)
  },
}

async function* streamConverse(
  request: ChatRequest,
  connection: BedrockConnection,
  ctx: CallContext,
): AsyncGenerator<ChatCompletionChunk> {
  const input = await toConverseInput(request, ctx.fetch, ctx.signal)
  const client = createRuntimeClient(connection)
  limitStreamFrames(client)
  try {
    const output = await client.send(new ConverseStreamCommand(input), { abortSignal: ctx.signal })
    if (!output.stream) throw new Error('Bedrock answered ConverseStream without a stream')
    for await (const chunk of toChatChunks(
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
