import { cpSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatNames } from '../../src/index.js';
import { makeWorkspace, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { expectExit, listTree, temporaryFilesIn } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/examples');
const longAgo = new Date('2020-02-02T02:02:02Z');

interface FileState {
  text: string;
  mtimeNs: bigint;
}

function manifestPaths(root: string): string[] {
  return listTree(root).filter((path) => /(^|\/)([^/]*\.)?service\.ya?ml$/.test(path));
}

function snapshot(root: string, paths: readonly string[]): Record<string, FileState> {
  return Object.fromEntries(
    paths.map((path) => [path, { text: readFileSync(join(root, path), 'utf8'), mtimeNs: statSync(join(root, path), { bigint: true }).mtimeNs }]),
  );
}

/** Every command, with the exit code it documents for the example fleet (whose checkout-api breaks a hot-path rule). */
const commands: { name: string; args: string[]; status: number; input?: string }[] = [
  ...formatNames.map((format) => ({ name: `lint --format ${format}`, args: ['--format', format], status: 1 })),
  { name: 'lint --format <name>:<file> (every format at once)', args: formatNames.flatMap((format) => ['--format', `${format}:reports/lint.${format}`]), status: 1 },
  { name: 'lint --output-file', args: ['--format', 'json', '--output-file', 'reports/out/lint.json'], status: 1 },
  { name: 'lint --quiet --max-warnings 0', args: ['--quiet', '--max-warnings', '0'], status: 1 },
  { name: 'rules', args: ['rules'], status: 0 },
  { name: 'explain', args: ['explain', 'hot-path-throughput'], status: 0 },
  { name: 'report (text)', args: ['report'], status: 0 },
  { name: 'report --format json:<file>', args: ['report', '--format', 'json:reports/capacity.json'], status: 0 },
  ...['mermaid', 'dot', 'json'].map((format) => ({ name: `graph --format ${format}`, args: ['graph', '--format', format], status: 0 })),
  { name: 'graph --format dot:<file>', args: ['graph', '--format', 'dot:reports/graph.dot'], status: 0 },
  { name: 'baseline', args: ['baseline'], status: 0 },
  { name: 'lint with the baseline', args: ['--baseline', '.svc-lint-baseline.json', '--format', 'json'], status: 0 },
  { name: 'baseline --prune', args: ['baseline', '--prune'], status: 0 },
  { name: 'init into a new directory', args: ['init', 'services/new-api/service.yaml', '--language', 'go', '--name', 'new-api'], status: 0 },
  { name: 'init into an existing manifest directory without --force', args: ['init', 'checkout-api', '--language', 'go'], status: 2 },
  { name: 'init naming an existing manifest without --force', args: ['init', 'search-indexer/search.service.yaml', '--language', 'go'], status: 2 },
  {
    name: '--stdin with other text for an existing manifest',
    args: ['--stdin', '--stdin-filename', 'checkout-api/service.yaml', '--format', 'json'],
    status: 0,
    input: 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: checkout-api\nspec:\n  language: go\n  workload: api\n',
  },
];

/** Report paths that point at a manifest the run reads: writing there would destroy it, so svc-lint refuses, --force or not. */
const overwrites: { name: string; args: string[] }[] = [
  { name: 'lint --output-file <a manifest>', args: ['--format', 'json', '--output-file', 'checkout-api/service.yaml'] },
  { name: 'lint --format json:<a manifest>', args: ['--format', 'json:fraud-scorer/service.yaml'] },
  { name: 'graph --format dot:<a manifest>', args: ['graph', '--format', 'dot:recommender/service.yaml'] },
  { name: 'report --format json:<a manifest>', args: ['report', '--format', 'json:nightly-etl/service.yaml'] },
  { name: 'baseline --baseline <a manifest>', args: ['baseline', '--baseline', 'edge-gateway/service.yaml'] },
];

/** A copy of the example fleet whose manifests all carry an old mtime, so that any rewrite shows. */
function exampleWorkspace(): { root: string; manifests: string[]; before: Record<string, FileState> } {
  const root = makeWorkspace();
  for (const entry of readdirSync(examples)) cpSync(join(examples, entry), join(root, entry), { recursive: true });
  const manifests = manifestPaths(root);
  for (const path of manifests) utimesSync(join(root, path), longAgo, longAgo);
  return { root, manifests, before: snapshot(root, manifests) };
}

describe('no command changes a manifest', () => {
  let root: string;
  let manifests: string[];
  let before: Record<string, FileState>;

  beforeAll(() => {
    ({ root, manifests, before } = exampleWorkspace());
  });

  it('the workspace holds the six example manifests', () => {
    expect(manifests).toEqual([
      'checkout-api/service.yaml',
      'edge-gateway/service.yaml',
      'fraud-scorer/service.yaml',
      'nightly-etl/service.yaml',
      'recommender/service.yaml',
      'search-indexer/search.service.yaml',
    ]);
  });

  for (const command of commands) {
    it(command.name, { timeout: 30_000 }, () => {
      const run = runCli(command.args, { cwd: root, ...(command.input !== undefined && { input: command.input }) });
      expectExit(run, command.status);
      expect(snapshot(root, manifests)).toEqual(before);
      expect(temporaryFilesIn(root)).toEqual([]);
    });
  }

  it('init wrote only its new manifest, and the reports landed where they were asked', () => {
    expect(manifestPaths(root)).toEqual([...manifests, 'services/new-api/service.yaml'].sort());
    expect(listTree(join(root, 'reports'))).toEqual(
      ['capacity.json', 'graph.dot', 'out', 'out/lint.json', ...formatNames.map((format) => `lint.${format}`)].sort(),
    );
  });

});

describe('a report path that names a manifest the run reads is refused, with or without --force', () => {
  for (const command of overwrites) {
    it(`${command.name}: exit 2, the manifest untouched`, { timeout: 30_000 }, () => {
      const { root, manifests, before } = exampleWorkspace();
      for (const force of [[], ['--force']]) {
        const run = runCli([...command.args, ...force], { cwd: root });
        expect(snapshot(root, manifests)).toEqual(before);
        expectExit(run, 2);
        expect(run.stderr).toMatch(/^svc-lint: refusing to write over \S+: (this run reads it as a manifest|it is not an svc-lint baseline)/);
      }
    });
  }
});
