import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

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
const ruleIds = (run: ReturnType<typeof runCli>) => parseJsonReport(run).findings.map((finding) => finding.ruleId);

interface CacheFile {
  fingerprint: string;
  files: [string, { services: { name: string }[]; undeclared?: { name: string }[] }][];
}
const readCache = (root: string) => JSON.parse(readFileSync(join(root, '.svc-lint-cache'), 'utf8')) as CacheFile;

describe('--cache', () => {
  it('writes nothing without the flag', () => {
    const root = repository();
    expect(lintCheckout(root, []).status).toBe(0);
    expect(existsSync(join(root, '.svc-lint-cache'))).toBe(false);
  });

  it('keeps every manifest of the workspace, and the next run takes the unchanged ones from it', () => {
    const root = repository();
    expect(lintCheckout(root).status).toBe(0);
    const cache = readCache(root);
    expect(cache.files.map(([path]) => path).sort()).toEqual([join(root, 'checkout/service.yaml'), join(root, 'pricing/service.yaml')]);
    // Proof that the cache is read: rename pricing in it, and the linted manifest's call no longer resolves.
    for (const [, entry] of cache.files) for (const service of entry.services) if (service.name === 'pricing') service.name = 'pricing-v0';
    writeFileSync(join(root, '.svc-lint-cache'), JSON.stringify(cache));
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
    const cache = readCache(root);
    expect(cache.files.find(([path]) => path === join(root, 'catalog-info.yaml'))?.[1].undeclared?.map((entry) => entry.name)).toEqual(['payment']);
    // Read from the cache: rename the component there, and the call is unknown.
    for (const [, entry] of cache.files) for (const held of entry.undeclared ?? []) held.name = 'payments';
    writeFileSync(join(root, '.svc-lint-cache'), JSON.stringify(cache));
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
    const cache = readCache(root);
    for (const [, entry] of cache.files) entry.services = entry.services.map(() => ({ name: 'pricing' }));
    writeFileSync(join(root, '.svc-lint-cache'), JSON.stringify(cache));
    const run = lintCheckout(root);
    expect(run.stderr).toBe('');
    expect(ruleIds(run)).toEqual([]);
  });

  it('reads a manifest again when an entry is damaged in any field, never an internal error', { timeout: 60_000 }, () => {
    const damages: ((service: Record<string, unknown>) => void)[] = [
      (service) => (service.dependsOn = [null]),
      (service) => (service.dependsOn = [{ service: 'x', call: 'sync', rpsShare: 1 }]),
      (service) => (service.locations = { document: null }),
      (service) => (service.peakRps = '1e400'),
      (service) => (service.teamLanguages = [7]),
      (service) => (service.workload = 'everything'),
    ];
    for (const damage of damages) {
      const root = repository();
      lintCheckout(root);
      const cache = readCache(root);
      for (const [, entry] of cache.files) for (const service of entry.services) damage(service as unknown as Record<string, unknown>);
      writeFileSync(join(root, '.svc-lint-cache'), JSON.stringify(cache));
      const run = lintCheckout(root);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(ruleIds(run)).toEqual([]);
    }
  });

  it('reads a manifest again once it changed, and forgets one that is gone', () => {
    const root = repository();
    lintCheckout(root);
    writeFileSync(join(root, 'pricing/service.yaml'), goApi('pricing-service'));
    expect(ruleIds(lintCheckout(root))).toEqual(['unknown-dependency']);
    rmSync(join(root, 'pricing'), { recursive: true });
    expect(ruleIds(lintCheckout(root))).toEqual(['unknown-dependency']);
    expect(readCache(root).files.map(([path]) => path)).toEqual([join(root, 'checkout/service.yaml')]);
  });

  it('starts over when the configuration changes, or when the cache is damaged', () => {
    const root = repository();
    lintCheckout(root);
    const before = readCache(root).fingerprint;
    writeFileSync(join(root, '.svc-lint.yaml'), 'rules:\n  moderate-traffic: off\n');
    expect(lintCheckout(root).status).toBe(0);
    expect(readCache(root).fingerprint).not.toBe(before);
    writeFileSync(join(root, '.svc-lint-cache'), '{"fingerprint": ');
    const run = lintCheckout(root);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(readCache(root).files).toHaveLength(2);
  });

  it('never keeps an editor buffer: the cache holds what is on disk', () => {
    const root = repository();
    const run = runCli(['--stdin', '--stdin-filename', 'pricing/service.yaml', '--cache', '--format', 'json'], {
      cwd: root,
      input: goApi('pricing-draft'),
    });
    expect(run.status).toBe(0);
    const names = readCache(root).files.flatMap(([, entry]) => entry.services.map((service) => service.name));
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
