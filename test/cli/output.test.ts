import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const ansiEscape = '\u001b[';

const hotPython = manifest('checkout-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 15000']);
// ml-serving-language (warning) fires on line 6: "  language: go".
const mlOnGo = manifest('recommender', ['language: go', 'workload: ml-serving']);

let root: string;
beforeAll(() => {
  root = makeWorkspace({ 'services/checkout/service.yaml': hotPython, 'services/recommender/service.yaml': mlOnGo });
});
afterAll(removeWorkspaces);

describe('stylish output', () => {
  it('shows file, line:column, severity, message and rule id, without ANSI escapes under NO_COLOR', () => {
    const run = runCli([], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain(ansiEscape);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('services/checkout/service.yaml');
    expect(lines).toContain('services/recommender/service.yaml');
    const errorLine = lines.find((line) => line.includes('hot-path-throughput'));
    expect(errorLine).toMatch(/^\s+6:13\s+error\s+checkout-api declares 15,000 req\/s peak on Python.*\s+hot-path-throughput$/);
    const warningLine = lines.find((line) => line.includes('ml-serving-language'));
    expect(warningLine).toMatch(/^\s+6:13\s+warning\s+recommender .*\s+ml-serving-language$/);
    expect(run.stdout).toContain('2 problems (1 error, 1 warning, 0 infos)');
  });

  it('is coloured with FORCE_COLOR=1 and no NO_COLOR', () => {
    const run = runCli([], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.stdout).toContain(ansiEscape);
    expect(run.stdout).toContain('hot-path-throughput');
  });

  it('--no-color beats FORCE_COLOR, and --color beats NO_COLOR', () => {
    const forced = runCli(['--no-color'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('hot-path-throughput');
    expect(forced.stdout).not.toContain(ansiEscape);
    const asked = runCli(['--color'], { cwd: root });
    expect(asked.stdout).toContain(ansiEscape);
  });

  it('NO_COLOR beats FORCE_COLOR', () => {
    const run = runCli([], { cwd: root, env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('hot-path-throughput');
    expect(run.stdout).not.toContain(ansiEscape);
  });

  it('never colours JSON, even when colour is forced', () => {
    const run = runCli(['--format', 'json', '--color'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.stdout).not.toContain(ansiEscape);
    expect(parseJsonReport(run).findings).toHaveLength(2);
  });
});

describe('--quiet', () => {
  it('hides warnings and keeps errors', () => {
    const stylish = runCli(['--quiet'], { cwd: root });
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toContain('hot-path-throughput');
    expect(stylish.stdout).not.toContain('ml-serving-language');
    expect(stylish.stdout).not.toContain('services/recommender/service.yaml');

    const json = parseJsonReport(runCli(['--quiet', '--format', 'json'], { cwd: root }));
    expect(json.findings.map((f) => f.ruleId)).toEqual(['hot-path-throughput']);
    expect(json.summary).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('exits 0 when only warnings were hidden', () => {
    const run = runCli(['--quiet', 'services/recommender'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('ml-serving-language');
  });

  // --quiet filters what is shown, but the exit code still counts the hidden warnings, so the run fails while
  // stylish output claims "no problems" and nothing says why.
  it('never says "no problems" in a run it fails (--quiet with --fail-on warning or --max-warnings 0)', () => {
    for (const gate of [['--fail-on', 'warning'], ['--max-warnings', '0']]) {
      const run = runCli(['--quiet', ...gate, 'services/recommender'], { cwd: root });
      if (run.status === 1) expect(`${run.stdout}${run.stderr}`).not.toContain('no problems');
      else expect(run.status).toBe(0);
    }
  });
});

describe('report files', () => {
  it('--output-file writes the single format to the file and nothing to stdout', () => {
    const cwd = makeWorkspace({ 'service.yaml': hotPython });
    const run = runCli(['--format', 'json', '--output-file', 'out/report.json'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(`${cwd}/out/report.json`, 'utf8')) as { findings: { ruleId: string; line: number }[] };
    expect(report.findings.map((f) => `${f.ruleId}@${f.line}`)).toEqual(['hot-path-throughput@6']);
  });

  it('--format sarif:<path> creates parent directories while stdout keeps the stylish output', () => {
    const cwd = makeWorkspace({ 'service.yaml': hotPython });
    const run = runCli(['--format', 'stylish', '--format', 'sarif:reports/ci/x.sarif'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\s+6:13\s+error\s+.*hot-path-throughput$/m);
    expect(run.stdout).not.toContain('"version"');
    const sarif = JSON.parse(readFileSync(`${cwd}/reports/ci/x.sarif`, 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [result] = sarif.runs[0]!.results;
    expect(result!.ruleId).toBe('hot-path-throughput');
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('service.yaml');
    expect(result!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 6, startColumn: 13 });
  });

  it('a lone --format sarif:<path> leaves stdout empty', () => {
    const cwd = makeWorkspace({ 'service.yaml': hotPython });
    const run = runCli(['--format', 'sarif:x.sarif'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(`${cwd}/x.sarif`)).toBe(true);
  });
});
