import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from './run-in-process.js';
import { makeWorkspace, removeWorkspaces } from '../cli/run-cli.js';
import { repositoryRoot } from '../integrations/processes.js';
import { generateWorkspace } from '../../bench/generate.mjs';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

/** Lints `args` on one thread and on `threads`, and expects the same exit code, report and messages. */
async function expectSameOnThreads(root: string, args: string[], threads: string): Promise<void> {
  const alone = await runInProcess([...args, '--concurrency', 'off'], root);
  const shared = await runInProcess([...args, '--concurrency', threads], root);
  expect({ ...shared, stdout: shared.stdout.length }).toEqual({ ...alone, stdout: alone.stdout.length });
  expect(shared.stdout === alone.stdout, `the report differs with --concurrency ${threads}`).toBe(true);
}

describe('--concurrency gives byte-identical output', () => {
  it('over the fixture tree, each file read by one of three threads', { timeout: 240_000 }, async () => {
    const root = join(makeWorkspace(), 'repository');
    cpSync(join(repositoryRoot, 'fixtures'), root, { recursive: true });
    mkdirSync(join(root, '.git'));
    for (const format of ['json', 'sarif', 'stylish']) await expectSameOnThreads(root, ['--format', format], '3');
    // A hook's run: one linted file, the workspace around it read by the other threads.
    await expectSameOnThreads(root, ['--format', 'json', 'examples/checkout-api/service.yaml'], '3');
  });

  it('on a generated workspace of 1,200 manifests with two threads', { timeout: 240_000 }, async () => {
    const root = makeWorkspace();
    generateWorkspace(root, 1200, 7);
    await expectSameOnThreads(root, ['--format', 'json'], '2');
  });
});
