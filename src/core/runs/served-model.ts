import { baseModelOf, type ChatCompletionChunk, type Connection } from '@parallax/llm'

/**
 * The model a run's rules and price follow: the connection's base model for it (an Azure
 * deployment's), else, on Azure, the model the service says it served; and that served model,
 * when the connection does not name one yet, to remember for the deployment.
 */
export class ServedModel {
  private served: string | undefined
  private readonly named: string | undefined

  constructor(
    private readonly connection: Connection,
    private readonly requested: string,
  ) {
    this.named = baseModelOf(connection, requested)
  }

  see(chunk: ChatCompletionChunk): void {
    if (this.served === undefined && chunk.model && chunk.model !== this.requested)
      this.served = chunk.model
  }

  /** What the price is looked up by. */
  get priceModel(): string {
    return this.named ?? this.toRemember ?? this.requested
  }

  /** The model an Azure deployment answered with, when the connection does not say yet. */
  get toRemember(): string | undefined {
    return this.connection.provider === 'azure' && this.named === undefined
      ? this.served
      : undefined
  }
}
