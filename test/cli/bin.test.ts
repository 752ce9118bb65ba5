import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { builtBinary, installBuiltCli, makeWorkspace, removeWorkspaces } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';
import { repositoryRoot } from '../integrations/processes.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

describe('the built bin', () => {
  it('runs by itself, as `npx svc-lint` runs it in this checkout (shebang and executable bit)', () => {
    const run = spawnSync(builtBinary, ['--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe("the CLI's code cache", () => {
  afterAll(removeWorkspaces);

  /** The CLI copied into a package of its own, so that no other test's run writes its cache. */
  function installedCopy(): { bin: string; cache: string } {
    const root = makeWorkspace();
    return { bin: installBuiltCli(root), cache: join(root, 'dist/cli-worker.cjs.code-cache') };
  }

  const lintExamples = (bin: string) =>
    spawnSync(process.execPath, [bin, '--format', 'json', 'fixtures/examples'], { cwd: repositoryRoot, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

  it('is written by the first run beside the CLI and used, not rewritten, by the next; the report is the same', () => {
    const { bin, cache } = installedCopy();
    expect(existsSync(cache)).toBe(false);
    const first = lintExamples(bin);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    expect(readFileSync(cache, 'latin1').split('\n')[0]).toMatch(/^svc-lint-code-cache\/2 [0-9a-f]{64} [0-9a-f]{64}$/);
    const written = statSync(cache);

    const second = lintExamples(bin);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(1);
    // A cache the run could not use would have been replaced by a new file.
    expect(statSync(cache).ino).toBe(written.ino);
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
  });

  it('is replaced when damaged, and the run reports as before', () => {
    const { bin, cache } = installedCopy();
    const first = lintExamples(bin);
    const bytes = readFileSync(cache);
    writeFileSync(cache, bytes.subarray(0, bytes.length - 1000));
    const damaged = lintExamples(bin);
    expect(damaged.stderr).toBe('');
    expect(damaged.stdout).toBe(first.stdout);
    expect(readFileSync(cache).length).toBeGreaterThan(bytes.length - 1000);
  });
});
