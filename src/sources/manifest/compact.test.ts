import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { v8HeapControl } from '../../io/heap-budget.js';
import { createLanguageRegistry } from '../../languages/registry.js';
import { compactSource, TextPool } from './compact.js';
import { readManifestSource, type ManifestSource } from './source.js';

const root = mkdtempSync(join(tmpdir(), 'svc-lint-compact-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const languages = createLanguageRegistry([], [{ id: 'go', aliases: ['golang'] }]);

function service(name: string, calls: string[]): string {
  const dependsOn = calls.map((callee) => `    - service: ${callee}\n      call: sync\n`).join('');
  return [
    'apiVersion: svc-lint/v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    '  owner: team-checkout-platform',
    'spec:',
    '  language: golang',
    '  workload: api',
    '  traffic:',
    '    peakRps: 1200',
    '  deployment:',
    '    target: container',
    '  team:',
    '    languages: [go, python]',
    '  dependsOn:',
    dependsOn,
  ].join('\n');
}

function readSource(): ManifestSource {
  const path = join(root, 'service.yaml');
  writeFileSync(path, `${service('checkout-gateway-0001', ['payments-ledger-0002', 'inventory-reader-0003'])}---\n${service('payments-ledger-0002', ['inventory-reader-0003'])}`);
  const { source } = readManifestSource({ path, displayPath: 'service.yaml' }, languages, 1);
  expect(source.services).toHaveLength(2);
  expect(source.findings).toEqual([]);
  return source;
}

describe('compactSource', () => {
  it('keeps every value a rule reads, and gives a source without findings the shared empty list', () => {
    const source = readSource();
    const before = structuredClone(source);
    const compacted = compactSource(source, new TextPool());
    expect(compacted).toBe(source);
    expect(compacted).toEqual(before);
    expect(Object.isFrozen(compacted.findings)).toBe(true);
    // Twice is the same as once.
    expect(compactSource(compacted, new TextPool())).toEqual(before);
  });

  it('keeps one copy of the texts that replies repeat: at least 200 bytes less heap per service (some 320 measured)', () => {
    const heap = v8HeapControl();
    const copies = 10_000;
    const read = readSource();
    // What replies from reading threads bring: each source with texts of its own.
    const sources = Array.from({ length: copies }, () => structuredClone(read));
    heap.collect();
    const before = heap.usedBytes();
    const pool = new TextPool();
    for (const source of sources) compactSource(source, pool);
    pool.clear();
    heap.collect();
    const saved = before - heap.usedBytes();
    expect(saved / (copies * read.services.length)).toBeGreaterThan(200);
    expect(sources[copies - 1]).toEqual(read);
  });
});
