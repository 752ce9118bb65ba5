import { MessageChannel, type MessagePort } from 'node:worker_threads';

/**
 * How the CLI's process thread hands the identities it looks up ahead to the lint thread (see identities-ahead.ts): a
 * port for its one message, and two flags. Small, so that bin.ts makes one before it starts the lint thread without
 * loading anything else.
 */
export interface IdentitiesAheadChannel {
  port: MessagePort;
  /** [announcedAt]: one of `Announced`; [declinedAt]: 1 once the lint thread wants nothing more. */
  state: Int32Array;
}

export const announcedAt = 0;
export const declinedAt = 1;
/** Whether the process thread has sent what it looks up (`sent`), found nothing to look up, or not decided yet. */
export const Announced = { pending: 0, sent: 1, nothing: 2 } as const;

/** The two ends: the process thread's, and the lint thread's (its port to be transferred to that thread). */
export function identitiesAheadChannel(): { processThread: IdentitiesAheadChannel; lintThread: IdentitiesAheadChannel } {
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  return { processThread: { port: port1, state }, lintThread: { port: port2, state } };
}
