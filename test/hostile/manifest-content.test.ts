import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { builtBinary, makeWorkspace, manifest, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { describeFindings, expectExit, lintFiles, lintText } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const megabyte = 1024 * 1024;
const goApi = manifest('orders', ['language: go', 'workload: api']);
const pythonAt50k = manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);
const throughputMessage =
  'orders declares 50,000 req/s peak on Python; above 10,000 req/s the guidance is Go: at this peak ≈4 Python (FastAPI) instances (12,500 req/s and 52 MB each, 208 MB in all) vs 1 Go instance (95,000 req/s each, 12 MB)';

/** A valid manifest padded with comment lines to exactly `bytes` bytes. */
function paddedManifest(bytes: number): Buffer {
  const head = Buffer.from(goApi);
  const padding = Buffer.alloc(bytes - head.length, '# padding, padding, padding, padding, padding, padding\n');
  padding[padding.length - 1] = 0x0a;
  return Buffer.concat([head, padding]);
}

function writeBytes(directory: string, name: string, bytes: Uint8Array): string {
  writeFileSync(join(directory, name), bytes);
  return name;
}

describe('files above the size limit', () => {
  it('a 50 MB manifest is reported at 1:1 with its size and the limit, without being parsed', () => {
    const root = makeWorkspace();
    writeBytes(root, 'huge.service.yaml', paddedManifest(50 * megabyte));
    const run = runCli(['--format', 'compact'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toBe(
      'huge.service.yaml: line 1, col 1, Error - the file is 50.0 MB, above the 10 MB limit (maxFileSizeMb in the config) (manifest-syntax)\n',
    );
  });

  it('the limit comes from maxFileSizeMb in the config', async () => {
    const root = makeWorkspace({ '.svc-lint.yaml': 'maxFileSizeMb: 1\n' });
    writeBytes(root, 'big.service.yaml', paddedManifest(1.5 * megabyte));
    const run = runCli(['--format', 'compact'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toBe(
      'big.service.yaml: line 1, col 1, Error - the file is 1.5 MB, above the 1 MB limit (maxFileSizeMb in the config) (manifest-syntax)\n',
    );
  });

  it('an editor buffer on --stdin above the limit is reported too, not parsed', () => {
    const root = makeWorkspace();
    const run = runCli(['--stdin', '--stdin-filename', 'huge.service.yaml', '--format', 'compact'], {
      cwd: root,
      input: paddedManifest(11 * megabyte).toString('utf8'),
    });
    expectExit(run, 1);
    expect(run.stdout).toMatch(/^huge\.service\.yaml: line 1, col 1, Error - .*11\.0 MB, above the 10 MB limit .*\(manifest-syntax\)\n$/);
  });

  it('a file of exactly the limit is read and linted', () => {
    const root = makeWorkspace({ '.svc-lint.yaml': 'maxFileSizeMb: 1\n' });
    writeBytes(root, 'edge.service.yaml', paddedManifest(megabyte));
    const run = runCli(['--format', 'compact'], { cwd: root });
    expectExit(run, 0);
    expect(run.stdout).toBe('');
  });
});

describe('files that are not UTF-8 text', () => {
  it('a binary file (a NUL byte) is reported at 1:1 and not parsed', async () => {
    const root = makeWorkspace();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    writeBytes(root, 'image.service.yaml', png);
    writeBytes(root, 'late-nul.service.yaml', Buffer.concat([Buffer.from(goApi), Buffer.from([0])]));
    const result = await lintFiles(root, ['.']);
    expect(result.findings.map((f) => `${f.file} ${describeFindings([f])[0]}`)).toEqual([
      'image.service.yaml 1:1-1:1 manifest-syntax this is a binary file, not YAML text',
      'late-nul.service.yaml 1:1-1:1 manifest-syntax this is a binary file, not YAML text',
    ]);
  });

  it('invalid UTF-8 is reported at the line and column of the first bad byte', async () => {
    const root = makeWorkspace();
    const text = Buffer.concat([Buffer.from('apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    writeBytes(root, 'latin1.service.yaml', text);
    const result = await lintFiles(root, ['.']);
    expect(describeFindings(result.findings)).toEqual([
      '4:12-4:13 manifest-syntax the file is not valid UTF-8 (line 4, column 12): save it as UTF-8',
    ]);
  });

  it('counts the column of a bad byte in characters, as every other location (and SARIF, utf16CodeUnits) does', async () => {
    const root = makeWorkspace();
    // "café " holds a two-byte character: the bad byte is the 21st character of its line, the 22nd byte.
    const text = Buffer.concat([Buffer.from('apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: x\n  description: café '), Buffer.from([0xff]), Buffer.from('\n')]);
    writeBytes(root, 'mixed.service.yaml', text);
    const result = await lintFiles(root, ['.']);
    expect(describeFindings(result.findings)).toEqual([
      '5:21-5:22 manifest-syntax the file is not valid UTF-8 (line 5, column 21): save it as UTF-8',
    ]);
  });

  it('a truncated multi-byte sequence at the end of the file is reported where it starts', async () => {
    const root = makeWorkspace();
    writeBytes(root, 'cut.service.yaml', Buffer.concat([Buffer.from('a: '), Buffer.from([0xe2, 0x82])]));
    const result = await lintFiles(root, ['.']);
    expect(describeFindings(result.findings)).toEqual([
      '1:4-1:5 manifest-syntax the file is not valid UTF-8 (line 1, column 4): save it as UTF-8',
    ]);
  });
});

describe('encodings and line endings that are valid', () => {
  it('drops a UTF-8 byte order mark and keeps positions right, on disk and from stdin', async () => {
    const root = makeWorkspace();
    writeBytes(root, 'bom.service.yaml', Buffer.from(`\uFEFF${pythonAt50k}`));
    const expected = [`6:13-6:19 hot-path-throughput ${throughputMessage}`];
    expect(describeFindings((await lintFiles(root, ['.'])).findings)).toEqual(expected);
    expect(describeFindings((await lintText(`\uFEFF${pythonAt50k}`)).findings)).toEqual(expected);
  });

  it('keeps lines and columns right with CRLF line endings, and no range covers a carriage return', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const root = makeWorkspace();
    writeBytes(root, 'a.service.yaml', Buffer.from(crlf(pythonAt50k)));
    writeBytes(root, 'b.service.yaml', Buffer.from(crlf(manifest('billing', ['language: go', 'workload: api', 'traffic:', '  peakRps: "1000"']))));
    writeBytes(root, 'c.service.yaml', Buffer.from(crlf('apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n')));
    const result = await lintFiles(root, ['.']);
    expect(result.findings.map((f) => `${f.file} ${describeFindings([f])[0]}`)).toEqual([
      `a.service.yaml 6:13-6:19 hot-path-throughput ${throughputMessage}`,
      'b.service.yaml 9:14-9:20 manifest-schema spec.traffic.peakRps must be a number (got "1000")',
      'c.service.yaml 5:3-5:7 manifest-syntax the key "name" appears twice in one mapping',
    ]);
  });

  it('reports a tab used as indentation where it is, and accepts tabs elsewhere', async () => {
    const tabbed = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n\tname: orders\n';
    expect(describeFindings((await lintText(tabbed)).findings)).toEqual(['4:1-4:2 manifest-syntax line 4 is indented with a tab; YAML indents with spaces only']);
    const tabsInside = goApi.replace('workload: api', 'workload: api\t# a tab before a comment').replace('kind: Service', 'kind:\tService');
    expect((await lintText(tabsInside)).findings).toEqual([]);
  });
});

describe('files that declare nothing', () => {
  it.each([
    ['an empty file', ''],
    ['a file of only comments', '# nothing here yet\n# still nothing\n'],
    ['a file of blank lines', '\n\n   \n'],
  ])('%s: "declares no service" at 1:1', async (_name, text) => {
    expect(describeFindings((await lintText(text)).findings)).toEqual([
      '1:1-1:1 manifest-schema (file) declares no service: it is empty or holds only comments',
    ]);
  });

  it('a scalar document and a list document must be mappings', async () => {
    expect(describeFindings((await lintText('just a sentence\n')).findings)).toEqual([
      '1:1-1:16 manifest-schema (document) must be a mapping (got "just a sentence")',
    ]);
    expect(describeFindings((await lintText('- go\n- python\n')).findings)).toEqual([
      '1:1-2:9 manifest-schema (document) must be a mapping (got a list)',
    ]);
  });

  it('skips empty documents between "---" and lints the real one at its own lines', async () => {
    const text = `---\n---\n${pythonAt50k}---\n...\n---\n`;
    expect(describeFindings((await lintText(text)).findings)).toEqual([`8:13-8:19 hot-path-throughput ${throughputMessage}`]);
  });

  it('a file of only document markers declares no service', async () => {
    expect(describeFindings((await lintText('---\n---\n')).findings)).toEqual([
      '1:1-1:1 manifest-schema (file) declares no service: it is empty or holds only comments',
    ]);
  });
});

describe('resource exhaustion', () => {
  const aliasBomb = [
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...'bcdefghi'.split('').map((name, index) => {
      const previous = 'abcdefghi'[index]!;
      return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
    }),
  ].join('\n');
  const aliasMessage = 'the YAML expands more than 100 aliases, which svc-lint refuses as a resource-exhaustion risk';

  it('refuses a "billion laughs" document at its first key', async () => {
    expect(describeFindings((await lintText(`${aliasBomb}\n`)).findings)).toEqual([`1:1-1:2 manifest-syntax ${aliasMessage}`]);
  });

  it('refuses an alias bomb hidden inside a manifest, and still lints the next document', async () => {
    const labels = aliasBomb
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    const text = `${goApi.replace('  name: orders\n', `  name: orders\n  labels:\n${labels}\n`)}---\n${pythonAt50k}`;
    const lineOfSecond = text.split('\n').indexOf('---') + 1;
    expect(describeFindings((await lintText(text)).findings)).toEqual([
      `1:1-1:11 manifest-syntax ${aliasMessage}`,
      `${lineOfSecond + 6}:13-${lineOfSecond + 6}:19 hot-path-throughput ${throughputMessage}`,
    ]);
  });

  it('accepts the few aliases a real manifest uses', async () => {
    const text = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: &name orders\nspec:\n  language: &lang go\n  workload: api\n  team:\n    languages: [*lang, python]\n';
    expect((await lintText(text)).findings).toEqual([]);
  });

  const depth = 100_000;
  const nests = 'the YAML nests deeper than 1,000 levels (a manifest needs a few)';
  it.each([
    ['flow sequences', `${'['.repeat(depth)}${']'.repeat(depth)}\n`, 1],
    ['flow mappings', `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`, 1],
    ['block sequences', `${'- '.repeat(depth)}x\n`, 1],
    ['block sequences under a key', `spec:\n  ${'- '.repeat(depth)}x\n`, 2],
  ])('reports %s nested 100,000 deep as manifest-syntax', { timeout: 60_000 }, async (_name, text, line) => {
    const { findings } = await lintText(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual(findings.map(() => `${line} manifest-syntax ${nests}`));
  });

  it('reports an unclosed deep flow sequence once per position, not hundreds of times', { timeout: 60_000 }, async () => {
    const { findings } = await lintText(`${'['.repeat(depth)}\n`);
    const distinct = new Set(describeFindings(findings));
    expect(findings.every((f) => f.ruleId === 'manifest-syntax')).toBe(true);
    expect(findings).toHaveLength(distinct.size);
  });

  const deepFlow = `${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const deepBlock = `${'- '.repeat(depth)}x\n`;
  const withoutColumns = (stdout: string) => [...new Set(stdout.trimEnd().split('\n').map((l) => l.replace(/col \d+/, 'col N')))];

  it('the CLI reports one file nested 100,000 deep within a 256 MB heap', { timeout: 60_000 }, () => {
    const root = makeWorkspace({ 'flow.service.yaml': deepFlow });
    const run = runCli(['--format', 'compact'], { cwd: root, env: { NODE_OPTIONS: '--max-old-space-size=256' } });
    expectExit(run, 1);
    expect(withoutColumns(run.stdout)).toEqual([`flow.service.yaml: line 1, col N, Error - ${nests} (manifest-syntax)`]);
  });

  it('the CLI reports two files nested 100,000 deep in one run', { timeout: 60_000 }, () => {
    const root = makeWorkspace({ 'block.service.yaml': deepBlock, 'flow.service.yaml': deepFlow });
    const run = runCli(['--format', 'compact'], { cwd: root });
    expectExit(run, 1);
    expect(withoutColumns(run.stdout)).toEqual([
      `block.service.yaml: line 1, col N, Error - ${nests} (manifest-syntax)`,
      `flow.service.yaml: line 1, col N, Error - ${nests} (manifest-syntax)`,
    ]);
  });

  it('a mapping of 100,000 keys (1.3 MB, under the size limit) is linted in linear time, not quadratic', { timeout: 60_000 }, () => {
    const keys = Array.from({ length: 100_000 }, (_, index) => `    key-${index}: value\n`).join('');
    const root = makeWorkspace({ 'labels.service.yaml': goApi.replace('  name: orders\n', `  name: orders\n  labels:\n${keys}`) });
    // A linear check of 100,000 keys takes well under a second; SIGKILL because svc-lint defers SIGTERM until lint() returns.
    const run = spawnSync(process.execPath, [builtBinary, '--format', 'compact'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    expect(run.error?.message ?? 'finished').toBe('finished');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('the CLI reports a file of nested brackets just under the default size limit within a 512 MB heap', { timeout: 90_000 }, () => {
    const root = makeWorkspace();
    const levels = Math.floor((9.5 * megabyte) / 2);
    writeFileSync(join(root, 'deep.service.yaml'), `${'['.repeat(levels)}${']'.repeat(levels)}\n`);
    const run = runCli(['--format', 'compact'], { cwd: root, env: { NODE_OPTIONS: '--max-old-space-size=512' } });
    expectExit(run, 1);
    expect(withoutColumns(run.stdout)).toEqual([`deep.service.yaml: line 1, col N, Error - ${nests} (manifest-syntax)`]);
  });
});
