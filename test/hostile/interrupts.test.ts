import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtBinary, childEnv, makeWorkspace, manifest, removeWorkspaces } from '../cli/run-cli.js';
import { temporaryFilesIn } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const serviceCount = 1200;
const reportPath = 'out/report.json';
const previousReport = '{"previous": true}\n';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** A workspace large enough that linting it and writing the report take a noticeable time (a ring of sync calls). */
function largeWorkspace(): string {
  const root = makeWorkspace();
  for (let index = 0; index < serviceCount; index += 1) {
    const directory = join(root, `services/s${index}`);
    mkdirSync(directory, { recursive: true });
    const lines = ['language: python', 'workload: api', 'traffic:', `  peakRps: ${index * 37}`, 'dependsOn:', `  - service: svc-${(index + 1) % serviceCount}`];
    writeFileSync(join(directory, 'service.yaml'), manifest(`svc-${index}`, lines));
  }
  return root;
}

/** Runs `svc-lint --format json:out/report.json` and sends `signal` when `trigger` says so. */
function runAndInterrupt(root: string, signal: NodeJS.Signals, trigger: { afterMs: number } | 'when-out-appears'): Promise<Exit> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [builtBinary, '--format', `json:${reportPath}`], { cwd: root, env: childEnv() });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    const interrupt = () => child.kill(signal);
    let watcher: ReturnType<typeof watch> | undefined;
    let timer: NodeJS.Timeout | undefined;
    if (trigger === 'when-out-appears') {
      const out = join(root, 'out');
      if (existsSync(out)) watcher = watch(out, interrupt);
      else watcher = watch(root, (_event, name) => name === 'out' && interrupt());
    } else {
      timer = setTimeout(interrupt, trigger.afterMs);
    }
    child.on('error', reject);
    child.on('close', (code, exitSignal) => {
      watcher?.close();
      clearTimeout(timer);
      resolvePromise({ code, signal: exitSignal, stderr });
    });
  });
}

/** Either the run was interrupted (and left the previous report or nothing), or it finished and wrote the whole report. */
function expectWholeOrNothing(root: string, exit: Exit, signal: NodeJS.Signals, code: number, hadPrevious: boolean): 'interrupted' | 'finished' {
  expect(exit.stderr).not.toMatch(/^\s+at /m);
  expect(temporaryFilesIn(root)).toEqual([]);
  const path = join(root, reportPath);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const wroteNewReport = text !== undefined && text !== previousReport;
  if (wroteNewReport) {
    const report = JSON.parse(text) as { summary: { files: number } };
    expect(report.summary.files).toBe(serviceCount);
  }
  if (exit.code === code || exit.signal === signal) {
    expect(exit.stderr).toBe('');
    if (!wroteNewReport) expect(text).toBe(hadPrevious ? previousReport : undefined);
    return 'interrupted';
  }
  expect(exit).toEqual({ code: 1, signal: null, stderr: '' });
  expect(wroteNewReport).toBe(true);
  return 'finished';
}

describe('an interrupted run leaves the whole report or none', () => {
  let root: string;
  let fullRunMs: number;

  beforeAll(async () => {
    root = largeWorkspace();
    const started = Date.now();
    const exit = await runAndInterrupt(root, 'SIGTERM', { afterMs: 600_000 });
    fullRunMs = Date.now() - started;
    expect(exit).toEqual({ code: 1, signal: null, stderr: '' });
  }, 120_000);

  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal}: exit ${code}, no partial report and no temporary file, at any moment of the run`, { timeout: 120_000 }, async () => {
      const outcomes: string[] = [];
      const triggers = [
        'when-out-appears' as const,
        ...[0.2, 0.5, 0.8, 0.95, 1.1].map((fraction) => ({ afterMs: Math.round(fullRunMs * fraction) })),
      ];
      for (const [index, trigger] of triggers.entries()) {
        rmSync(join(root, 'out'), { recursive: true, force: true });
        const hadPrevious = index % 2 === 1;
        if (hadPrevious) {
          mkdirSync(join(root, 'out'));
          writeFileSync(join(root, reportPath), previousReport);
        }
        const exit = await runAndInterrupt(root, signal, trigger);
        outcomes.push(expectWholeOrNothing(root, exit, signal, code, hadPrevious));
      }
      // At least one signal must have arrived while svc-lint was still working, or this test proved nothing.
      expect(outcomes).toContain('interrupted');
    });
  }
});

/** Files just under the node limit: each takes seconds of one synchronous parse, during which no event is handled. */
function slowToParseWorkspace(): string {
  const root = makeWorkspace();
  const items = Array.from({ length: 240_000 }, () => '0').join(',');
  for (let index = 0; index < 8; index += 1) writeFileSync(join(root, `big-${index}.service.yaml`), `a: [${items}]\n`);
  return root;
}

describe('an interrupt during synchronous work', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} ends the run within a second, exit ${code}, no report and no temporary file`, { timeout: 120_000 }, async () => {
      const root = slowToParseWorkspace();
      const child = spawn(process.execPath, [builtBinary, '--format', `json:${reportPath}`], { cwd: root, env: childEnv() });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      let exitedAt: number | undefined;
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
        child.on('close', (exitCode, exitSignal) => {
          exitedAt = Date.now();
          resolvePromise({ code: exitCode, signal: exitSignal });
        }),
      );
      await new Promise((resume) => setTimeout(resume, 1_500));
      // Still parsing: otherwise this test would prove nothing.
      expect(exitedAt).toBeUndefined();
      const signalledAt = Date.now();
      child.kill(signal);
      const exit = await exited;
      expect(exit.code === code || exit.signal === signal).toBe(true);
      // Within a second on an idle machine; three allow for a busy one.
      expect(exitedAt! - signalledAt).toBeLessThan(3_000);
      expect(stderr).toBe('');
      expect(existsSync(join(root, reportPath))).toBe(false);
      expect(temporaryFilesIn(root)).toEqual([]);
    });
  }
});
