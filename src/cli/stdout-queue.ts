/**
 * Output on its way to stdout through another thread: each buffer is sent (and transferred), at most `maxAhead` bytes
 * ahead of what that thread has written, so a reader slower than the run holds the run back rather than the report
 * piling up in memory. The buffers handed back once written are used again for later output: a long report then
 * touches a few MB of fresh memory, not its own size (each first touch of a page costs a fault).
 */
/** Buffers handed back that are kept for reuse are at least this large: a short text's buffer is left to the collector. */
const reusedBytes = 1 << 16;

export class StdoutQueue {
  private readonly unwritten: { length: number; written: Promise<void> }[] = [];
  private unwrittenBytes = 0;
  private readonly spare: Buffer[] = [];

  /** `send` resolves once `bytes` are written, with their buffer when it is handed back. */
  constructor(
    private readonly send: (bytes: Uint8Array) => Promise<Uint8Array | undefined>,
    private readonly maxAhead: number,
  ) {}

  /** A buffer of at least `size` bytes for output: one handed back when there is one. */
  buffer(size: number): Buffer {
    const index = this.spare.findIndex((buffer) => buffer.length >= size);
    return index < 0 ? Buffer.allocUnsafeSlow(size) : this.spare.splice(index, 1)[0]!;
  }

  async write(bytes: Uint8Array): Promise<void> {
    // Counted before sending: a transfer detaches the buffer, whose length is then 0.
    const { length } = bytes;
    const written = this.send(bytes).then((handedBack) => {
      if (handedBack && handedBack.buffer.byteLength >= reusedBytes) this.spare.push(Buffer.from(handedBack.buffer));
    });
    this.unwritten.push({ length, written });
    this.unwrittenBytes += length;
    while (this.unwrittenBytes > this.maxAhead) await this.settleOldest();
  }

  /** Waits until everything sent is written. */
  async flush(): Promise<void> {
    while (this.unwritten.length > 0) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.unwritten.shift()!;
    await oldest.written;
    this.unwrittenBytes -= oldest.length;
  }
}
