import { describe, expect, it } from 'vitest';
import { writeOutputs } from './write-outputs.js';
import type { CliIo } from './io.js';

describe('writeOutputs', () => {
  it('reaches a safe point before each output and after each batch of a report in pieces', async () => {
    const events: string[] = [];
    const io: CliIo = {
      cwd: '/',
      env: {},
      stdoutIsTTY: false,
      stdinIsTTY: false,
      readStdin: async () => '',
      writeStdout: () => void events.push('text'),
      writeStdoutBytes: async (bytes) => void events.push(`batch ${bytes.length}`),
      writeStderr: () => {},
      safePoint: () => void events.push('safe point'),
    };
    // 4,000 pieces of 100 characters: a batch of 256 KiB holds 2,619 of them (room is kept for 3 bytes a character).
    const pieces = Array.from({ length: 4000 }, () => 'x'.repeat(100));
    await writeOutputs([{ format: 'json' }, { format: 'stylish' }], (output) => (output.format === 'json' ? pieces : 'whole\n'), io, {
      overwriteManifest: false,
    });
    expect(events).toEqual(['safe point', 'batch 261900', 'safe point', 'batch 138100', 'safe point', 'safe point', 'text']);
  });
});
