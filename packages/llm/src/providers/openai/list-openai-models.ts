import type OpenAI from 'openai'
import type { CallContext, ListedModel } from '../../provider-plugin'

/** Models in OpenAI's list that cannot answer chat completions. */
const NOT_CHAT =
  /embedding|whisper|tts|transcribe|dall-e|gpt-image|image|moderation|davinci|babbage|realtime|audio|search|sora|computer-use|codex-mini-latest/

/** GET {baseURL}/models, following pages. */
export async function listOpenAIModels(
  client: OpenAI,
  ctx: CallContext,
  options: { chatOnly: boolean },
): Promise<ListedModel[]> {
  const models: ListedModel[] = []
  for await (const model of client.models.list({ signal: ctx.signal })) {
    const id = (model as { id?: unknown }).id
    if (typeof id !== 'string' || !id) continue
    if (options.chatOnly && NOT_CHAT.test(id)) continue
    models.push({ id })
  }
  return models.sort((a, b) => a.id.localeCompare(b.id))
}
