import { afterAll, describe, expect, it, vi } from 'vitest';
import { gitIn } from '../integrations/processes.js';
import { childEnv, makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli, writeWorkspaceFile } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const timeout = 60_000;

function gateway(rpsShare: number): string {
  return manifest('gateway', [
    'language: go',
    'workload: api',
    'traffic:',
    '  peakRps: 40000',
    'dependsOn:',
    '  - service: orders-api',
    `    rpsShare: ${rpsShare}`,
  ]);
}

const orders = manifest('orders-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 3000']);

/** A repository with the two services, as a pre-commit hook finds it (the workspace is the repository root). */
function repository(rpsShare: number): string {
  const root = makeWorkspace({ 'services/gateway/service.yaml': gateway(rpsShare), 'services/orders/service.yaml': orders });
  const init = gitIn(root, childEnv(), 'init', '--quiet');
  if (init.status !== 0) throw new Error(init.output);
  return root;
}

describe('a hook that lints only the staged files', () => {
  it('fails a staged gateway whose call makes a service in another file hot, at the call', { timeout }, () => {
    const root = repository(0.4);
    const run = runCli(['services/gateway/service.yaml', '--format', 'json'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const { findings } = parseJsonReport(run);
    expect(findings.map((finding) => [finding.file, finding.line, finding.column, finding.ruleId, finding.messageId])).toEqual([
      ['services/gateway/service.yaml', 11, 7, 'inherited-hot-path', 'impact'],
    ]);
    expect(findings[0]!.message).toBe(
      'this call sends 16,000 req/s into orders-api (Python), which then receives 16,000 req/s, above 10,000: ' +
        'inherited-hot-path in services/orders/service.yaml',
    );
  });

  it('passes the same gateway while its call keeps the service below the threshold', { timeout }, () => {
    const root = repository(0.2);
    expect(runCli(['services/gateway/service.yaml'], { cwd: root }).status).toBe(0);
  });

  it('reports the problem once, on the service that receives the traffic, when the whole repository is linted', { timeout }, () => {
    const root = repository(0.4);
    const run = runCli(['--format', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    const hot = parseJsonReport(run).findings.filter((finding) => finding.ruleId === 'inherited-hot-path');
    expect(hot.map((finding) => [finding.file, finding.line, finding.column, finding.messageId])).toEqual([
      ['services/orders/service.yaml', 6, 13, 'default'],
    ]);
  });

  it('svc-lint report recommends what the rules judged, on the same traffic', { timeout }, () => {
    const root = repository(0.4);
    writeWorkspaceFile(root, 'services/loader/service.yaml', manifest('loader', ['language: go', 'workload: etl']));
    writeWorkspaceFile(root, 'services/gateway/service.yaml', `${gateway(0.4)}    - service: loader\n      rpsShare: 0.5\n`);
    const lintRun = runCli(['--format', 'json'], { cwd: root });
    expect(parseJsonReport(lintRun).findings.filter((finding) => finding.service === 'loader')).toEqual([]);
    const report = JSON.parse(runCli(['report', '--format', 'json'], { cwd: root }).stdout) as {
      services: { service: string; effectiveRps: number; recommended: { language: string; question: number } }[];
    };
    const byName = Object.fromEntries(report.services.map((row) => [row.service, row]));
    expect(byName.loader).toMatchObject({ effectiveRps: 20_000, recommended: { language: 'go', question: 2 } });
    expect(byName['orders-api']).toMatchObject({ effectiveRps: 16_000, recommended: { language: 'go', question: 2 } });
  });
});

describe('the capacity of a partial run', () => {
  it('describes the linted files\' services only, on the traffic the whole workspace sends them', { timeout }, () => {
    const root = repository(0.4);
    const json = parseJsonReport(runCli(['services/orders/service.yaml', '--format', 'json'], { cwd: root })) as unknown as {
      services: { service: string; effectiveRps: number; recommended: { language: string; question: number } }[];
      fleet: { servicesCompared: number };
    };
    expect(json.services.map((row) => [row.service, row.effectiveRps, row.recommended.language, row.recommended.question])).toEqual([
      ['orders-api', 16_000, 'go', 2],
    ]);
    expect(json.fleet.servicesCompared).toBe(1);
    const text = runCli(['report', 'services/orders/service.yaml'], { cwd: root }).stdout;
    expect(text).toContain('orders-api');
    expect(text).not.toContain('gateway');
  });
});
