import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver';
import { slowTestTimeout } from '../timeouts.js';
import { repositoryRoot, runProcess } from '../integrations/processes.js';
import { binPath, codes, copyWorkspace, LspClient, removeWorkspace, uriOf } from './client.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

let root: string;
let client: LspClient;

beforeEach(async () => {
  root = copyWorkspace();
  client = new LspClient({ root });
  await client.initialize();
});

afterEach(() => {
  client.dispose();
  removeWorkspace(root);
});

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

/** The text after applying the edits of one action to `text` (edits on one document, in any order). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: { line: number; character: number }) =>
    lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))
    .reduce((result, edit) => result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end)), text);
}

async function actionsAt(uri: string, line: number, character: number): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: range(line, character, line, character),
    context: { diagnostics: [] },
  });
}

describe('svc-lint lsp --stdio', () => {
  it('answers initialize with what it serves', async () => {
    const other = new LspClient({ root });
    try {
      const result = (await other.initialize()) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
      expect(result.serverInfo.name).toBe('svc-lint');
      expect(result.capabilities).toMatchObject({
        textDocumentSync: { openClose: true, change: 2 },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: ['svc-lint.placeCursor'] },
      });
    } finally {
      other.dispose();
    }
  });

  it('publishes an opened manifest’s findings with exact ranges, codes, severities and source', async () => {
    const uri = await client.open('search/service.yaml');
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics).toEqual([
      {
        range: range(5, 12, 5, 18),
        severity: 2,
        code: 'misspelled-language',
        source: 'svc-lint',
        message: 'pyhton is not a known language; did you mean python? The language rules skip search until it is fixed',
        data: { messageId: 'default', values: { language: 'pyhton', suggestion: 'python', service: 'search' } },
      },
      {
        range: range(7, 2, 7, 8),
        severity: 1,
        code: 'manifest-schema',
        source: 'svc-lint',
        message: 'spec.traffc is not a known property (did you mean traffic?)',
        data: { messageId: 'default', values: { path: 'spec.traffc', problem: 'is not a known property (did you mean traffic?)' } },
      },
    ]);
  });

  it('points a graph finding at the other end: the callers’ dependsOn entries of the chain, the callee of a latency term', async () => {
    const pricing = await client.open('pricing/service.yaml');
    const orders = await client.open('orders/service.yaml');
    const [hot] = (await client.diagnostics(pricing, (found) => found.some((item) => item.code === 'inherited-hot-path'))).filter(
      (item) => item.code === 'inherited-hot-path',
    );
    expect(hot).toMatchObject({ range: range(5, 12, 5, 18), severity: 1 });
    expect(hot!.relatedInformation).toEqual([
      {
        location: { uri: uriOf(join(root, 'orders/service.yaml')), range: range(10, 6, 12, 19) },
        message: 'orders calls pricing synchronously: 20,000 req/s (rpsShare 0.5)',
      },
      {
        location: { uri: uriOf(join(root, 'gateway/service.yaml')), range: range(10, 6, 11, 16) },
        message: 'gateway calls orders synchronously: 40,000 req/s (rpsShare 1)',
      },
    ]);
    const [budget] = (await client.diagnostics(orders, (found) => found.length > 0)).filter((item) => item.code === 'latency-budget');
    expect(budget).toMatchObject({ range: range(8, 11, 8, 13) });
    expect(budget!.relatedInformation).toEqual([
      { location: { uri: uriOf(join(root, 'pricing/service.yaml')), range: range(11, 11, 11, 13) }, message: 'pricing: 50 ms (its p99 SLO)' },
    ]);
  });

  it('republishes the callee when a caller’s rpsShare changes, without the callee being touched', async () => {
    const pricing = await client.open('pricing/service.yaml');
    const orders = await client.open('orders/service.yaml');
    expect(codes(await client.diagnostics(pricing, (found) => found.length > 0))).toEqual(['inherited-hot-path', 'unused-suppression']);
    await client.diagnostics(orders, (found) => found.length > 0);
    const before = client.published.length;
    const text = readFileSync(join(root, 'orders/service.yaml'), 'utf8').replace('rpsShare: 0.5', 'rpsShare: 0.2');
    await client.change(orders, text);
    const after = await client.diagnostics(pricing, () => true, before);
    expect(codes(after)).toEqual(['moderate-traffic', 'unused-suppression']);
    expect(after.find((item) => item.code === 'moderate-traffic')).toMatchObject({ range: range(5, 12, 5, 18), severity: 3 });
    // And back: the finding returns with the buffer, whatever the file on disk says.
    const again = client.published.length;
    await client.change(orders, text.replace('rpsShare: 0.2', 'rpsShare: 0.9'));
    expect((await client.diagnostics(pricing, () => true, again)).find((item) => item.code === 'inherited-hot-path')?.message).toContain(
      'receives 36,000 req/s',
    );
  });

  it('tells a caller whose callee is not open what its call does to it (the CLI’s hook message)', async () => {
    const orders = await client.open('orders/service.yaml');
    const diagnostics = await client.diagnostics(orders, (found) => found.length > 0);
    const impact = diagnostics.find((item) => item.code === 'inherited-hot-path');
    expect(impact).toMatchObject({ range: range(10, 6, 12, 19) });
    expect(impact!.message).toContain('this call sends 20,000 req/s into pricing (Python)');
    expect(impact!.relatedInformation).toEqual([
      { location: { uri: uriOf(join(root, 'pricing/service.yaml')), range: range(5, 12, 5, 18) }, message: 'pricing receives 20,000 req/s' },
    ]);
  });

  it('points each call of a cycle at the others', async () => {
    writeFileSync(join(root, 'pricing/service.yaml'), readFileSync(join(root, 'pricing/service.yaml'), 'utf8') + '  dependsOn:\n    - service: orders\n');
    const restarted = new LspClient({ root });
    try {
      await restarted.initialize();
      const pricing = await restarted.open('pricing/service.yaml');
      const [cycle] = (await restarted.diagnostics(pricing, (found) => found.some((item) => item.code === 'dependency-cycle'))).filter(
        (item) => item.code === 'dependency-cycle',
      );
      expect(cycle).toMatchObject({ range: range(13, 6, 13, 21), message: 'pricing calls orders synchronously, closing the cycle pricing → orders → pricing' });
      expect(cycle!.relatedInformation).toEqual([
        { location: { uri: uriOf(join(root, 'orders/service.yaml')), range: range(10, 6, 12, 19) }, message: 'orders calls pricing synchronously' },
      ]);
    } finally {
      restarted.dispose();
    }
  });

  it('hovers the decision over spec.language, peakRps and a dependsOn entry', async () => {
    const pricing = await client.open('pricing/service.yaml');
    const orders = await client.open('orders/service.yaml');
    await client.diagnostics(pricing);
    const overLanguage: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pricing }, position: { line: 5, character: 14 } });
    expect(overLanguage.range).toEqual(range(5, 12, 5, 18));
    expect(overLanguage.contents).toEqual({
      kind: 'markdown',
      value: [
        '**pricing**: Python, api',
        '',
        'Decision: question 2 (peak above the hot-path threshold) recommends **Go**',
        '',
        'Traffic: declared peak 800 req/s; effective 20,000 req/s, received through sync calls (heaviest chain: gateway \\(40,000 req/s\\) → orders \\(×1, 40,000 req/s\\) → pricing \\(×0\\.5, 20,000 req/s\\))',
        '',
        'Capacity at 20,000 req/s (instances = ceil(peak / per-instance throughput)):',
        '- on Python: 2 instances, 104 MB (Python \\(FastAPI\\): 12,500 req/s and 52 MB per instance)',
        '- on Go: 1 instance, 12 MB (Go: 95,000 req/s and 12 MB per instance)',
        '',
        'Figures: [Choosing Python or Go for Microservices: A Performance Reality Check \\(2026\\)](https://lnkd.in/d9WXQ_vA): JSON API benchmark on a 4\\-core VM with 100 concurrent connections; container figures from the same comparison',
      ].join('\n'),
    });
    const overPeak: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pricing }, position: { line: 8, character: 14 } });
    expect(overPeak.range).toEqual(range(8, 13, 8, 16));
    expect(overPeak.contents).toEqual(overLanguage.contents);
    const overLatency: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pricing }, position: { line: 11, character: 12 } });
    expect(overLatency.range).toEqual(range(11, 11, 11, 13));
    expect(overLatency.contents).toEqual(overLanguage.contents);
    const overCall: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: orders }, position: { line: 10, character: 16 } });
    expect((overCall.contents as { value: string }).value).toMatch(/^This sync call: 20,000 req\/s \(orders at 40,000 req\/s × rpsShare 0\.5\)\n\n---\n\n\*\*pricing\*\*/);
    const elsewhere = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pricing }, position: { line: 0, character: 2 } });
    expect(elsewhere).toBeNull();
  });

  it('offers a suppression with the cursor at the reason, and one that ends 90 days ahead', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    const actions = (await actionsAt(pricing, 5, 14)).filter((action) => action.diagnostics?.[0]?.code === 'inherited-hot-path');
    expect(actions.map((action) => action.title)).toEqual([
      'Disable inherited-hot-path for this line',
      'Disable inherited-hot-path for this line for 90 days',
    ]);
    expect(actions[0]!.edit).toEqual({
      changes: { [pricing]: [{ range: range(5, 0, 5, 0), newText: '  # svc-lint-disable-next-line inherited-hot-path -- \n' }] },
    });
    expect(actions[1]!.edit!.changes![pricing]![0]!.newText).toBe('  # svc-lint-disable-next-line inherited-hot-path until 2026-05-30 -- \n');
    expect(actions[0]!.command).toEqual({ title: 'Type the reason', command: 'svc-lint.placeCursor', arguments: [pricing, { line: 5, character: 53 }] });
    // The client runs the command after the edit; the server asks it to put the cursor there.
    await client.connection.sendRequest('workspace/executeCommand', actions[0]!.command);
    const shown = await client.until(() => client.requests.find((request) => request.method === 'window/showDocument'), 'showDocument');
    expect(shown.params).toEqual({ uri: pricing, takeFocus: true, selection: range(5, 53, 5, 53) });
    // Applied with a reason, the directive suppresses the finding.
    const text = readFileSync(join(root, 'pricing/service.yaml'), 'utf8');
    const before = client.published.length;
    await client.change(pricing, applyEdits(text, actions[0]!.edit!.changes![pricing]!).replace('inherited-hot-path -- ', 'inherited-hot-path -- PLAT-12'));
    expect(codes(await client.diagnostics(pricing, () => true, before))).toEqual(['unused-suppression']);
  });

  it('replaces a misspelt language or callee with the suggestion, and renames a misspelt key', async () => {
    const search = await client.open('search/service.yaml');
    const gateway = await client.open('gateway/service.yaml');
    await client.diagnostics(search, (found) => found.length > 0);
    await client.diagnostics(gateway, (found) => found.length > 0);
    const [language] = await actionsAt(search, 5, 13);
    expect(language).toMatchObject({
      title: 'Change "pyhton" to "python"',
      kind: 'quickfix',
      isPreferred: true,
      edit: { changes: { [search]: [{ range: range(5, 12, 5, 18), newText: 'python' }] } },
    });
    const [key] = await actionsAt(search, 7, 3);
    expect(key).toMatchObject({ title: 'Change "traffc" to "traffic"', edit: { changes: { [search]: [{ range: range(7, 2, 7, 8), newText: 'traffic' }] } } });
    const [callee] = await actionsAt(gateway, 12, 16);
    expect(callee).toMatchObject({ title: 'Change "pricng" to "pricing"', edit: { changes: { [gateway]: [{ range: range(12, 15, 12, 21), newText: 'pricing' }] } } });
    const text = readFileSync(join(root, 'search/service.yaml'), 'utf8');
    const before = client.published.length;
    await client.change(search, applyEdits(applyEdits(text, language!.edit!.changes![search]!), key!.edit!.changes![search]!));
    expect(await client.diagnostics(search, () => true, before)).toEqual([]);
  });

  it('removes an unused directive, or only the unused rule of a directive that names several', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    expect(client.latest(pricing)!.find((item) => item.code === 'unused-suppression')).toMatchObject({ range: range(9, 2, 9, 73), severity: 2, tags: [1] });
    expect(client.latest(pricing)!.find((item) => item.code === 'inherited-hot-path')!.tags).toBeUndefined();
    const [remove] = await actionsAt(pricing, 9, 10);
    expect(remove).toMatchObject({ title: 'Remove the unused directive', edit: { changes: { [pricing]: [{ range: range(9, 0, 10, 0), newText: '' }] } } });
    // Above the language, the same directive suppresses the inherited-hot-path finding there: only team-expertise is unused.
    const text = readFileSync(join(root, 'pricing/service.yaml'), 'utf8')
      .replace(/ {2}# svc-lint-disable-next-line team-expertise.*\n/, '')
      .replace('  language: python', '  # svc-lint-disable-next-line team-expertise, inherited-hot-path -- moving to Go\n  language: python');
    const before = client.published.length;
    await client.change(pricing, text);
    expect(codes(await client.diagnostics(pricing, () => true, before))).toEqual(['unused-suppression']);
    const [removeOne] = await actionsAt(pricing, 5, 10);
    expect(removeOne).toMatchObject({
      title: 'Remove team-expertise from the directive',
      edit: { changes: { [pricing]: [{ range: range(5, 31, 5, 65), newText: 'inherited-hot-path' }] } },
    });
  });

  it('re-reads files changed on disk (a checkout) through workspace/didChangeWatchedFiles', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.some((item) => item.code === 'inherited-hot-path'));
    const registration = await client.until(() => client.requests.find((request) => request.method === 'client/registerCapability'), 'registration');
    expect(JSON.stringify(registration.params)).toContain('workspace/didChangeWatchedFiles');
    // git checkout: orders goes away, gateway calls pricing directly at a low share.
    rmSync(join(root, 'orders/service.yaml'));
    const gatewayPath = join(root, 'gateway/service.yaml');
    writeFileSync(gatewayPath, readFileSync(gatewayPath, 'utf8').replace('service: orders', 'service: pricing\n      rpsShare: 0.01'));
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(join(root, 'orders/service.yaml')), type: 3 },
        { uri: uriOf(gatewayPath), type: 2 },
      ],
    });
    expect(codes(await client.diagnostics(pricing, () => true, before))).toEqual(['unused-suppression']);
  });

  it('shows an invalid config on the config, keeps judging with the last valid one, and re-lints when it is fixed', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    const configPath = join(root, '.svc-lint.yaml');
    const config = uriOf(configPath);
    writeFileSync(configPath, '# The workspace the language server tests open.\nrules:\n  inherited-hot-path: off\n  hot-path-thruput: error\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    expect(await client.diagnostics(config)).toEqual([
      {
        range: range(3, 2, 3, 3),
        severity: 1,
        source: 'svc-lint',
        message: 'rules.hot-path-thruput: unknown rule id (did you mean hot-path-throughput?)',
      },
    ]);
    expect(codes(client.latest(pricing)!)).toEqual(['inherited-hot-path', 'unused-suppression']);
    const before = client.published.length;
    writeFileSync(configPath, 'rules:\n  inherited-hot-path: off\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    expect(await client.diagnostics(config, () => true, before)).toEqual([]);
    expect(codes(await client.diagnostics(pricing, () => true, before))).toEqual(['unused-suppression']);
  });

  it('reads a config as it is typed: an invalid buffer is a diagnostic on it with the last valid config kept, and closing it unsaved brings back the file', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.some((item) => item.code === 'inherited-hot-path'));
    const configPath = join(root, '.svc-lint.yaml');
    const onDisk = readFileSync(configPath, 'utf8');
    const config = await client.open('.svc-lint.yaml');
    const typing = client.published.length;
    const version = await client.change(config, 'rules:\n  inherited-hot-path: of\n');
    const [problem] = await client.diagnostics(config, (found) => found.length > 0, typing);
    expect(problem).toMatchObject({ range: range(1, 22, 1, 23), severity: 1, source: 'svc-lint' });
    expect(problem!.message).toMatch(/^rules\.inherited-hot-path: /);
    expect(client.published.filter((params) => params.uri === config).at(-1)!.version).toBe(version);
    expect(codes(client.latest(pricing)!)).toEqual(['inherited-hot-path', 'unused-suppression']);
    const fixed = client.published.length;
    await client.change(config, 'rules:\n  inherited-hot-path: off\n');
    expect(await client.diagnostics(config, () => true, fixed)).toEqual([]);
    expect(codes(await client.diagnostics(pricing, () => true, fixed))).toEqual(['unused-suppression']);
    const closed = client.published.length;
    await client.close(config);
    expect(codes(await client.diagnostics(pricing, () => true, closed))).toEqual(['inherited-hot-path', 'unused-suppression']);
    expect(readFileSync(configPath, 'utf8')).toBe(onDisk);
  });

  it('applies the config’s waivers, and shows an unused waiver on the config, faded', async () => {
    const configPath = join(root, '.svc-lint.yaml');
    writeFileSync(
      configPath,
      [
        'rules:',
        '  team-expertise: warning',
        'waivers:',
        '  - rule: inherited-hot-path',
        '    services: [pricing, billing]',
        '    reason: Rewrite in Go tracked in PLAT-9',
        '    owner: team-pricing',
        '    expires: 2026-12-31',
        '',
      ].join('\n'),
    );
    const restarted = new LspClient({ root });
    try {
      await restarted.initialize();
      const pricing = await restarted.open('pricing/service.yaml');
      expect(codes(await restarted.diagnostics(pricing))).toEqual(['unused-suppression']);
      const [unused] = await restarted.diagnostics(uriOf(configPath), (found) => found.length > 0);
      expect(unused).toMatchObject({ code: 'unused-waiver', range: range(4, 24, 4, 31), severity: 2, source: 'svc-lint', tags: [1] });
      expect(unused!.message).toContain('billing');
    } finally {
      restarted.dispose();
    }
  });

  it('serves a Backstage catalog-info.yaml that opts in, in the same graph, and leaves one that does not alone', async () => {
    const catalog = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: checkout',
      '  annotations:',
      '    svc-lint.dev/language: go',
      '    svc-lint.dev/workload: api',
      '    svc-lint.dev/peak-rps: "60000"',
      'spec:',
      '  type: service',
      '  owner: team-payments',
      '  dependsOn: [component:pricing, component:billng]',
      '',
    ].join('\n');
    writeFileSync(join(root, 'catalog-info.yaml'), catalog);
    const pricing = await client.open('pricing/service.yaml');
    const checkout = await client.open('catalog-info.yaml');
    const found = await client.diagnostics(checkout, (diagnostics) => diagnostics.length > 0);
    expect(found.map((item) => [item.code, item.range.start.line])).toEqual([['unknown-dependency', 11]]);
    expect((await client.diagnostics(pricing, (diagnostics) => diagnostics.some((item) => (item.message as string).includes('80,000'))))[0]).toMatchObject({
      code: 'inherited-hot-path',
      range: range(5, 12, 5, 18),
    });
    const other = await client.open('other/catalog-info.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\nspec:\n  type: website\n');
    const before = client.published.length;
    await client.change(checkout, catalog.replace('"60000"', '"70000"'));
    await client.diagnostics(pricing, (diagnostics) => diagnostics.some((item) => (item.message as string).includes('90,000')), before);
    expect(client.latest(other) ?? []).toEqual([]);
  });

  it('judges once after a burst of changes (the debounce), for the last version', async () => {
    const slow = new LspClient({ root, initializationOptions: { debounceMs: 1000 } });
    try {
      await slow.initialize();
      const orders = await slow.open('orders/service.yaml');
      await slow.diagnostics(orders, (found) => found.length > 0);
      const text = readFileSync(join(root, 'orders/service.yaml'), 'utf8');
      const before = slow.published.length;
      let version = 0;
      for (const share of ['0.1', '0.2', '0.3', '0.4']) version = await slow.change(orders, text.replace('rpsShare: 0.5', `rpsShare: ${share}`));
      await slow.diagnostics(orders, () => true, before);
      await new Promise((resume) => setTimeout(resume, 1500));
      const sent = slow.published.slice(before).filter((params) => params.uri === orders);
      expect(sent.map((params) => params.version)).toEqual([version]);
    } finally {
      slow.dispose();
    }
  });

  it('compares with a baseline, and re-lints when the baseline changes', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    const baseline = join(root, '.svc-lint-baseline.json');
    writeFileSync(baseline, `${JSON.stringify({ version: 1, entries: [{ file: 'pricing/service.yaml', service: 'pricing', rule: 'inherited-hot-path', count: 1 }] })}\n`);
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(baseline), type: 1 }] });
    expect(codes(await client.diagnostics(pricing, () => true, before))).toEqual(['unused-suppression']);
    writeFileSync(baseline, '{"entries": [');
    const broken = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(baseline), type: 2 }] });
    const [problem] = await client.diagnostics(uriOf(baseline), () => true, broken);
    expect(problem).toMatchObject({ severity: 1, source: 'svc-lint', range: range(0, 0, 0, 0) });
    expect(problem!.message).toContain('not valid JSON');
    expect(codes(await client.diagnostics(pricing, () => true, broken))).toEqual(['inherited-hot-path', 'unused-suppression']);
  });

  it('clears a document’s diagnostics when it closes, and ignores YAML that is not a manifest', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    const before = client.published.length;
    await client.close(pricing);
    expect(await client.diagnostics(pricing, () => true, before)).toEqual([]);
    const other = await client.open('deploy.yaml', 'apiVersion: svc-lint/v1\nkind: [oops\n');
    const pricingAgain = await client.open('pricing/service.yaml');
    await client.diagnostics(pricingAgain, (found) => found.length > 0, before + 1);
    expect(client.latest(other)).toBeUndefined();
  });

  it('survives a malformed buffer, a deleted file and requests about documents it never saw', async () => {
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    const before = client.published.length;
    await client.change(pricing, 'apiVersion: svc-lint/v1\nkind: Service\nmetadata: {name: [\n\u0000');
    const broken = await client.diagnostics(pricing, () => true, before);
    expect(codes(broken)).toEqual(['manifest-syntax']);
    rmSync(join(root, 'pricing/service.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pricing, type: 3 }] });
    const unknown = uriOf(join(root, 'nowhere/service.yaml'));
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await actionsAt(unknown, 0, 0)).toEqual([]);
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } })).toBeNull();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: unknown, version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: unknown } });
    const fixed = client.published.length;
    await client.change(pricing, readFileSync(join(root, 'search/service.yaml'), 'utf8').replace('name: search', 'name: pricing'));
    expect(codes(await client.diagnostics(pricing, () => true, fixed))).toEqual(['manifest-schema', 'misspelled-language']);
    expect(client.process.exitCode).toBeNull();
    expect(client.stderr).toBe('');
  });

  it('never writes a file of the workspace', async () => {
    const before = readFileSync(join(root, 'pricing/service.yaml'), 'utf8');
    const pricing = await client.open('pricing/service.yaml');
    await client.diagnostics(pricing, (found) => found.length > 0);
    const [action] = await actionsAt(pricing, 5, 14);
    await client.connection.sendRequest('workspace/executeCommand', action!.command);
    await client.change(pricing, 'apiVersion: svc-lint/v1\n');
    await client.shutdown();
    expect(readFileSync(join(root, 'pricing/service.yaml'), 'utf8')).toBe(before);
  });

  it('exits 0 after shutdown and exit', async () => {
    expect(await client.shutdown()).toBe(0);
  });

  it('exits when the client’s process ends, though its pipes stay open', async () => {
    const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']);
    const watched = new LspClient({ root });
    try {
      await watched.connection.sendRequest('initialize', { processId: editor.pid, rootUri: uriOf(root), capabilities: {} });
      const exited = new Promise<number | null>((resolve) => watched.process.once('exit', (code) => resolve(code)));
      editor.kill();
      // vscode-languageserver looks for the process every 3 s.
      expect(await exited).toBe(1);
    } finally {
      editor.kill();
      watched.dispose();
    }
  });

  it('exits when its client goes away without shutdown (stdin closes)', async () => {
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin.end();
    expect(await exited).toBe(1);
  });
});

describe('svc-lint lsp on the command line', () => {
  it('prints its usage with --help, and refuses a transport other than stdio with exit 2', () => {
    const help = runProcess(process.execPath, [binPath, 'lsp', '--help'], repositoryRoot, { ...process.env, NO_COLOR: '1' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: svc-lint lsp --stdio\n/);
    const socket = runProcess(process.execPath, [binPath, 'lsp', '--socket=7000'], repositoryRoot, { ...process.env, NO_COLOR: '1' });
    expect(socket).toMatchObject({ status: 2, stdout: '', stderr: 'svc-lint: lsp speaks over stdio only: unexpected --socket=7000 (run svc-lint lsp --stdio)\n' });
    const badDate = runProcess(process.execPath, [binPath, 'lsp', '--stdio'], repositoryRoot, { ...process.env, SVC_LINT_TODAY: 'tomorrow' });
    expect(badDate).toMatchObject({ status: 2, stderr: 'svc-lint: SVC_LINT_TODAY=tomorrow: expected a date written YYYY-MM-DD\n' });
  });

  it('is listed in svc-lint --help', () => {
    expect(runProcess(process.execPath, [binPath, '--help'], repositoryRoot, { ...process.env, NO_COLOR: '1' }).stdout).toContain('svc-lint lsp --stdio');
  });
});
