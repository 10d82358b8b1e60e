/** The part of Electron's `WebFrameMain` the app reads: which frame, where it is, its tree. */
export class StandInFrame {
  readonly frameTreeNodeId: number
  readonly routingId: number
  readonly processId = 1
  readonly name: string
  private readonly where: () => string
  private readonly topFrame: () => StandInFrame | null
  private readonly parentFrame: StandInFrame | null

  constructor(options: {
    id: number
    name: string
    url: () => string
    top: () => StandInFrame | null
    parent: StandInFrame | null
  }) {
    this.frameTreeNodeId = options.id
    this.routingId = options.id
    this.name = options.name
    this.where = options.url
    this.topFrame = options.top
    this.parentFrame = options.parent
  }

  get url(): string {
    return this.where()
  }

  /** Like Chromium: scheme://host[:port] for standard schemes, "null" when opaque. */
  get origin(): string {
    try {
      const url = new URL(this.url)
      return url.host === '' ? 'null' : `${url.protocol}//${url.host}`
    } catch {
      return 'null'
    }
  }

  get top(): StandInFrame | null {
    return this.topFrame()
  }

  get parent(): StandInFrame | null {
    return this.parentFrame
  }

  get frames(): StandInFrame[] {
    return []
  }

  get detached(): boolean {
    return false
  }

  isDestroyed(): boolean {
    return false
  }
}
