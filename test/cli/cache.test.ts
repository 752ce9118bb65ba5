import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { builtBinary, childEnv, makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';
import { cacheEntries, editCacheEntries, type CacheEntry } from '../support/cache-file.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const goApi = (name: string, extra: string[] = []) => manifest(name, ['language: go', 'workload: api', ...extra]);
const callsPricing = goApi('checkout', ['dependsOn:', '  - service: pricing']);

/** A repository whose one linted manifest depends on a service that only the rest of the workspace declares. */
function repository(): string {
  const root = makeWorkspace({ 'checkout/service.yaml': callsPricing, 'pricing/service.yaml': goApi('pricing') });
  mkdirSync(join(root, '.git'));
  return root;
}

const lintCheckout = (root: string, args: string[] = ['--cache']) =>
  runCli(['checkout/service.yaml', '--format', 'json', ...args], { cwd: root });

/** The built binary as a child process that runs while others do. */
function runCliAsync(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtBinary, ...args], { cwd, env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}
const ruleIds = (run: ReturnType<typeof runCli>) => parseJsonReport(run).findings.map((finding) => finding.ruleId);

const cacheOf = (root: string) => join(root, '.svc-lint-cache');
const cachedPaths = (root: string) => cacheEntries(cacheOf(root)).map((entry) => entry.path).sort();
const fingerprintOf = (root: string) => readFileSync(cacheOf(root)).toString('latin1').split('\n')[1];

describe('--cache', () => {
  it('writes nothing without the flag', () => {
    const root = repository();
    expect(lintCheckout(root, []).status).toBe(0);
    expect(existsSync(join(root, '.svc-lint-cache'))).toBe(false);
  });

  it('keeps every manifest of the workspace, and the next run takes the unchanged ones from it', () => {
    const root = repository();
    expect(lintCheckout(root).status).toBe(0);
    expect(cachedPaths(root)).toEqual([join(root, 'checkout/service.yaml'), join(root, 'pricing/service.yaml')]);
    // Proof that the cache is read: rename pricing in it, and the linted manifest's call no longer resolves.
    editCacheEntries(cacheOf(root), (entries) => {
      for (const entry of entries) for (const service of entry.declarations.services) if (service.name === 'pricing') service.name = 'pricing-v0';
    });
    expect(ruleIds(lintCheckout(root))).toEqual(['unknown-dependency']);
    expect(ruleIds(lintCheckout(root, []))).toEqual([]);
  });

  it('keeps the components a catalog holds without annotations, so a call to one stays known', () => {
    const root = makeWorkspace({
      'checkout/catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: checkout',
        '  annotations:',
        '    svc-lint.dev/language: go',
        '    svc-lint.dev/workload: api',
        'spec:',
        '  type: service',
        '  dependsOn: [component:Payment]',
        '',
      ].join('\n'),
      'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payment\nspec:\n  type: service\n',
    });
    mkdirSync(join(root, '.git'));
    const lint = () => runCli(['checkout/catalog-info.yaml', '--format', 'json', '--cache'], { cwd: root });
    expect(ruleIds(lint())).toEqual([]);
    const catalog = cacheEntries(cacheOf(root)).find((entry) => entry.path === join(root, 'catalog-info.yaml'));
    expect(catalog?.declarations.undeclared?.map((entry) => entry.name)).toEqual(['payment']);
    // Read from the cache: rename the component there, and the call is unknown.
    editCacheEntries(cacheOf(root), (entries) => {
      for (const entry of entries) for (const held of entry.declarations.undeclared ?? []) held.name = 'payments';
    });
    expect(ruleIds(lint())).toEqual(['unknown-dependency']);
  });

  it('leaves the cache file alone when nothing changed', () => {
    const root = repository();
    lintCheckout(root);
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(root, '.svc-lint-cache'), longAgo, longAgo);
    expect(lintCheckout(root).status).toBe(0);
    expect(statSync(join(root, '.svc-lint-cache')).mtime).toEqual(longAgo);
  });

  it('reads a manifest again when its entry in the cache is not a service any more', () => {
    const root = repository();
    lintCheckout(root);
    editCacheEntries(cacheOf(root), (entries) => {
      for (const entry of entries) entry.declarations.services = entry.declarations.services.map(() => ({ name: 'pricing' }));
    });
    const run = lintCheckout(root);
    expect(run.stderr).toBe('');
    expect(ruleIds(run)).toEqual([]);
  });

  it('reads a manifest again when an entry is damaged in any field, never an internal error', { timeout: 60_000 }, () => {
    const eachService = (damage: (service: Record<string, unknown>) => void) => (entry: CacheEntry) => entry.declarations.services.forEach(damage);
    const damages: ((entry: CacheEntry) => void)[] = [
      eachService((service) => (service.dependsOn = [null])),
      eachService((service) => (service.dependsOn = [{ service: 'x', call: 'sync', rpsShare: 1 }])),
      eachService((service) => (service.peakRps = '1e400')),
      eachService((service) => (service.teamLanguages = [7])),
      eachService((service) => (service.workload = 'everything')),
      // Locations: a position of 0, a field too few, one service's ranges missing, a number that is not one.
      (entry) => (entry.locations = entry.locations.replace(/^\d+/, '0')),
      (entry) => (entry.locations = entry.locations.replace(/;[^;]*$/, '')),
      (entry) => (entry.locations = ''),
      (entry) => (entry.locations = entry.locations.replace(/^\d+/, '1e3')),
    ];
    for (const damage of damages) {
      const root = repository();
      lintCheckout(root);
      editCacheEntries(cacheOf(root), (entries) => entries.forEach(damage));
      const run = lintCheckout(root);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(ruleIds(run)).toEqual([]);
    }
  });

  it('reports at the positions the manifest gives, and reads it again when the positions in the cache are damaged', { timeout: 60_000 }, () => {
    // A Python API at 50,000 req/s: findings at its fields, whose positions the cache keeps apart from its services.
    const hot = manifest('checkout', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);
    const findingsOf = (run: ReturnType<typeof runCli>) =>
      parseJsonReport(run).findings.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }));
    const uncached = (() => {
      const root = makeWorkspace({ 'checkout/service.yaml': hot });
      return findingsOf(runCli(['checkout/service.yaml', '--format', 'json'], { cwd: root }));
    })();
    expect(uncached).toEqual([{ ruleId: 'hot-path-throughput', line: 6, column: 13, endLine: 6, endColumn: 19 }]);
    const damages: ((entry: CacheEntry) => void)[] = [
      () => {},
      (entry) => (entry.locations = entry.locations.replace(/\d+/g, '0')),
      (entry) => (entry.locations = entry.locations.replace(/\d+/g, '1e1')),
      (entry) => (entry.locations = entry.locations.replace(/\d+/g, '-7')),
      (entry) => (entry.locations = entry.locations.replace(/;[^;]*$/, '')),
      (entry) => (entry.locations = ''),
      (entry) => (entry.locations = `${entry.locations}|${entry.locations}`),
    ];
    for (const damage of damages) {
      const root = makeWorkspace({ 'checkout/service.yaml': hot });
      const lintHot = () => runCli(['checkout/service.yaml', '--format', 'json', '--cache'], { cwd: root });
      lintHot();
      editCacheEntries(cacheOf(root), (entries) => entries.forEach(damage));
      const run = lintHot();
      expect(run.stderr).toBe('');
      expect(findingsOf(run)).toEqual(uncached);
    }
  });

  it('reads a manifest again once it changed, and forgets one that is gone', () => {
    const root = repository();
    lintCheckout(root);
    writeFileSync(join(root, 'pricing/service.yaml'), goApi('pricing-service'));
    expect(ruleIds(lintCheckout(root))).toEqual(['unknown-dependency']);
    rmSync(join(root, 'pricing'), { recursive: true });
    expect(ruleIds(lintCheckout(root))).toEqual(['unknown-dependency']);
    expect(cachedPaths(root)).toEqual([join(root, 'checkout/service.yaml')]);
  });

  it('starts over without a word when the configuration changes, or when the cache is of an earlier svc-lint', () => {
    const root = repository();
    lintCheckout(root);
    const before = fingerprintOf(root);
    writeFileSync(join(root, '.svc-lint.yaml'), 'rules:\n  moderate-traffic: off\n');
    expect(lintCheckout(root)).toMatchObject({ status: 0, stderr: '' });
    expect(fingerprintOf(root)).not.toBe(before);
    writeFileSync(cacheOf(root), '{"fingerprint": "0", "files": []}');
    expect(lintCheckout(root)).toMatchObject({ status: 0, stderr: '' });
    expect(cachedPaths(root)).toHaveLength(2);
  });

  it('ignores a damaged or truncated cache with a note, never trusts it, and writes it anew', () => {
    const root = repository();
    lintCheckout(root);
    // Poison an entry, then cut the file short: the checksum no longer matches, so nothing in it is used.
    editCacheEntries(cacheOf(root), (entries) => {
      for (const entry of entries) for (const service of entry.declarations.services) if (service.name === 'pricing') service.name = 'pricing-v0';
    });
    const bytes = readFileSync(cacheOf(root));
    for (const damaged of [bytes.subarray(0, bytes.length - 7), Buffer.concat([bytes.subarray(0, 200), Buffer.from('x'), bytes.subarray(201)])]) {
      writeFileSync(cacheOf(root), damaged);
      const run = lintCheckout(root);
      expect(run.status).toBe(0);
      expect(ruleIds(run)).toEqual([]);
      expect(run.stderr).toBe(
        'svc-lint: ignored the cache .svc-lint-cache: its checksum does not match its content (cut short or changed since svc-lint wrote it); every manifest was read\n',
      );
      expect(lintCheckout(root)).toMatchObject({ status: 0, stderr: '' });
    }
  });

  it('trusts an entry only while its manifest keeps its size, modification and change times', () => {
    const root = makeWorkspace({ 'checkout/service.yaml': goApi('checkout', ['traffic:', '  peakRps: 20000']) });
    mkdirSync(join(root, '.git'));
    expect(ruleIds(lintCheckout(root))).toEqual([]);
    // A poisoned entry: the cache claims the service is written in Python.
    editCacheEntries(cacheOf(root), (entries) => {
      for (const service of entries[0]!.declarations.services) Object.assign(service, { language: 'python', languageId: 'python' });
    });
    // While the file is as it was, the cache is what svc-lint reads (README: what the cache trusts).
    expect(ruleIds(lintCheckout(root))).toEqual(['hot-path-throughput']);
    // Any change to the file (here its times, as `touch` gives them, which moves its change time too): read again.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'checkout/service.yaml'), later, later);
    expect(ruleIds(lintCheckout(root))).toEqual([]);
    expect(cacheEntries(cacheOf(root))[0]!.declarations.services[0]).toMatchObject({ language: 'go', languageId: 'go' });
  });

  it('two runs writing the cache at once leave one complete cache: the last complete write wins', async () => {
    const root = repository();
    const runs = await Promise.all([0, 1, 2].map(() => runCliAsync(['checkout/service.yaml', '--format', 'json', '--cache'], root)));
    for (const run of runs) expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(cachedPaths(root)).toEqual([join(root, 'checkout/service.yaml'), join(root, 'pricing/service.yaml')]);
    expect(lintCheckout(root)).toMatchObject({ status: 0, stderr: '' });
  });

  it('finds the manifests of a directory created after a run whose glob found none there', () => {
    const root = repository();
    const lintGlob = () => runCli(['later/**/service.yaml', '--format', 'json', '--cache', '--no-error-on-unmatched-pattern'], { cwd: root });
    expect(parseJsonReport(lintGlob()).summary.files).toBe(0);
    mkdirSync(join(root, 'later/orders'), { recursive: true });
    writeFileSync(join(root, 'later/orders/service.yaml'), goApi('orders'));
    expect(parseJsonReport(lintGlob()).summary.files).toBe(1);
  });

  it('finds a manifest added to a directory a search read, and forgets a directory search one removed from', () => {
    const root = repository();
    const lintAll = () => runCli(['.', '--format', 'json', '--cache'], { cwd: root });
    expect(parseJsonReport(lintAll()).summary.files).toBe(2);
    writeFileSync(join(root, 'pricing/extra.service.yaml'), goApi('extra'));
    expect(parseJsonReport(lintAll()).summary.files).toBe(3);
    rmSync(join(root, 'pricing/extra.service.yaml'));
    expect(parseJsonReport(lintAll()).summary.files).toBe(2);
  });

  it('never keeps an editor buffer: the cache holds what is on disk', () => {
    const root = repository();
    const run = runCli(['--stdin', '--stdin-filename', 'pricing/service.yaml', '--cache', '--format', 'json'], {
      cwd: root,
      input: goApi('pricing-draft'),
    });
    expect(run.status).toBe(0);
    const names = cacheEntries(cacheOf(root)).flatMap((entry) => entry.declarations.services.map((service) => service.name));
    expect(names.sort()).toEqual(['checkout']);
  });

  it('creates the directories of --cache-location', () => {
    const root = repository();
    expect(runCli(['checkout/service.yaml', '--cache', '--cache-location', 'node_modules/.cache/svc-lint'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'node_modules/.cache/svc-lint'))).toBe(true);
  });

  it('is a note, not a failure, when the cache cannot be written', () => {
    const root = repository();
    writeFileSync(join(root, 'blocker'), '');
    const blocked = runCli(['checkout/service.yaml', '--cache', '--cache-location', 'blocker/cache'], { cwd: root });
    expect(blocked.status).toBe(0);
    expect(blocked.stderr).toMatch(/^svc-lint: cannot write the cache blocker\/cache: (EEXIST|ENOTDIR)\n$/);
  });

  it('never writes over a manifest', () => {
    const root = repository();
    const run = runCli(['checkout/service.yaml', '--cache', '--cache-location', 'pricing/service.yaml'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: --cache-location pricing/service.yaml is named like a manifest, which svc-lint never writes over: choose another name\n');
    expect(readFileSync(join(root, 'pricing/service.yaml'), 'utf8')).toBe(goApi('pricing'));
  });

  it('--cache-location needs --cache', () => {
    const run = runCli(['--cache-location', 'x'], { cwd: repository() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: --cache-location goes with --cache\n');
  });
});
