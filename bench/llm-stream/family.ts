/** One streaming client: runs one whole stream against the bench server, returns how many events it saw. */
export type Client = (server: string) => Promise<number>

export type FamilyId = 'openai' | 'anthropic' | 'bedrock' | 'gemini'

export type ClientRole = 'floor' | 'sdk' | 'library' | 'ai-sdk'

/**
 * A provider family in the bench: the stream its server answers (in that provider's real wire
 * format) and the clients that read it. `server` is the bench server's root URL.
 */
export interface Family {
  id: FamilyId
  /** Whether a request path (without query) asks for this family's stream. */
  answers(path: string): boolean
  contentType: string
  /** The whole response body carrying `chunks` text deltas. */
  body(chunks: number): Buffer
  clients: Partial<Record<ClientRole, Client>> & { floor: Client; sdk: Client; library: Client }
}
