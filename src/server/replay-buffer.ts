/** One encoded SSE frame, shared by every client it is written to. */
export interface Frame {
  id: number
  bytes: Buffer
}

/**
 * The most recent frames, bounded both by count and by total bytes (oldest dropped first), for a
 * page that reconnects to catch up on. The newest frame is always kept, however large.
 */
export class ReplayBuffer {
  private frames: Frame[] = []
  private start = 0
  private bytes = 0

  constructor(
    private readonly maxFrames: number,
    private readonly maxBytes: number,
  ) {}

  push(frame: Frame): void {
    this.frames.push(frame)
    this.bytes += frame.bytes.length
    while (
      this.frames.length - this.start > 1 &&
      (this.bytes > this.maxBytes || this.frames.length - this.start > this.maxFrames)
    ) {
      this.bytes -= (this.frames[this.start] as Frame).bytes.length
      this.frames[this.start++] = undefined as unknown as Frame
    }
    // Compacted in one go now and then, not shifted on every event of a stream.
    if (this.start >= 1024 && this.start * 2 >= this.frames.length) {
      this.frames = this.frames.slice(this.start)
      this.start = 0
    }
  }

  /** The id of the oldest frame kept, or undefined when empty. */
  get oldestId(): number | undefined {
    return this.frames[this.start]?.id
  }

  get totalBytes(): number {
    return this.bytes
  }

  get size(): number {
    return this.frames.length - this.start
  }

  /** Frames with an id above `seen`, oldest first. */
  *after(seen: number): Generator<Frame> {
    for (let i = this.start; i < this.frames.length; i++) {
      const frame = this.frames[i] as Frame
      if (frame.id > seen) yield frame
    }
  }
}
