import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const cleanGo = manifest('edge-gateway', ['language: go', 'workload: api', 'traffic:', '  peakRps: 40000']);
const hotPython = manifest('checkout-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 15000']);
const mlOnGo = (name: string) => manifest(name, ['language: go', 'workload: ml-serving']);
const teamMismatch = manifest('billing-worker', ['language: go', 'workload: worker', 'team:', '  languages: [python]']);
const moderatePython = manifest('catalog-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 4000']);

let root: string;
beforeAll(() => {
  root = makeWorkspace({
    'clean.service.yaml': cleanGo,
    'error.service.yaml': hotPython,
    'one-warning.service.yaml': mlOnGo('recommender'),
    'warnings/ml.service.yaml': mlOnGo('fraud-scorer'),
    'warnings/team.service.yaml': teamMismatch,
    'info.service.yaml': moderatePython,
  });
});
afterAll(removeWorkspaces);

describe('exit codes of a lint run', () => {
  it.each([
    { name: 'no findings', args: ['clean.service.yaml'], status: 0 },
    { name: 'an error finding', args: ['error.service.yaml'], status: 1 },
    { name: 'only warnings', args: ['warnings'], status: 0 },
    { name: 'warnings within --max-warnings', args: ['warnings', '--max-warnings', '2'], status: 0 },
    { name: 'warnings over --max-warnings', args: ['warnings', '--max-warnings', '1'], status: 1, stderr: 'svc-lint: 2 warnings, more than --max-warnings 1\n' },
    { name: 'one warning over --max-warnings 0', args: ['one-warning.service.yaml', '--max-warnings', '0'], status: 1, stderr: 'svc-lint: 1 warning, more than --max-warnings 0\n' },
    { name: 'a warning with --fail-on warning', args: ['one-warning.service.yaml', '--fail-on', 'warning'], status: 1 },
    { name: 'only an info', args: ['info.service.yaml'], status: 0 },
    { name: 'only an info with --fail-on warning', args: ['info.service.yaml', '--fail-on', 'warning'], status: 0 },
    { name: 'an info with --fail-on info', args: ['info.service.yaml', '--fail-on', 'info'], status: 1 },
    { name: 'an error demoted by --rule', args: ['error.service.yaml', '--rule', 'hot-path-throughput:warning'], status: 0 },
    { name: 'an error switched off by --rule', args: ['error.service.yaml', '--rule', 'hot-path-throughput:off'], status: 0 },
  ])('$name → $status', ({ args, status, stderr }) => {
    const run = runCli(['--format', 'json', ...args], { cwd: root });
    expect(run.stderr).toBe(stderr ?? '');
    expect(run.status).toBe(status);
  });

  it('counts the findings behind those exit codes', () => {
    const run = runCli(['--format', 'json', 'warnings', 'info.service.yaml'], { cwd: root });
    const { summary, findings } = JSON.parse(run.stdout) as {
      summary: Record<string, number>;
      findings: { ruleId: string; severity: string }[];
    };
    expect(findings.map(({ ruleId, severity }) => `${ruleId}:${severity}`).sort()).toEqual([
      'ml-serving-language:warning',
      'moderate-traffic:info',
      'team-expertise:warning',
    ]);
    expect(summary).toMatchObject({ files: 3, services: 3, errors: 0, warnings: 2, infos: 1 });
  });
});

const usageCases: { name: string; args: string[]; files?: Record<string, string>; mentions: string[] }[] = [
  { name: 'an unknown option', args: ['--bogus'], mentions: ['--bogus'] },
  { name: 'a --rule severity that does not exist', args: ['--rule', 'hot-path-throughput:fatal'], mentions: ['hot-path-throughput:fatal'] },
  { name: 'a --rule without a severity', args: ['--rule', 'hot-path-throughput'], mentions: ['hot-path-throughput'] },
  { name: 'a --rule for an unknown rule id', args: ['--rule', 'hot-path-thruput:off'], mentions: ['hot-path-thruput', 'hot-path-throughput'] },
  { name: 'a --max-warnings that is not a number', args: ['--max-warnings', 'ten'], mentions: ['--max-warnings', 'ten'] },
  { name: 'a fractional --max-warnings', args: ['--max-warnings', '1.5'], mentions: ['--max-warnings', '1.5'] },
  { name: 'an unknown --fail-on', args: ['--fail-on', 'fatal'], mentions: ['--fail-on', 'fatal'] },
  { name: 'an unknown --format', args: ['--format', 'xml'], mentions: ['xml'] },
  { name: 'two formats to stdout', args: ['--format', 'json', '--format', 'compact'], mentions: ['json', 'compact'] },
  { name: '--output-file with two formats', args: ['-f', 'json', '-f', 'sarif:a.sarif', '-o', 'b.json'], mentions: ['--output-file'] },
  { name: 'a path that does not exist', args: ['services/missing.service.yaml'], mentions: ['services/missing.service.yaml'] },
  { name: 'a --config that does not exist', args: ['--config', 'nope.yaml'], mentions: ['nope.yaml'] },
  {
    name: 'a config with invalid YAML (duplicate key)',
    files: { '.svc-lint.yaml': 'rules:\n  hot-path-throughput: warning\n  hot-path-throughput: error\n' },
    args: [],
    mentions: ['.svc-lint.yaml:3:3'],
  },
  {
    name: 'a config with an unknown top-level key',
    files: { '.svc-lint.yaml': 'rules:\n  team-expertise: off\nseverities: {}\n' },
    args: [],
    mentions: ['.svc-lint.yaml:3:1', 'severities'],
  },
  {
    name: 'a config with an unknown rule id',
    files: { '.svc-lint.yaml': 'rules:\n  team-expertise: off\n  hot-path-thruput: error\n' },
    args: [],
    mentions: ['.svc-lint.yaml:3:3', 'hot-path-thruput', 'hot-path-throughput'],
  },
  {
    name: 'a config with a bad severity',
    files: { '.svc-lint.yaml': 'rules:\n  team-expertise: loud\n' },
    args: [],
    mentions: ['.svc-lint.yaml:2:', 'team-expertise'],
  },
  {
    name: 'a config with params of the wrong type',
    files: { '.svc-lint.yaml': 'rules:\n  hot-path-throughput:\n    params:\n      above: lots\n' },
    args: [],
    mentions: ['.svc-lint.yaml:4:14', 'above'],
  },
  {
    name: 'a config with a param the template does not take',
    files: { '.svc-lint.yaml': 'rules:\n  hot-path-throughput:\n    params:\n      abov: 20000\n' },
    args: [],
    mentions: ['.svc-lint.yaml:4:7', 'abov'],
  },
  {
    name: 'a custom rule on a template that does not exist',
    files: {
      '.svc-lint.yaml': [
        'customRules:',
        '  - id: my-rule',
        '    severity: warning',
        '    description: d',
        '    rationale: r',
        '    remediation: m',
        '    template: metric-treshold',
        '    messages:',
        '      default: "{{service}}"',
        '',
      ].join('\n'),
    },
    args: [],
    mentions: ['.svc-lint.yaml:7:15', 'metric-treshold', 'metric-threshold'],
  },
  { name: 'explain of an unknown rule id', args: ['explain', 'hot-path-thruput'], mentions: ['hot-path-thruput', 'did you mean hot-path-throughput'] },
];

function expectOneLineUsageError(args: string[], files: Record<string, string> | undefined, mentions: string[]): void {
  const cwd = makeWorkspace({ 'clean.service.yaml': cleanGo, ...files });
  const run = runCli(args, { cwd });
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n');
  expect(lines.at(-1)).toBe('');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^svc-lint: \S/);
  for (const text of mentions) expect(lines[0]).toContain(text);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('usage and config errors exit 2 with one line on stderr', () => {
  it.each(usageCases)('$name', ({ args, files, mentions }) => expectOneLineUsageError(args, files, mentions));

  // -1 is ESLint's "no limit"; any other negative count is a mistake.
  it('a negative --max-warnings other than -1', () => expectOneLineUsageError(['--max-warnings', '-2'], undefined, ['--max-warnings -2', '-1 for no limit']));

  it('--max-warnings without its number', () => expectOneLineUsageError(['--max-warnings'], undefined, ['--max-warnings needs a value']));

  it('a config with a bad severity in the object form names that key', () =>
    expectOneLineUsageError([], { '.svc-lint.yaml': 'rules:\n  team-expertise:\n    severity: loud\n' }, ['.svc-lint.yaml:3:15', 'severity', 'loud']),
  );

  it('a config with an unknown key in a rule setting names that key', () =>
    expectOneLineUsageError([], { '.svc-lint.yaml': 'rules:\n  team-expertise:\n    severity: info\n    paramz: {}\n' }, ['.svc-lint.yaml:4:5', 'paramz']),
  );

  it('finds a broken config upward from the cwd and names it relative to the cwd', () => {
    const cwd = makeWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.svc-lint.yaml': 'rules:\n  team-expertise: off\nseverities: {}\n',
      'services/a/service.yaml': cleanGo,
    });
    const run = runCli([], { cwd: `${cwd}/services/a` });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^svc-lint: .*\.\.\/\.\.\/\.svc-lint\.yaml:3:1\b.*severities.*\n$/);
  });
});
