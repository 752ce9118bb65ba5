import { describe, expect, it } from 'vitest';
import { StdoutQueue } from './stdout-queue.js';

/** A thread on the other side: takes each buffer over (detaching it here, as postMessage does) and writes it when told. */
function otherThread() {
  const waiting: { bytes: Uint8Array; written: (handedBack: Uint8Array | undefined) => void }[] = [];
  const received: number[] = [];
  return {
    received,
    send(bytes: Uint8Array): Promise<Uint8Array | undefined> {
      const taken = structuredClone(bytes, { transfer: [bytes.buffer] });
      received.push(taken.length);
      return new Promise((written) => waiting.push({ bytes: taken, written }));
    },
    /** Writes the oldest buffer, handing it back or not. */
    writeOldest(handBack: boolean) {
      const oldest = waiting.shift()!;
      oldest.written(handBack ? oldest.bytes : undefined);
    },
  };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  return done;
};

describe('StdoutQueue', () => {
  it('sends at most maxAhead bytes ahead of what is written, counting buffers the transfer detached', async () => {
    const thread = otherThread();
    const queue = new StdoutQueue((bytes) => thread.send(bytes), 2_500);
    expect(await settled(queue.write(Buffer.alloc(1_000)))).toBe(true);
    expect(await settled(queue.write(Buffer.alloc(1_000)))).toBe(true);
    const third = queue.write(Buffer.alloc(1_000));
    expect(await settled(third)).toBe(false);
    expect(thread.received).toEqual([1_000, 1_000, 1_000]);
    thread.writeOldest(false);
    expect(await settled(third)).toBe(true);
    const flushed = queue.flush();
    thread.writeOldest(false);
    expect(await settled(flushed)).toBe(false);
    thread.writeOldest(false);
    expect(await settled(flushed)).toBe(true);
  });

  it('gives out a buffer handed back, when large enough, before making a new one; a small one is not kept', async () => {
    const thread = otherThread();
    const queue = new StdoutQueue((bytes) => thread.send(bytes), 1 << 20);
    const first = queue.buffer(1 << 16);
    new Uint8Array(first.buffer).fill(7);
    await queue.write(first.subarray(0, 10));
    expect(first.length).toBe(0);
    await queue.write(Buffer.from('a short text'));
    thread.writeOldest(true);
    thread.writeOldest(true);
    await queue.flush();
    expect(queue.buffer(1 << 17).length).toBe(1 << 17);
    const again = queue.buffer(32);
    expect(again.length).toBe(1 << 16);
    expect(again[(1 << 16) - 1]).toBe(7);
    // The short text's buffer (12 bytes) was not kept: a buffer of 8 is a new one.
    expect(queue.buffer(8).length).toBe(8);
  });
});
