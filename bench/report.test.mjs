import { describe, expect, it } from 'vitest';
import { median } from './measure.mjs';
import { evaluateTargets, formatReport, linearity, pairedRatio } from './report.mjs';
import { inlineLocalRefs } from './spectral/ruleset.mjs';

function sizeResult(size, edges, medians, svcLintRssMb = 100) {
  const tools = {};
  for (const [tool, medianMs] of Object.entries(medians)) tools[tool] = { medianMs, medianRssMb: tool === 'svcLint' ? svcLintRssMb : 50 };
  return { size, manifests: size, edges, tools };
}

const statusOf = (targets, name) => targets.find((entry) => entry.name.startsWith(name)).status;

describe('evaluateTargets', () => {
  it('passes a ratio exactly on the limit and misses one just above it', () => {
    const onLimit = evaluateTargets([sizeResult(1, 0, { floor: 100, svcLint: 150 })], null);
    const above = evaluateTargets([sizeResult(1, 0, { floor: 100, svcLint: 151 })], null);
    expect(statusOf(onLimit, '1 manifest:')).toBe('PASS');
    expect(statusOf(above, '1 manifest:')).toBe('MISS');
  });

  it('wants Spectral at least ten times slower at 1,000 and svc-lint under 150 MB at 10,000', () => {
    const sizes = [
      sizeResult(1000, 1500, { floor: 400, svcLint: 600, spectral: 5990 }),
      sizeResult(10000, 15000, { floor: 1600, svcLint: 3300 }, 151),
    ];
    const targets = evaluateTargets(sizes, null);
    expect(statusOf(targets, '1,000 manifests: svc-lint')).toBe('PASS');
    expect(statusOf(targets, '1,000 manifests: Spectral')).toBe('MISS');
    expect(statusOf(targets, '10,000 manifests: svc-lint / floor')).toBe('MISS');
    expect(statusOf(targets, '10,000 manifests: svc-lint peak RSS')).toBe('MISS');
  });

  it('wants a warm --cache under half the floor at 10,000, one file under a quarter, and ajv-cli slower at 10,000 and 50,000', () => {
    const sizes = [
      sizeResult(1000, 1500, { floor: 400, svcLint: 580 }),
      sizeResult(10000, 15000, { floor: 1600, svcLint: 2400, svcLintWarm: 800, ajv: 801 }),
      sizeResult(50000, 75000, { floor: 8000, svcLint: 11500, svcLintWarm: 4000, ajv: 3999 }, 250),
    ];
    const oneFile = [{ manifests: 10000, withCache: { medianMs: 401 } }];
    const targets = evaluateTargets(sizes, null, oneFile);
    expect(statusOf(targets, '10,000 manifests: svc-lint / floor')).toBe('PASS');
    expect(statusOf(targets, '50,000 manifests: svc-lint / floor,')).toBe('PASS');
    expect(statusOf(targets, '50,000 manifests: svc-lint / floor')).toBe('PASS');
    expect(statusOf(targets, '10,000 manifests: svc-lint warm')).toBe('PASS');
    expect(statusOf(targets, 'one file in 10,000')).toBe('MISS');
    expect(statusOf(targets, '10,000 manifests: ajv-cli')).toBe('PASS');
    expect(statusOf(targets, '50,000 manifests: ajv-cli')).toBe('MISS');
    expect(statusOf(targets, '50,000 manifests: svc-lint peak RSS')).toBe('PASS');
  });

  it('wants the ratio to the floor at 50,000 no worse than at 1,000', () => {
    const targets = evaluateTargets([sizeResult(1000, 1500, { floor: 400, svcLint: 560 }), sizeResult(50000, 75000, { floor: 8000, svcLint: 11300 })], null);
    expect(statusOf(targets, '50,000 manifests: svc-lint / floor, less')).toBe('MISS');
  });

  it('skips what was not measured instead of passing it', () => {
    const targets = evaluateTargets([sizeResult(1, 0, { floor: 100, svcLint: 120 })], null);
    expect(targets.map((entry) => entry.status)).toEqual(['PASS', ...Array(12).fill('SKIP')]);
  });
});

describe('pairedRatio', () => {
  const timed = (...wallMs) => ({ runs: wallMs.map((ms) => ({ wallMs: ms })), medianMs: median(wallMs) });

  it('takes the ratio round by round, so a slow minute of the machine does not count against one tool only', () => {
    // The floor's fast rounds are the first two, svc-lint's slow round is the second: the medians pair 450 with 100.
    expect(pairedRatio(timed(150, 450, 450), timed(100, 100, 300))).toBe(1.5);
  });

  it('pairs only the rounds both ran, and falls back to the medians for results without runs', () => {
    expect(pairedRatio(timed(300, 600), timed(100, 200, 900))).toBe(3);
    expect(pairedRatio({ medianMs: 500 }, { medianMs: 200 })).toBe(2.5);
    expect(pairedRatio(undefined, timed(100))).toBeNull();
  });

  it('decides the targets, and the one-file target against the floor timed in its own rounds', () => {
    const drifting = { ...sizeResult(10000, 15000, {}), tools: { floor: timed(1000, 1000, 3000), svcLint: timed(1400, 4200, 4200) } };
    expect(statusOf(evaluateTargets([drifting], null), '10,000 manifests: svc-lint / floor')).toBe('PASS');
    const oneFile = [{ manifests: 10000, floor: timed(2000, 4000, 4000), withCache: timed(480, 1000, 1040) }];
    const sizes = [{ ...sizeResult(10000, 15000, {}), tools: { floor: timed(1000, 1000, 1000) } }];
    expect(evaluateTargets(sizes, null, oneFile).find((entry) => entry.name.startsWith('one file')).value).toBe(0.25);
  });
});

describe('linearity', () => {
  it('compares 10,000 with 1,000 manifests with and without the 1-manifest startup time', () => {
    const summary = linearity([
      sizeResult(1, 0, { floor: 100, svcLint: 100 }),
      sizeResult(1000, 1500, { floor: 300, svcLint: 200 }),
      sizeResult(10000, 15300, { floor: 2100, svcLint: 1300 }),
    ]);
    expect(summary.manifestsRatio).toBe(10);
    expect(summary.edgesRatio).toBeCloseTo(10.2);
    expect(summary.tools.floor).toEqual({ timeRatio: 7, marginalRatio: 10 });
    expect(summary.tools.svcLint).toEqual({ timeRatio: 6.5, marginalRatio: 12 });
    expect(statusOf(evaluateTargets([], summary), 'svc-lint marginal')).toBe('PASS');
  });

  it('needs both 1,000 and 10,000', () => {
    expect(linearity([sizeResult(1000, 1500, { floor: 300 })])).toBeNull();
  });
});

describe('formatReport', () => {
  it('tells what one file costs in the largest workspace, without and with a warm cache', () => {
    const results = {
      sizes: [{ ...sizeResult(10000, 15000, { floor: 1400, svcLint: 2200 }), runs: { floor: 3, svcLint: 3 } }],
      linearity: null,
      oneFile: [{ manifests: 10000, withoutCache: { medianMs: 1900, medianRssMb: 130 }, withCache: { medianMs: 550, medianRssMb: 126 } }],
      targets: [],
      failures: [],
    };
    expect(formatReport(results)).toContain(
      'One file linted in the 10,000-manifest workspace (a hook on one staged file, an editor save): 1,900 ms, 130 MB without --cache, 550 ms, 126 MB with a warm --cache.',
    );
    const withFloor = { ...results, oneFile: [{ ...results.oneFile[0], floor: { medianMs: 2200 } }] };
    expect(formatReport(withFloor)).toContain('550 ms, 126 MB with a warm --cache (the floor in the same rounds: 2,200 ms; warm / floor 0.25x).');
  });
});

describe('median', () => {
  it('takes the middle value, averages the middle pair and ignores missing values', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([null, 5, null])).toBe(5);
    expect(median([null])).toBeNull();
  });
});

describe('inlineLocalRefs', () => {
  it('replaces local references by their targets and drops the definitions', () => {
    const schema = { definitions: { name: { type: 'string' } }, properties: { owner: { $ref: '#/definitions/name' } } };
    expect(inlineLocalRefs(schema)).toEqual({ properties: { owner: { type: 'string' } } });
  });

  it('refuses a schema that refers to itself', () => {
    const schema = { definitions: { node: { properties: { child: { $ref: '#/definitions/node' } } } }, $ref: '#/definitions/node' };
    expect(() => inlineLocalRefs(schema)).toThrow(/refers to itself/);
  });
});
