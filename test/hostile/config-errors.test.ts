import { afterAll, describe, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { expectOneLineError } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const service = manifest('orders', ['language: go', 'workload: api']);

/** Runs svc-lint in a workspace whose `.svc-lint.yaml` holds `config`. */
function runWithConfig(config: string, args: string[] = []) {
  const root = makeWorkspace({ '.svc-lint.yaml': config, 'service.yaml': service });
  return runCli(args, { cwd: root });
}

const customRule = (template: string, params: string[]) =>
  [
    'customRules:',
    '  - id: slow-python',
    '    severity: warning',
    '    description: A Python service promises a low p99.',
    '    rationale: Measured p99 is higher.',
    '    remediation: Relax the SLO.',
    `    template: ${template}`,
    '    params:',
    ...params.map((line) => `      ${line}`),
    '    messages:',
    '      default: "{{service}} is slow"',
    '',
  ].join('\n');

describe('an invalid config: exit 2, one line naming the file, line:column and key', () => {
  it.each([
    ['an unknown top-level key', 'rules:\n  hot-path-throughput: warning\nincludes: [services]\n', 'svc-lint: invalid config .svc-lint.yaml:3:1: includes: is not a known property (did you mean include?)'],
    ['a __proto__ key', '__proto__:\n  polluted: 1\n', 'svc-lint: invalid config .svc-lint.yaml:1:1: __proto__: is not a known property'],
    ['a number of the wrong type', 'maxFileSizeMb: big\n', 'svc-lint: invalid config .svc-lint.yaml:1:16: maxFileSizeMb: must be a number (got "big")'],
    ['a negative size limit', 'maxFileSizeMb: -1\n', 'svc-lint: invalid config .svc-lint.yaml:1:16: maxFileSizeMb: must be > 0 (got -1)'],
    ['.nan as a size limit', 'maxFileSizeMb: .nan\n', 'svc-lint: invalid config .svc-lint.yaml:1:16: maxFileSizeMb: must be a number (got NaN)'],
    ['a string for a list', 'include: "services"\n', 'svc-lint: invalid config .svc-lint.yaml:1:10: include: must be a list (got "services")'],
    ['a string for a boolean', 'allowInlineSuppressions: "yes"\n', 'svc-lint: invalid config .svc-lint.yaml:1:26: allowInlineSuppressions: must be true or false (got "yes")'],
    ['a number for the rules mapping', 'rules: 5\n', 'svc-lint: invalid config .svc-lint.yaml:1:8: rules: must be a mapping (got 5)'],
    ['a list as the whole config', '- rules\n', 'svc-lint: invalid config .svc-lint.yaml:1:1: must be a mapping (got a list)'],
    ['an unknown severity', 'rules:\n  hot-path-throughput: loud\n', 'svc-lint: invalid config .svc-lint.yaml:2:24: rules.hot-path-throughput: must be one of off, info, warning, warn, error, or must be a mapping (got "loud")'],
    ['an unknown rule id, with a suggestion', 'rules:\n  hot-path-throughputt: warning\n', 'svc-lint: invalid config .svc-lint.yaml:2:3: rules.hot-path-throughputt: unknown rule id (did you mean hot-path-throughput?)'],
    ['constructor as a rule id', 'rules:\n  constructor: warning\n', 'svc-lint: invalid config .svc-lint.yaml:2:3: rules.constructor: unknown rule id'],
    [
      'params of the wrong type for the template',
      'rules:\n  hot-path-throughput:\n    params:\n      above: lots\n',
      'svc-lint: invalid config .svc-lint.yaml:4:14: rules.hot-path-throughput.params.above: must be a number (got "lots") (params of template hot-path-question)',
    ],
    [
      'a param the template does not know',
      'rules:\n  hot-path-throughput:\n    params:\n      abovee: 5\n',
      'svc-lint: invalid config .svc-lint.yaml:4:7: rules.hot-path-throughput.params.abovee: is not a known property (did you mean above?) (params of template hot-path-question)',
    ],
    [
      'a custom rule on a template that does not exist',
      customRule('no-such-template', ['metric: p99Ms']),
      /^svc-lint: invalid config \.svc-lint\.yaml:7:15: customRules\[0\]\.template: unknown template "no-such-template"; templates: metric-threshold, /,
    ],
    [
      'a custom rule whose params fail its template',
      customRule('metric-threshold', ['metric: p99Ms', 'below: soon', 'languagePath: smart', 'preferred: go']),
      'svc-lint: invalid config .svc-lint.yaml:10:14: customRules[0].params.below: must be a number (got "soon") (params of template metric-threshold)',
    ],
    [
      'a custom rule that reuses a built-in id',
      customRule('metric-threshold', ['metric: p99Ms', 'below: 20']).replace('id: slow-python', 'id: hot-path-throughput'),
      'svc-lint: invalid config .svc-lint.yaml:2:9: customRules[0].id: rule "hot-path-throughput" is already defined',
    ],
  ])('%s', (_name, config, line) => {
    expectOneLineError(runWithConfig(config), line);
  });

  it('invalid YAML says "invalid config" like every other config error, at the line the parser stops', () => {
    expectOneLineError(
      runWithConfig('rules:\n  hot-path-throughput: [warning\n'),
      /^svc-lint: invalid config \.svc-lint\.yaml:3:1: .*Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    );
  });

  it('a tab used as indentation in the config', () => {
    expectOneLineError(runWithConfig('rules:\n\thot-path-throughput: warning\n'), 'svc-lint: invalid config .svc-lint.yaml:2:1: invalid YAML: line 2 is indented with a tab; YAML indents with spaces only');
  });

  it('a key written twice names the key, at the second one', () => {
    expectOneLineError(
      runWithConfig('rules:\n  hot-path-throughput: warning\n  hot-path-throughput: error\n'),
      /^svc-lint: invalid config \.svc-lint\.yaml:3:3: .*hot-path-throughput/,
    );
  });

  it('an alias bomb in the config is refused, naming the file', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', ''].join('\n');
    expectOneLineError(runWithConfig(bomb), /^svc-lint: (invalid config )?\.svc-lint\.yaml(:\d+:\d+)?: .*alias/i);
  });

  it('an error in a config named with --config names that path', () => {
    const root = makeWorkspace({ 'ci/strict.yaml': 'rules:\n  nope: error\n', 'service.yaml': service });
    expectOneLineError(runCli(['--config', 'ci/strict.yaml'], { cwd: root }), 'svc-lint: invalid config ci/strict.yaml:2:3: rules.nope: unknown rule id');
  });

  it('a --config file that does not exist', () => {
    const root = makeWorkspace({ 'service.yaml': service });
    expectOneLineError(runCli(['--config', 'missing.yaml'], { cwd: root }), 'svc-lint: config file not found: missing.yaml');
  });

  it('a config error stops every command that reads the config, not only lint', () => {
    const config = 'rules:\n  nope: error\n';
    const line = 'svc-lint: invalid config .svc-lint.yaml:2:3: rules.nope: unknown rule id';
    for (const args of [['rules'], ['explain', 'hot-path-throughput'], ['report'], ['graph'], ['baseline']]) {
      expectOneLineError(runWithConfig(config, args), line);
    }
  });
});
