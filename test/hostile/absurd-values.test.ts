import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { describeFindings, lintText } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const withTraffic = (peakRps: string, p99Ms: string) =>
  manifest('orders', ['language: go', 'workload: api', 'traffic:', `  peakRps: ${peakRps}`, 'latency:', `  p99Ms: ${p99Ms}`]);

async function findingsOf(text: string): Promise<string[]> {
  return describeFindings((await lintText(text)).findings);
}

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('values of the wrong type or out of range are schema findings at the value', () => {
  it.each([
    ['strings for numbers', '"1000"', 'fast', ['9:14-9:20 manifest-schema spec.traffic.peakRps must be a number (got "1000")', '11:12-11:16 manifest-schema spec.latency.p99Ms must be a number (got "fast")']],
    ['.nan and .inf', '.nan', '.inf', ['9:14-9:18 manifest-schema spec.traffic.peakRps must be a number (got NaN)', '11:12-11:16 manifest-schema spec.latency.p99Ms must be a number (got Infinity)']],
    ['-.inf and .NaN', '-.inf', '.NaN', ['9:14-9:19 manifest-schema spec.traffic.peakRps must be a number (got -Infinity)', '11:12-11:16 manifest-schema spec.latency.p99Ms must be a number (got NaN)']],
    ['negative numbers', '-5', '-1', ['9:14-9:16 manifest-schema spec.traffic.peakRps must be >= 0 (got -5)', '11:12-11:14 manifest-schema spec.latency.p99Ms must be > 0 (got -1)']],
    ['huge numbers', '1e300', '123456789012345678901234567890', ['9:14-9:19 manifest-schema spec.traffic.peakRps must be <= 1000000000000 (got 1e+300)', '11:12-11:42 manifest-schema spec.latency.p99Ms must be <= 86400000 (got 1.2345678901234568e+29)']],
    ['a hexadecimal number beyond 2^64', '0x7fffffffffffffffffff', '5', ['9:14-9:36 manifest-schema spec.traffic.peakRps must be <= 1000000000000 (got 6.044629098073146e+23)']],
    ['a list and a mapping for numbers', '[1, 2]', '{ms: 5}', ['9:14-9:20 manifest-schema spec.traffic.peakRps must be a number (got a list)', '11:12-11:19 manifest-schema spec.latency.p99Ms must be a number (got a mapping)']],
  ])('%s', async (_name, peakRps, p99Ms, expected) => {
    expect(await findingsOf(withTraffic(peakRps, p99Ms))).toEqual(expected);
  });

  it('very long strings are reported at their whole range', async () => {
    const longName = 'a'.repeat(300_000);
    const text = `apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: ${longName}\n  description: ${'d'.repeat(300_000)}\nspec:\n  language: go\n  workload: api\n`;
    const findings = await findingsOf(text);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatch(/^4:9-4:300009 manifest-schema metadata\.name is not valid \(got "a{40}…"\): /);
    expect(findings[0]!.length).toBeLessThan(1000);
    expect(findings[1]).toBe('5:16-5:300016 manifest-schema metadata.description must be at most 4096 characters');
  });

  it('a language name of 200,000 characters is a schema finding', async () => {
    const findings = await findingsOf(manifest('orders', [`language: ${'x'.repeat(200_000)}`, 'workload: api']));
    expect(findings[0]).toBe('6:13-6:200013 manifest-schema spec.language must be at most 64 characters');
  });

  it('unknown keys at any level are reported at the key', async () => {
    const text = `${manifest('orders', ['language: go', 'workload: api', 'colour: blue', 'traffic:', '  peakRPS: 10'])}extra: 1\n`;
    expect(await findingsOf(text)).toEqual([
      '8:3-8:9 manifest-schema spec.colour is not a known property',
      '10:5-10:12 manifest-schema spec.traffic.peakRPS is not a known property (did you mean peakRps?)',
      '11:1-11:6 manifest-schema extra is not a known property',
    ]);
  });

  it('a key written twice, even deep inside, is a syntax finding at the second one', async () => {
    const text = manifest('orders', ['language: go', 'workload: api', 'traffic:', '  peakRps: 1', '  peakRps: 2']);
    expect(await findingsOf(text)).toEqual([
      '10:5-10:12 manifest-syntax the key "peakRps" appears twice in one mapping',
    ]);
  });
});

describe('__proto__ and constructor keys', () => {
  const hostile = [
    'apiVersion: svc-lint/v1',
    'kind: Service',
    'metadata:',
    '  name: orders',
    '  __proto__:',
    '    polluted: yes',
    '  labels:',
    '    __proto__: {polluted: yes}',
    '    constructor: {prototype: {polluted: yes}}',
    'spec:',
    '  language: go',
    '  workload: api',
    '  constructor:',
    '    prototype:',
    '      polluted: 1',
    '__proto__: {polluted: 1, toString: 1}',
    '',
  ].join('\n');

  it('are unknown properties where the schema is closed, and pollute nothing', async () => {
    const before = prototypeSnapshot();
    expect(await findingsOf(hostile)).toEqual([
      '5:3-5:12 manifest-schema metadata.__proto__ is not a known property',
      '13:3-13:14 manifest-schema spec.constructor is not a known property',
      '16:1-16:10 manifest-schema __proto__ is not a known property',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('pollute nothing through a merge key or an alias either', async () => {
    const text = 'base: &b {polluted: yes}\napiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: orders\n  labels:\n    <<: *b\n    __proto__: *b\nspec:\n  language: go\n  workload: api\n';
    const before = prototypeSnapshot();
    expect(await findingsOf(text)).toEqual(['1:1-1:5 manifest-schema base is not a known property']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('as names of languages and services are ordinary unknown names', async () => {
    const svc = (name: string, language: string, extra: string[] = []) =>
      manifest(name, [`language: ${language}`, 'workload: api', ...extra]);
    const text = [
      svc('constructor', 'constructor', ['team:', '  languages: [__proto__, toString]', 'dependsOn:', '  - service: hasownproperty', '  - service: __proto__']),
      svc('tostring', '__proto__'),
    ].join('---\n');
    const before = prototypeSnapshot();
    expect(await findingsOf(text)).toEqual([
      '6:13-6:24 team-expertise constructor is written in constructor, which its team does not list among its languages (__proto__, tostring)',
      '6:13-6:24 unknown-language constructor is written in constructor, which has no language profile: the language rules skip it',
      '11:7-11:30 unknown-dependency constructor depends on "hasownproperty", but no manifest in the workspace declares a service with that name',
      '12:7-12:25 unknown-dependency constructor depends on "__proto__", but no manifest in the workspace declares a service with that name',
      '19:13-19:22 unknown-language tostring is written in __proto__, which has no language profile: the language rules skip it',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toEqual(before);
  });
});

describe('every figure is finite and capped, Backstage annotations like native fields', { timeout: 60_000 }, () => {
  // A Backstage peak of "1" and 400 zeros read as Infinity ("≈Infinity Python instances"); through an rpsShare of 0 it
  // became NaN req/s, and JSON wrote null where the message said NaN.
  const files = {
    'catalog-info.yaml': [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: storefront',
      '  annotations:',
      '    svc-lint.dev/language: python',
      '    svc-lint.dev/workload: api',
      `    svc-lint.dev/peak-rps: "1${'0'.repeat(400)}"`,
      'spec:',
      '  type: service',
      '  owner: team-shop',
      '  lifecycle: production',
      '  dependsOn: [component:gateway]',
      '',
    ].join('\n'),
    'gateway/service.yaml': manifest('gateway', ['language: python', 'workload: api', 'dependsOn:', '  - service: ledger', '    rpsShare: 0']),
    'ledger/service.yaml': manifest('ledger', ['language: python', 'workload: api']),
  };

  it('the annotation is a schema finding at its value, and no output shows Infinity, NaN or a null figure', () => {
    const root = makeWorkspace(files);
    const json = runCli(['--format', 'json'], { cwd: root });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { file: string; line: number; message: string; data: Record<string, unknown> }[] };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      `catalog-info.yaml:8 metadata.annotations.svc-lint.dev/peak-rps must be at most 1,000,000,000,000, got "1${'0'.repeat(400)}"`,
    ]);
    // JSON writes a non-finite number as null: no finding's data may hold one.
    for (const finding of report.findings) expect(Object.values(finding.data)).not.toContain(null);
    for (const args of [['--format', 'json'], ['--format', 'stylish'], ['--format', 'markdown'], ['report', '--format', 'json'], ['report'], ['graph']]) {
      const run = runCli(args, { cwd: root });
      expect(run.stdout, args.join(' ')).not.toMatch(/Infinity|NaN|∞/);
    }
  });
});
