import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli, type CliRun } from '../cli/run-cli.js';
import { expectExit } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

// Set the window title, ring the bell, erase the line; and a CSI introducer in its 8-bit form.
const escapes = '\u001b]0;pwned\u0007\u001b[2K\u009b31m';
const shownEscapes = '\\u001b]0;pwned\\u0007\\u001b[2K\\u009b31m';
const injection = '\n::error title=Injected::owned';

/** A fleet whose file names and values try to reach the terminal and the CI runner raw. */
function hostileWorkspace(): string {
  const root = makeWorkspace({
    'api.service.yaml': manifest('api', [
      `language: ${JSON.stringify(`py${escapes}thon`)}`,
      'workload: api',
      'dependsOn:',
      `  - service: ${JSON.stringify(`ghost${escapes}${injection} ##[error]legacy`)}`,
    ]),
    'catalog-info.yaml': [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${JSON.stringify(`web${escapes}`)}`,
      '  annotations:',
      '    svc-lint.dev/language: go',
      '    svc-lint.dev/workload: api',
      'spec:',
      '  type: service',
      '  owner: team-a',
      '  lifecycle: production',
      `  dependsOn: [${JSON.stringify(`component:nothing${escapes}`)}]`,
      '',
    ].join('\n'),
  });
  writeFileSync(join(root, `x${injection}.service.yaml`), 'apiVersion: svc-lint/v1\nkind: Service\n');
  writeFileSync(join(root, '::warning::starts-with-a-command.service.yaml'), 'apiVersion: svc-lint/v1\nkind: Service\n');
  return root;
}

/** No control character at all, no line a GitHub runner reads as a workflow command, in either syntax. */
function expectTerminalSafe(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  for (const line of text.split('\n')) {
    expect(line.trimStart().startsWith('::'), line).toBe(false);
    expect(line.includes('##['), line).toBe(false);
  }
}

function expectSafeRun(run: CliRun): void {
  expectExit(run, 1);
  expectTerminalSafe(run.stdout);
  expectTerminalSafe(run.stderr);
}

describe('file names and manifest values reach the terminal escaped', { timeout: 30_000 }, () => {
  const root = hostileWorkspace();

  it.each(['stylish', 'compact', 'markdown'])('%s: no control character, no workflow command', (format) => {
    const run = runCli(['--format', format], { cwd: root });
    expectSafeRun(run);
    // Markdown doubles the backslash of an escape and escapes the brackets.
    const shown = format === 'markdown' ? shownEscapes.replaceAll('\\', '\\\\').replace(/[[\]]/g, '\\$&') : shownEscapes;
    expect(run.stdout).toContain(`py${shown}thon`);
    expect(run.stdout).toContain(`web${shown}`);
  });

  it('compact names each file escaped, ./ before a name that starts with ::', () => {
    const run = runCli(['--format', 'compact'], { cwd: root });
    const files = [...new Set(run.stdout.trimEnd().split('\n').map((line) => line.slice(0, line.indexOf(': line '))))];
    expect(files).toEqual([
      './::warning::starts-with-a-command.service.yaml',
      'api.service.yaml',
      'catalog-info.yaml',
      'x\\u000a::error title=Injected::owned.service.yaml',
    ]);
  });

  it('a value with a line break stays on its line, its ##[ shown escaped', () => {
    const run = runCli(['--format', 'compact'], { cwd: root });
    expect(run.stdout).toContain(`ghost${shownEscapes} ::error title=Injected::owned ##\\u005berror]legacy`);
  });

  it.each(['junit', 'html'])('%s: no line a GitHub runner reads as a workflow command', (format) => {
    const run = runCli(['--format', format], { cwd: root });
    expectExit(run, 1);
    for (const line of run.stdout.split('\n')) {
      expect(line.trimStart().startsWith('::'), line).toBe(false);
      expect(line.includes('##['), line).toBe(false);
    }
  });

  it('the machine formats keep the values as they are (they escape by their own rules)', () => {
    const run = runCli(['--format', 'json'], { cwd: root });
    expect(JSON.parse(run.stdout).findings.map((finding: { message: string }) => finding.message)).toContainEqual(
      expect.stringContaining(`ghost${escapes}${injection}`),
    );
  });

  it('stderr: the error, or the note, naming an unmatched pattern shows it escaped', () => {
    const shown = 'svc-lint: no svc-lint manifest found for nothing\\u000a::error title=Injected::owned/*.service.yaml\n';
    const run = runCli([`nothing${injection}/*.service.yaml`], { cwd: root });
    expectExit(run, 2);
    expect(run.stderr).toBe(shown);
    const allowed = runCli(['--no-error-on-unmatched-pattern', `nothing${injection}/*.service.yaml`], { cwd: root });
    expectExit(allowed, 0);
    expect(allowed.stderr).toBe(shown);
  });

  it('stderr: a one-line error naming a path shows it escaped', () => {
    const run = runCli([`missing${escapes}.yaml`], { cwd: root });
    expectExit(run, 2);
    expect(run.stderr).toBe(`svc-lint: no such file or directory: missing${shownEscapes}.yaml\n`);
  });

  it('markdown neutralizes mentions, references and links from manifests', () => {
    const markdownRoot = makeWorkspace({
      'api.service.yaml': manifest('api', [
        'language: go',
        'workload: api',
        'dependsOn:',
        '  - service: "@octocat @org/team #1 https://evil.example www.evil.example"',
      ]),
    });
    const run = runCli(['--format', 'markdown'], { cwd: markdownRoot });
    expectExit(run, 1);
    expect(run.stdout).toContain('"@&#8203;octocat @&#8203;org/team #&#8203;1 https:&#8203;//evil.example www&#8203;.evil.example"');
    expect(run.stdout).not.toMatch(/@[a-z]|(?<!&)#\d|https:\/\/|www\./);
  });

  it.each(['mermaid', 'dot'])('graph %s: names escaped in the picture', (format) => {
    const run = runCli(['graph', '--format', format], { cwd: root });
    expectExit(run, 0);
    expectTerminalSafe(run.stdout);
  });

  it('report text: names and languages from manifests are shown escaped', () => {
    const run = runCli(['report'], { cwd: root });
    expectExit(run, 0);
    expectTerminalSafe(run.stdout);
    // The report shows the language id, lower-cased.
    expect(run.stdout).toContain(`py${shownEscapes}thon`.toLowerCase());
  });
});
