// Pure functions that turn measurements into targets, a linearity summary and printed tables.
import { median } from './measure.mjs';

export const TOOLS = ['floor', 'svcLint', 'svcLintOneThread', 'svcLintWarm', 'ajv', 'spectral'];
export const TOOL_LABELS = {
  floor: 'floor',
  svcLint: 'svc-lint',
  svcLintOneThread: 'svc-lint --concurrency off',
  svcLintWarm: 'svc-lint warm --cache',
  ajv: 'ajv-cli',
  spectral: 'Spectral',
};

function ratio(numerator, denominator) {
  return typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? numerator / denominator : null;
}

/**
 * How many times as long one measurement took as another: the median of their ratios round by round (a round's runs
 * follow one another, so load from elsewhere on the machine weighs on both alike), or the ratio of their medians for
 * results that keep no runs. On a machine whose speed drifts during a bench, the ratio of medians can pair a slow
 * minute of one tool with a fast minute of the other.
 */
export function pairedRatio(numerator, denominator) {
  const runsOf = (measured) => (Array.isArray(measured?.runs) ? measured.runs : []);
  const [over, under] = [runsOf(numerator), runsOf(denominator)];
  const rounds = Array.from({ length: Math.min(over.length, under.length) }, (_, round) => ratio(over[round].wallMs, under[round].wallMs));
  return median(rounds) ?? ratio(numerator?.medianMs ?? null, denominator?.medianMs ?? null);
}

export function sizeRatios(sizeResult) {
  const of = (numerator, denominator) => pairedRatio(sizeResult.tools[numerator], sizeResult.tools[denominator]);
  return {
    svcLintOverFloor: of('svcLint', 'floor'),
    oneThreadOverFloor: of('svcLintOneThread', 'floor'),
    warmOverFloor: of('svcLintWarm', 'floor'),
    ajvOverSvcLint: of('ajv', 'svcLint'),
    ajvOverWarm: of('ajv', 'svcLintWarm'),
    spectralOverSvcLint: of('spectral', 'svcLint'),
  };
}

/**
 * Time for 10,000 manifests against time for 1,000. The raw ratio is flattered by the fixed startup
 * cost, so the marginal ratio subtracts the 1-manifest time from both: linear work gives about 10.
 */
export function linearity(sizeResults) {
  const bySize = new Map(sizeResults.map((result) => [result.size, result]));
  const small = bySize.get(1000);
  const large = bySize.get(10000);
  if (!small || !large) return null;
  const single = bySize.get(1);
  const tools = {};
  for (const tool of TOOLS) {
    const smallMs = small.tools[tool]?.medianMs;
    const largeMs = large.tools[tool]?.medianMs;
    if (typeof smallMs !== 'number' || typeof largeMs !== 'number') continue;
    const startupMs = single?.tools[tool]?.medianMs;
    tools[tool] = {
      timeRatio: largeMs / smallMs,
      marginalRatio: typeof startupMs === 'number' ? ratio(largeMs - startupMs, smallMs - startupMs) : null,
    };
  }
  return {
    manifestsRatio: large.manifests / small.manifests,
    edgesRatio: ratio(large.edges, small.edges),
    edges: { 1000: small.edges, 10000: large.edges },
    tools,
  };
}

function target(name, value, limit, passes, unit = '') {
  if (value === null || value === undefined) return { name, limit, value: null, status: 'SKIP' };
  return { name, limit, value, unit, status: passes(value) ? 'PASS' : 'MISS' };
}

/** The one-file measurement in the workspace of `manifests` (older results hold a single one, not a list). */
function oneFileAt(oneFile, manifests) {
  return [oneFile ?? []].flat().find((entry) => entry.manifests === manifests);
}

export function evaluateTargets(sizeResults, linearitySummary, oneFile) {
  const bySize = new Map(sizeResults.map((result) => [result.size, result]));
  const ratioAt = (size, key) => (bySize.has(size) ? sizeRatios(bySize.get(size))[key] : null);
  const rssAt = (size) => bySize.get(size)?.tools.svcLint?.medianRssMb ?? null;
  const marginal = linearitySummary?.tools.svcLint?.marginalRatio ?? null;
  const expectedGrowth = Math.max(linearitySummary?.manifestsRatio ?? 10, linearitySummary?.edgesRatio ?? 0);
  // Against the floor timed in the same rounds as the one file; results without one, against the 10,000 size's floor.
  const oneFileAt10000 = oneFileAt(oneFile, 10000);
  const oneFileWarm = oneFileAt10000?.floor
    ? pairedRatio(oneFileAt10000.withCache, oneFileAt10000.floor)
    : ratio(oneFileAt10000?.withCache?.medianMs ?? null, bySize.get(10000)?.tools.floor?.medianMs ?? null);
  const at1000 = ratioAt(1000, 'svcLintOverFloor');
  const at50000 = ratioAt(50000, 'svcLintOverFloor');
  return [
    target('1 manifest: svc-lint / floor', ratioAt(1, 'svcLintOverFloor'), '<= 1.5', (value) => value <= 1.5, 'x'),
    target('1,000 manifests: svc-lint / floor', at1000, '<= 2', (value) => value <= 2, 'x'),
    target('10,000 manifests: svc-lint / floor', ratioAt(10000, 'svcLintOverFloor'), '<= 1.5', (value) => value <= 1.5, 'x'),
    target('50,000 manifests: svc-lint / floor', at50000, '<= 1.5', (value) => value <= 1.5, 'x'),
    target(
      '50,000 manifests: svc-lint / floor, less its 1,000-manifest ratio',
      at1000 === null || at50000 === null ? null : at50000 - at1000,
      '<= 0',
      (value) => value <= 0,
      'x',
    ),
    target('10,000 manifests: svc-lint warm --cache / floor', ratioAt(10000, 'warmOverFloor'), '<= 0.5', (value) => value <= 0.5, 'x'),
    target('one file in 10,000, warm --cache / floor at 10,000', oneFileWarm, '<= 0.25', (value) => value <= 0.25, 'x'),
    target('10,000 manifests: ajv-cli / svc-lint warm --cache', ratioAt(10000, 'ajvOverWarm'), '> 1', (value) => value > 1, 'x'),
    target('50,000 manifests: ajv-cli / svc-lint warm --cache', ratioAt(50000, 'ajvOverWarm'), '> 1', (value) => value > 1, 'x'),
    target('1,000 manifests: Spectral / svc-lint', ratioAt(1000, 'spectralOverSvcLint'), '>= 10', (value) => value >= 10, 'x'),
    target('10,000 manifests: svc-lint peak RSS', rssAt(10000), '<= 150 MB', (value) => value <= 150, ' MB'),
    target('50,000 manifests: svc-lint peak RSS', rssAt(50000), '<= 250 MB', (value) => value <= 250, ' MB'),
    // Marginal time may grow a quarter faster than the input before we call it non-linear: noise on a shared machine.
    target('svc-lint marginal time 10,000 vs 1,000', marginal, `<= ${(expectedGrowth * 1.25).toFixed(1)}`, (value) => value <= expectedGrowth * 1.25, 'x'),
  ];
}

function formatNumber(value, digits = 0) {
  return typeof value === 'number' ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-';
}

function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function describeSize(manifests) {
  return `${formatNumber(manifests)} manifest${manifests === 1 ? '' : 's'}`;
}

function describeRuns(sizeResult) {
  const perTool = TOOLS.filter((tool) => sizeResult.runs[tool] !== undefined).map((tool) => `${TOOL_LABELS[tool]} ${sizeResult.runs[tool]}`);
  return `${describeSize(sizeResult.manifests)}: ${perTool.join(', ')}`;
}

export function formatReport(results) {
  const ratioText = (value, digits) => (value === null ? '-' : `${formatNumber(value, digits)}x`);
  const timeRows = results.sizes.map((sizeResult) => {
    const ratios = sizeRatios(sizeResult);
    return [
      formatNumber(sizeResult.manifests),
      formatNumber(sizeResult.edges),
      ...TOOLS.map((tool) => formatNumber(sizeResult.tools[tool]?.medianMs)),
      ratioText(ratios.svcLintOverFloor, 2),
      ratioText(ratios.oneThreadOverFloor, 2),
      ratioText(ratios.warmOverFloor, 2),
      ratioText(ratios.ajvOverSvcLint, 2),
      ratioText(ratios.spectralOverSvcLint, 1),
      ...TOOLS.map((tool) => formatNumber(sizeResult.tools[tool]?.medianRssMb)),
    ];
  });
  const lines = [
    'Medians of whole-process wall time (ms) and peak RSS (MB); each ratio is the median of the ratios of the runs timed in the same round.',
    `Timed runs: ${results.sizes.map(describeRuns).join('; ')}.`,
    '',
    table(
      [
        'manifests',
        'edges',
        ...TOOLS.map((tool) => `${TOOL_LABELS[tool]} ms`),
        'svc-lint/floor',
        'one thread/floor',
        'warm/floor',
        'ajv-cli/svc-lint',
        'Spectral/svc-lint',
        ...TOOLS.map((tool) => `${TOOL_LABELS[tool]} MB`),
      ],
      timeRows,
    ),
  ];
  const linear = results.linearity;
  if (linear) {
    const perTool = TOOLS.filter((tool) => linear.tools[tool]).map((tool) => {
      const { timeRatio, marginalRatio } = linear.tools[tool];
      return `${TOOL_LABELS[tool]} x${formatNumber(timeRatio, 1)} (x${formatNumber(marginalRatio, 1)} without startup)`;
    });
    lines.push('', `Linearity, 10,000 vs 1,000: manifests x${formatNumber(linear.manifestsRatio, 1)}, edges x${formatNumber(linear.edgesRatio, 1)} (${formatNumber(linear.edges[1000])} -> ${formatNumber(linear.edges[10000])}); time: ${perTool.join(', ')}.`);
  }
  const describe = ({ medianMs, medianRssMb }) => `${formatNumber(medianMs)} ms, ${formatNumber(medianRssMb)} MB`;
  for (const oneFile of [results.oneFile ?? []].flat()) {
    const floor = oneFile.floor
      ? ` (the floor in the same rounds: ${formatNumber(oneFile.floor.medianMs)} ms; warm / floor ${ratioText(pairedRatio(oneFile.withCache, oneFile.floor), 2)})`
      : '';
    lines.push(
      '',
      `One file linted in the ${formatNumber(oneFile.manifests)}-manifest workspace (a hook on one staged file, an editor save): ` +
        `${describe(oneFile.withoutCache)} without --cache, ${describe(oneFile.withCache)} with a warm --cache${floor}.`,
    );
  }
  lines.push('', 'Targets:');
  for (const entry of results.targets) {
    const value = entry.value === null ? 'not measured' : `${formatNumber(entry.value, 2)}${entry.unit}`;
    lines.push(`  ${entry.status.padEnd(4)}  ${entry.name}: ${value} (target ${entry.limit})`);
  }
  if (results.failures.length > 0) {
    lines.push('', 'Failures:');
    for (const failure of results.failures) lines.push(`  ${failure}`);
  }
  return lines.join('\n');
}
