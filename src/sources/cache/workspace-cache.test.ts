import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../types.js';
import { openWorkspaceCache } from './workspace-cache.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function scratch(): string {
  const directory = mkdtempSync(join(tmpdir(), 'svc-lint-cache-'));
  directories.push(directory);
  return directory;
}

const range = { line: 1, column: 1, endLine: 1, endColumn: 2 };

function serviceIn(file: { path: string; displayPath: string }): Service {
  return {
    name: 'pricing',
    language: 'go',
    languageId: 'go',
    workload: 'api',
    deploymentTarget: 'container',
    dependsOn: [],
    file,
    documentIndex: 0,
    format: 'svc-lint/v1',
    locations: { document: range },
  };
}

/** One run that reads a manifest (`whileReading` happens between the run's stat and its read), then the next run's cache. */
async function nextRunAfter(whileReading: (path: string) => void) {
  const directory = scratch();
  const file = { path: join(directory, 'service.yaml'), displayPath: 'service.yaml' };
  writeFileSync(file.path, 'version one\n');
  const cachePath = join(directory, '.svc-lint-cache');
  const run = openWorkspaceCache(cachePath, 'f');
  run.beforeReading(file);
  whileReading(file.path);
  run.remember(file, [serviceIn(file)], []);
  expect(await run.save(new Set())).toBeUndefined();
  return { file, next: openWorkspaceCache(cachePath, 'f') };
}

describe('the workspace cache', () => {
  it('keeps a file under the identity it had before it was read, so a save during the run is read again next time', async () => {
    // An editor saves the file after the run stat'ed it and while it reads it.
    const { file, next } = await nextRunAfter((path) => writeFileSync(path, 'version two, saved during the run\n'));
    expect(next.contentsOf(file)).toBeUndefined();
  });

  it('gives the services back for a file unchanged since it was read', async () => {
    const { file, next } = await nextRunAfter(() => {});
    expect(next.contentsOf(file)).toEqual({ services: [serviceIn(file)], undeclared: [] });
  });
});
