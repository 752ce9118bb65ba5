import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli, type CliRun } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const goApi = (name: string) => manifest(name, ['language: go', 'workload: api']);
const pythonEdge = manifest('catalog-edge', ['language: python', 'workload: api', 'deployment:', '  target: edge']);
const waiver = (rule: string, service: string) =>
  `waivers:\n  - rule: ${rule}\n    services: [${service}]\n    reason: Rewrite in Go tracked in PLAT-123\n    owner: team-search\n    expires: 2099-03-31\n`;

const workspace = (files: Record<string, string>) => makeWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });

interface MistakeCase {
  name: string;
  files: Record<string, string>;
  args: string[];
  status: number;
  /** The one line on stderr (usage and config errors), or nothing. */
  stderr?: string;
  /** With `--format compact`: the one line per finding, in order. */
  findings?: string[];
}

const searched = 'a directory is searched for service.yaml, *.service.yaml, catalog-info.yaml and *.catalog-info.yaml, or .yml';

/** The cases a new user met in a fresh repository: each gets one precise line and the documented exit code. */
const cases: MistakeCase[] = [
  {
    name: "an include that matches nothing fails the gate, naming the config's glob",
    files: { '.svc-lint.yaml': 'include: ["svc/**/*.yaml"]\n', 'services/a/service.yaml': goApi('a') },
    args: [],
    status: 2,
    stderr: 'svc-lint: the include of .svc-lint.yaml matches no svc-lint manifest: svc/**/*.yaml',
  },
  {
    name: 'a directory without manifests',
    files: { 'empty/README.md': '# nothing here\n' },
    args: ['empty'],
    status: 2,
    stderr: `svc-lint: no svc-lint manifest found for empty (${searched})`,
  },
  {
    name: 'a glob that matches nothing is named also when another path matched',
    files: { 'services/a/service.yaml': goApi('a') },
    args: ['services', 'svc/**/*.yaml'],
    status: 2,
    stderr: 'svc-lint: no svc-lint manifest found for svc/**/*.yaml',
  },
  {
    name: 'a directory whose service.yaml files are all another tool’s counts the files it skipped',
    files: {
      'charts/api/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{ port: 80 }]\n',
      'charts/web/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 80 }]\n',
    },
    args: ['charts'],
    status: 2,
    stderr: "svc-lint: no svc-lint manifest found for charts (2 files skipped as not svc-lint's; --debug lists them)",
  },
  {
    name: 'a Kubernetes service.yaml named on its own (as a hook passes it) is a note, never a failure',
    files: { 'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{ port: 80 }]\n' },
    args: ['service.yaml'],
    status: 0,
    stderr: expect.stringMatching(/^svc-lint: service\.yaml holds no svc-lint manifest \(.*\): skipped$/) as unknown as string,
    findings: [],
  },
  {
    name: '--no-error-on-unmatched-pattern lets it pass with a note',
    files: { 'services/a/service.yaml': goApi('a') },
    args: ['services', 'svc/**/*.yaml', '--no-error-on-unmatched-pattern'],
    status: 0,
    stderr: 'svc-lint: no svc-lint manifest found for svc/**/*.yaml',
    findings: [],
  },
  {
    name: 'a misspelt path gets the names beside it',
    files: { 'services/a/service.yaml': goApi('a') },
    args: ['servces'],
    status: 2,
    stderr: 'svc-lint: no such file or directory: servces (did you mean services?)',
  },
  {
    name: 'a waiver for a misspelt rule id is a config error at the id',
    files: { '.svc-lint.yaml': waiver('data-processing-langauge', 'a'), 'a.service.yaml': goApi('a') },
    args: ['a.service.yaml'],
    status: 2,
    stderr: 'svc-lint: invalid config .svc-lint.yaml:2:11: waivers[0].rule: unknown rule id "data-processing-langauge" (did you mean data-processing-language?)',
  },
  {
    name: 'a waiver for a service that does not exist is unused-waiver at the name, with the close one',
    files: { '.svc-lint.yaml': waiver('hot-path-throughput', 'catalog-edg'), 'a.service.yaml': pythonEdge },
    args: ['a.service.yaml'],
    status: 0,
    findings: [
      '.svc-lint.yaml: line 3, col 16, Warning - The waiver of hot-path-throughput names "catalog-edg", which matches no service in the workspace; did you mean catalog-edge? (unused-waiver)',
      'a.service.yaml: line 6, col 13, Warning - catalog-edge deploys to edge on Python, whose images are 180-350 MB and start in 1,000-3,000 ms; Go images are 8-15 MB and start in 10-50 ms (edge-footprint)',
    ],
  },
  {
    name: 'an inline directive for a misspelt rule id says so, with the close id',
    files: {
      'a.service.yaml': manifest('recommender', ['# svc-lint-disable-next-line ml-serving-langauge -- the gateway only forwards', 'language: go', 'workload: ml-serving']),
    },
    args: ['a.service.yaml'],
    status: 0,
    findings: [
      'a.service.yaml: line 6, col 3, Warning - svc-lint-disable-next-line names an unknown rule id ml-serving-langauge; did you mean ml-serving-language? It suppresses nothing (unused-suppression)',
      expect.stringMatching(/^a\.service\.yaml: line 7, col 13, Warning - recommender .* \(ml-serving-language\)$/) as unknown as string,
    ],
  },
  {
    name: 'spec.langauge is one finding at the key, with the property it stands for',
    files: { 'a.service.yaml': manifest('a', ['langauge: go', 'workload: api']) },
    args: ['a.service.yaml'],
    status: 1,
    findings: ['a.service.yaml: line 6, col 3, Error - spec.langauge is not a known property (did you mean language?) (manifest-schema)'],
  },
  {
    name: 'peakRPS and p99ms suggest the keys in their case',
    files: { 'a.service.yaml': manifest('a', ['language: go', 'workload: api', 'traffic:', '  peakRPS: 5', 'latency:', '  p99ms: 20']) },
    args: ['a.service.yaml'],
    status: 1,
    findings: [
      'a.service.yaml: line 9, col 5, Error - spec.traffic.peakRPS is not a known property (did you mean peakRps?) (manifest-schema)',
      'a.service.yaml: line 11, col 5, Error - spec.latency.p99ms is not a known property (did you mean p99Ms?) (manifest-schema)',
    ],
  },
  {
    name: 'workload: API suggests api',
    files: { 'a.service.yaml': manifest('a', ['language: go', 'workload: API']) },
    args: ['a.service.yaml'],
    status: 1,
    findings: [
      'a.service.yaml: line 7, col 13, Error - spec.workload must be one of api, ml-serving, etl, data-processing, infrastructure, worker, prototype (got "API") (did you mean api?) (manifest-schema)',
    ],
  },
  {
    name: 'a misspelt config key',
    files: { '.svc-lint.yaml': 'ruels:\n  moderate-traffic: off\n', 'a.service.yaml': goApi('a') },
    args: ['a.service.yaml'],
    status: 2,
    stderr: 'svc-lint: invalid config .svc-lint.yaml:1:1: ruels: is not a known property (did you mean rules?)',
  },
  {
    name: 'a misspelt param',
    files: { '.svc-lint.yaml': 'rules:\n  hot-path-throughput:\n    params: { abov: 20000 }\n', 'a.service.yaml': goApi('a') },
    args: ['a.service.yaml'],
    status: 2,
    stderr: 'svc-lint: invalid config .svc-lint.yaml:3:15: rules.hot-path-throughput.params.abov: is not a known property (did you mean above?) (params of template hot-path-question)',
  },
  {
    name: 'severity: warn is accepted as warning',
    files: { '.svc-lint.yaml': 'rules:\n  edge-footprint:\n    severity: warn\n  moderate-traffic: warn\n', 'a.service.yaml': pythonEdge },
    args: ['a.service.yaml', '--fail-on', 'warning'],
    status: 1,
    findings: [
      'a.service.yaml: line 6, col 13, Warning - catalog-edge deploys to edge on Python, whose images are 180-350 MB and start in 1,000-3,000 ms; Go images are 8-15 MB and start in 10-50 ms (edge-footprint)',
    ],
  },
  {
    name: '--rule with warn',
    files: { 'a.service.yaml': pythonEdge },
    args: ['a.service.yaml', '--rule', 'edge-footprint:warn', '--fail-on', 'warn'],
    status: 1,
    findings: [
      'a.service.yaml: line 6, col 13, Warning - catalog-edge deploys to edge on Python, whose images are 180-350 MB and start in 1,000-3,000 ms; Go images are 8-15 MB and start in 10-50 ms (edge-footprint)',
    ],
  },
  {
    name: 'a misspelt flag',
    files: {},
    args: ['--formt', 'json'],
    status: 2,
    stderr: 'svc-lint: unknown option --formt (did you mean --format, --force?); run svc-lint --help for the options',
  },
  {
    name: 'a misspelt format',
    files: {},
    args: ['--format', 'jsno'],
    status: 2,
    stderr: 'svc-lint: --format jsno: unknown format "jsno" (did you mean json?); formats: stylish, json, compact, github, sarif, junit, gitlab, markdown, html',
  },
  {
    name: 'a misspelt rule id in --rule',
    files: {},
    args: ['--rule', 'hot-path-thruput:off'],
    status: 2,
    stderr: 'svc-lint: --rule hot-path-thruput: unknown rule id (did you mean hot-path-throughput?)',
  },
  {
    name: 'a misspelt --fail-on severity',
    files: {},
    args: ['--fail-on', 'eror'],
    status: 2,
    stderr: 'svc-lint: --fail-on eror: expected error, warning (or warn) or info (did you mean error?)',
  },
  {
    name: 'a workload typed in capitals for init',
    files: {},
    args: ['init', '--name', 'orders', '--language', 'go', '--workload', 'API'],
    status: 2,
    stderr: 'svc-lint: --workload API: expected one of api, ml-serving, etl, data-processing, infrastructure, worker, prototype (did you mean api?)',
  },
  {
    name: 'a misspelt Backstage annotation',
    files: {
      'catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: orders',
        '  annotations:',
        '    svc-lint.dev/language: go',
        '    svc-lint.dev/workload: api',
        '    svc-lint.dev/peak_rps: "5000"',
        'spec:',
        '  type: service',
        '  owner: team-orders',
        '',
      ].join('\n'),
    },
    args: ['catalog-info.yaml'],
    status: 1,
    findings: [
      expect.stringMatching(
        /^catalog-info\.yaml: line 8, col 5, Error - .*svc-lint\.dev\/peak_rps is not an svc-lint annotation \(did you mean svc-lint\.dev\/peak-rps\?\) .*\(manifest-schema\)$/,
      ) as unknown as string,
    ],
  },
  {
    name: '--concurrency misspelt',
    files: { 'a.service.yaml': pythonEdge },
    args: ['a.service.yaml', '--concurrency', 'aut'],
    status: 2,
    stderr: 'svc-lint: --concurrency aut: expected a number of threads (1 to 999), auto or off (did you mean auto?)',
  },
  {
    name: '--concurrency 0',
    files: { 'a.service.yaml': pythonEdge },
    args: ['a.service.yaml', '--concurrency', '0'],
    status: 2,
    stderr: 'svc-lint: --concurrency 0: expected a number of threads (1 to 999), auto or off',
  },
  {
    name: '--max-warnings -1 means no limit',
    files: { 'a.service.yaml': pythonEdge },
    args: ['a.service.yaml', '--max-warnings', '-1'],
    status: 0,
    findings: [
      'a.service.yaml: line 6, col 13, Warning - catalog-edge deploys to edge on Python, whose images are 180-350 MB and start in 1,000-3,000 ms; Go images are 8-15 MB and start in 10-50 ms (edge-footprint)',
    ],
  },
  {
    name: 'svc-lint help',
    files: {},
    args: ['help'],
    status: 2,
    stderr: 'svc-lint: help is not a command, file or directory (did you mean svc-lint --help?)',
  },
  {
    name: 'a misspelt command',
    files: {},
    args: ['rule'],
    status: 2,
    stderr: 'svc-lint: rule is not a command, file or directory (did you mean svc-lint rules?)',
  },
  {
    name: 'explain with an extra argument',
    files: {},
    args: ['explain', 'hot-path-throughput', 'extra'],
    status: 2,
    stderr: 'svc-lint: svc-lint explain takes one rule id; unexpected "extra"',
  },
  {
    name: 'a flag the command does not take',
    files: {},
    args: ['rules', '--stdin'],
    status: 2,
    stderr: 'svc-lint: svc-lint rules does not take --stdin; it takes --format, --rule (svc-lint --help lists them)',
  },
  {
    name: 'two outputs to one file',
    files: { 'a.service.yaml': goApi('a') },
    args: ['a.service.yaml', '--format', 'json:a.json', '--format', 'sarif:./a.json'],
    status: 2,
    stderr: 'svc-lint: --format json and --format sarif both write ./a.json: give each its own file',
  },
  {
    name: 'a key indented 3 spaces among siblings at 2 is one finding naming both',
    files: { 'a.service.yaml': manifest('a', ['language: go', ' workload: api']) },
    args: ['a.service.yaml'],
    status: 1,
    findings: ['a.service.yaml: line 7, col 4, Error - line 7 is indented 3 spaces; its siblings use 2 (manifest-syntax)'],
  },
];

function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

describe('every mistake gets a precise answer', () => {
  it.each(cases.map((mistake) => [mistake.name, mistake] as const))('%s', (_name, mistake) => {
    const root = workspace(mistake.files);
    const run = runCli(mistake.findings ? ['--format', 'compact', ...mistake.args] : mistake.args, { cwd: root });
    expect(stderrLines(run)).toEqual(mistake.stderr === undefined ? [] : [mistake.stderr]);
    expect(run.status).toBe(mistake.status);
    if (mistake.findings) expect(run.stdout.split('\n').filter((line) => line !== '')).toEqual(mistake.findings);
    else expect(run.stdout).toBe('');
  });

  it('writes no report when two outputs name one file', () => {
    const root = workspace({ 'a.service.yaml': goApi('a') });
    runCli(['a.service.yaml', '--format', 'json:a.json', '--format', 'sarif:a.json'], { cwd: root });
    expect(existsSync(join(root, 'a.json'))).toBe(false);
  });
});

describe('output that tells the truth about what it hides', () => {
  const schemaSlips = Object.fromEntries(
    Array.from({ length: 9 }, (_, index) => [`s${index}.service.yaml`, manifest(`s${index}`, ['language: go', 'workload: api', 'traffic:', '  peakRPS: 5'])]),
  );

  it('stylish gives each rule’s fix once, after the findings, under the rule id', () => {
    const root = workspace(schemaSlips);
    const run = runCli(['.'], { cwd: root });
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line.includes('Fix the value at the position shown'))).toHaveLength(1);
    const heading = lines.indexOf('How to fix:');
    const findingLines = lines.flatMap((line, index) => (/^ {2}\d+:\d+ .* manifest-schema$/.test(line) ? [index] : []));
    expect(findingLines).toHaveLength(9);
    expect(heading).toBeGreaterThan(Math.max(...findingLines));
    expect(lines.slice(heading + 1, heading + 3)).toEqual(['  manifest-schema', expect.stringMatching(/^ {4}Fix the value at the position shown/)]);
    expect(lines.at(-2)).toBe('✖ 9 problems (9 errors, 0 warnings, 0 infos) in 9 files, 9 services');
  });

  it('-q names the warnings it leaves out instead of claiming no problems', () => {
    const root = workspace({ 'a.service.yaml': pythonEdge, 'b.service.yaml': manifest('b', ['language: go', 'workload: ml-serving']) });
    const run = runCli(['-q', '.'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('✔ no errors (2 files, 2 services); 2 warnings not shown (--quiet)\n');
  });

  it('the summary mark follows --fail-on: ✖ for a run that fails on an info', () => {
    const root = workspace({ 'a.service.yaml': manifest('catalog-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 4000']) });
    const failing = runCli(['--fail-on', 'info', '.'], { cwd: root });
    expect(failing.status).toBe(1);
    expect(failing.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (0 errors, 0 warnings, 1 info) in 1 file, 1 service');
    const passing = runCli(['.'], { cwd: root });
    expect(passing.status).toBe(0);
    expect(passing.stdout.trimEnd().split('\n').at(-1)).toBe('ℹ 1 problem (0 errors, 0 warnings, 1 info) in 1 file, 1 service');
  });

  it('rules --format json lists every rule for tools', () => {
    const run = runCli(['rules', '--format', 'json', '--rule', 'moderate-traffic:off'], { cwd: workspace({}) });
    expect(run.status).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; severity: string; template: string; description: string }[];
    expect(rules.find((rule) => rule.id === 'hot-path-throughput')).toEqual({
      id: 'hot-path-throughput',
      severity: 'error',
      template: 'hot-path-question',
      description: expect.stringMatching(/\S/),
    });
    expect(rules.find((rule) => rule.id === 'moderate-traffic')?.severity).toBe('off');
    expect(rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.id)].sort());
    for (const rule of rules) expect(Object.keys(rule)).toEqual(['id', 'severity', 'template', 'description']);
  });
});
