import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtBinary, makeWorkspace, manifest, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

// Enough services that the JSON report (~1 MB) is many times a pipe's 64 KiB buffer.
const serviceCount = 800;
let root: string;

beforeAll(() => {
  root = makeWorkspace();
  for (let index = 0; index < serviceCount; index += 1) {
    const directory = join(root, `services/s${index}`);
    mkdirSync(directory, { recursive: true });
    const lines = ['language: go', 'workload: ml-serving', 'traffic:', `  peakRps: ${index * 37}`, 'dependsOn:', `  - service: svc-${(index + 1) % serviceCount}`];
    writeFileSync(join(directory, 'service.yaml'), manifest(`svc-${index}`, lines));
  }
});

interface PipedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin with stdout on a pipe that `reader` consumes: slowly, or closing it early. */
function runPiped(reader: 'slow' | 'closes-early'): Promise<PipedRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [builtBinary, '--format', 'json'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8');
    if (reader === 'closes-early') {
      child.stdout.once('data', (chunk: string) => {
        stdout = chunk;
        child.stdout.destroy();
      });
    } else {
      // Reads a chunk, then stops reading for a while: svc-lint has to wait for the pipe to drain.
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 2);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('a large report on stdout', () => {
  it('reaches a slow reader whole: the same text as a report file', async () => {
    const piped = await runPiped('slow');
    const toFile = runCli(['--format', 'json:report.json'], { cwd: root });
    expect(toFile.status).toBe(1);
    const report = readFileSync(join(root, 'report.json'), 'utf8');
    expect(piped.code).toBe(1);
    expect(piped.stderr).toBe('');
    expect(piped.stdout.length).toBeGreaterThan(16 * 64 * 1024);
    expect(piped.stdout).toBe(report);
    const parsed = JSON.parse(piped.stdout) as { services: unknown[]; findings: unknown[] };
    expect(parsed.services).toHaveLength(serviceCount);
    expect(parsed.findings.length).toBeGreaterThanOrEqual(serviceCount);
  });

  it('stops quietly with 141 (as if killed by SIGPIPE) when the reader closes the pipe, like `svc-lint | head`', async () => {
    const piped = await runPiped('closes-early');
    expect(piped.stdout.startsWith('{"version":1,"findings":[')).toBe(true);
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(141);
  });

  // /dev/full fails every write with ENOSPC, like a full disk.
  it.skipIf(!existsSync('/dev/full'))('says in one line that stdout cannot be written, and exits 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [builtBinary, '--format', 'json'], { cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.stderr).toBe('svc-lint: cannot write to stdout: ENOSPC\n');
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});
