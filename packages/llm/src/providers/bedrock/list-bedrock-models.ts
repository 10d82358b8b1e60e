import {
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock'
import type { ListedModel, SdkLogger } from '../../provider-plugin'
import type { BedrockConnection } from '../../types'
import { createControlClient } from './bedrock-client'

/**
 * Text models callable in this region: foundation models invocable on demand, plus every
 * inference profile (the only way to call models offered through profiles, e.g. Claude 4.x).
 */
export async function listBedrockModels(
  connection: BedrockConnection,
  signal: AbortSignal,
  logger: SdkLogger,
): Promise<ListedModel[]> {
  const client = createControlClient(connection, logger)
  try {
    const [foundation, profiles] = await Promise.all([
      client.send(new ListFoundationModelsCommand({ byOutputModality: 'TEXT' }), {
        abortSignal: signal,
      }),
      listProfiles(connection, signal, client),
    ])
    const listed: ListedModel[] = []
    for (const model of foundation.modelSummaries ?? []) {
      if (!model.modelId || !(model.outputModalities ?? ['TEXT']).includes('TEXT')) continue
      if (!(model.inferenceTypesSupported ?? []).includes('ON_DEMAND')) continue
      const label = [model.providerName, model.modelName].filter(Boolean).join(' ')
      listed.push({ id: model.modelId, ...(label ? { label } : {}) })
    }
    for (const profile of profiles) {
      if (!profile.inferenceProfileId) continue
      listed.push({
        id: profile.inferenceProfileId,
        ...(profile.inferenceProfileName ? { label: profile.inferenceProfileName } : {}),
      })
    }
    return listed
  } finally {
    client.destroy()
  }
}

async function listProfiles(
  _connection: BedrockConnection,
  signal: AbortSignal,
  client: ReturnType<typeof createControlClient>,
): Promise<InferenceProfileSummary[]> {
  const all: InferenceProfileSummary[] = []
  let nextToken: string | undefined
  do {
    const page = await client.send(
      new ListInferenceProfilesCommand({ maxResults: 1000, ...(nextToken ? { nextToken } : {}) }),
      { abortSignal: signal },
    )
    all.push(...(page.inferenceProfileSummaries ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  return all
}
