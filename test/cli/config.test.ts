import { afterAll, describe, expect, it, vi } from 'vitest';
import { locationsOf, makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const pythonAt = (name: string, peakRps: number) =>
  manifest(name, ['language: python', 'workload: api', 'traffic:', `  peakRps: ${peakRps}`]);

function findingsIn(cwd: string, args: string[] = []) {
  const run = runCli(['--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return { status: run.status, report: parseJsonReport(run) };
}

describe('the config file', () => {
  it('is found upward from the cwd to the repository root and changes a rule severity', () => {
    const root = makeWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.svc-lint.yaml': 'rules:\n  hot-path-throughput: warning\n',
      'services/checkout/service.yaml': pythonAt('checkout-api', 15000),
    });
    const { status, report } = findingsIn(`${root}/services/checkout`);
    expect(status).toBe(0);
    expect(report.findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`)).toEqual(['service.yaml hot-path-throughput warning']);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('overrides rule params: above 20000 moves 15,000 into the moderate band and still flags 25,000 with the new threshold', () => {
    const root = makeWorkspace({
      '.svc-lint.yaml': 'rules:\n  hot-path-throughput:\n    params:\n      above: 20000\n',
      'a.service.yaml': pythonAt('steady-api', 15000),
      'b.service.yaml': pythonAt('busy-api', 25000),
    });
    const { status, report } = findingsIn(root);
    expect(status).toBe(1);
    expect(locationsOf(report)).toEqual(['a.service.yaml 6:13-6:19 moderate-traffic', 'b.service.yaml 6:13-6:19 hot-path-throughput']);
    expect(report.findings[0]!.message).toContain('between 1,000 and 20,000 req/s');
    expect(report.findings[1]!.message).toContain('above 20,000 req/s');
  });

  it('is replaced by --config and ignored with --no-config', () => {
    const root = makeWorkspace({
      '.svc-lint.yaml': 'rules:\n  hot-path-throughput: off\n',
      'ci/strict.yaml': 'rules:\n  hot-path-throughput: info\n',
      'service.yaml': pythonAt('checkout-api', 15000),
    });
    const severities = (args: string[]) => findingsIn(root, args).report.findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(severities([])).toEqual([]);
    expect(severities(['--config', 'ci/strict.yaml'])).toEqual(['hot-path-throughput:info']);
    expect(severities(['--no-config'])).toEqual(['hot-path-throughput:error']);
  });

  it('loses to --rule on the command line', () => {
    const root = makeWorkspace({
      '.svc-lint.yaml': 'rules:\n  hot-path-throughput: off\n',
      'service.yaml': pythonAt('checkout-api', 15000),
    });
    const { status, report } = findingsIn(root, ['--rule', 'hot-path-throughput:error']);
    expect(status).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['hot-path-throughput:error']);
  });

  it('--rule id:off switches a rule off without a config', () => {
    const root = makeWorkspace({ 'service.yaml': pythonAt('checkout-api', 15000) });
    const { status, report } = findingsIn(root, ['--rule', 'hot-path-throughput:off']);
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('adds a custom rule on an existing template that fires with its own id, severity and message', () => {
    const config = [
      'customRules:',
      '  - id: slow-python-budget',
      '    severity: warning',
      '    description: A Python service promises a p99 below 20 ms.',
      '    rationale: Our own measurements put Python p99 above 20 ms under load.',
      '    remediation: Relax the SLO or move the service to Go.',
      '    template: metric-threshold',
      '    params:',
      '      metric: p99Ms',
      '      below: 20',
      '      languagePath: smart',
      '      preferred: go',
      '    messages:',
      '      default: "{{service}} promises a p99 of {{p99Ms}} ms on {{language}}, below our budget of {{threshold}} ms"',
      '',
    ].join('\n');
    const root = makeWorkspace({
      '.svc-lint.yaml': config,
      'fast.service.yaml': manifest('search-api', ['language: python', 'workload: api', 'latency:', '  p99Ms: 10']),
      'relaxed.service.yaml': manifest('report-api', ['language: python', 'workload: api', 'latency:', '  p99Ms: 200']),
    });
    const { status, report } = findingsIn(root);
    expect(status).toBe(0);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      file: 'fast.service.yaml',
      service: 'search-api',
      ruleId: 'slow-python-budget',
      severity: 'warning',
      message: 'search-api promises a p99 of 10 ms on Python, below our budget of 20 ms',
    });
    expect(runCli(['explain', 'slow-python-budget'], { cwd: root }).stdout).toContain('Relax the SLO or move the service to Go.');
  });
});

describe("the config's include", () => {
  const goApi = (name: string, calls: string[] = []) =>
    manifest(name, ['language: go', 'workload: api', ...(calls.length > 0 ? ['dependsOn:', ...calls.map((call) => `  - service: ${call}`)] : [])]);
  const ruleIds = (cwd: string, args: string[] = []) => findingsIn(cwd, args).report.findings.map((finding) => `${finding.file} ${finding.ruleId}`);

  it('is what a plain run lints and what the graph rules see, and nothing outside it', () => {
    const root = makeWorkspace({
      '.svc-lint.yaml': 'include: ["services/**/*.yaml"]\n',
      'services/checkout.service.yaml': goApi('checkout', ['pricing', 'ledger']),
      'services/pricing.service.yaml': goApi('pricing'),
      'elsewhere/ledger.service.yaml': goApi('ledger'),
    });
    expect(ruleIds(root)).toEqual(['services/checkout.service.yaml unknown-dependency']);
    // A file named on the command line is linted against the include set too.
    expect(ruleIds(root, ['services/checkout.service.yaml'])).toEqual(['services/checkout.service.yaml unknown-dependency']);
    expect(ruleIds(root, ['elsewhere/ledger.service.yaml'])).toEqual([]);
  });
});
