// Pure functions that turn measurements into targets, a linearity summary and printed tables.

export const TOOLS = ['floor', 'svcLint', 'spectral'];
export const TOOL_LABELS = { floor: 'floor', svcLint: 'svc-lint', spectral: 'Spectral' };

function ratio(numerator, denominator) {
  return typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? numerator / denominator : null;
}

export function sizeRatios(sizeResult) {
  const medianOf = (tool) => sizeResult.tools[tool]?.medianMs ?? null;
  return {
    svcLintOverFloor: ratio(medianOf('svcLint'), medianOf('floor')),
    spectralOverSvcLint: ratio(medianOf('spectral'), medianOf('svcLint')),
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

export function evaluateTargets(sizeResults, linearitySummary) {
  const bySize = new Map(sizeResults.map((result) => [result.size, result]));
  const ratioAt = (size, key) => (bySize.has(size) ? sizeRatios(bySize.get(size))[key] : null);
  const marginal = linearitySummary?.tools.svcLint?.marginalRatio ?? null;
  const expectedGrowth = Math.max(linearitySummary?.manifestsRatio ?? 10, linearitySummary?.edgesRatio ?? 0);
  return [
    target('1 manifest: svc-lint / floor', ratioAt(1, 'svcLintOverFloor'), '<= 1.5', (value) => value <= 1.5, 'x'),
    target('1,000 manifests: svc-lint / floor', ratioAt(1000, 'svcLintOverFloor'), '<= 2', (value) => value <= 2, 'x'),
    target('10,000 manifests: svc-lint / floor', ratioAt(10000, 'svcLintOverFloor'), '<= 2', (value) => value <= 2, 'x'),
    target('1,000 manifests: Spectral / svc-lint', ratioAt(1000, 'spectralOverSvcLint'), '>= 10', (value) => value >= 10, 'x'),
    target('10,000 manifests: svc-lint peak RSS', bySize.get(10000)?.tools.svcLint?.medianRssMb ?? null, '<= 150 MB', (value) => value <= 150, ' MB'),
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
  const timeRows = results.sizes.map((sizeResult) => {
    const ratios = sizeRatios(sizeResult);
    return [
      formatNumber(sizeResult.manifests),
      formatNumber(sizeResult.edges),
      ...TOOLS.map((tool) => formatNumber(sizeResult.tools[tool]?.medianMs)),
      ratios.svcLintOverFloor === null ? '-' : `${formatNumber(ratios.svcLintOverFloor, 2)}x`,
      ratios.spectralOverSvcLint === null ? '-' : `${formatNumber(ratios.spectralOverSvcLint, 1)}x`,
      ...TOOLS.map((tool) => formatNumber(sizeResult.tools[tool]?.medianRssMb)),
    ];
  });
  const lines = [
    'Medians of whole-process wall time (ms) and peak RSS (MB).',
    `Timed runs: ${results.sizes.map(describeRuns).join('; ')}.`,
    '',
    table(
      ['manifests', 'edges', 'floor ms', 'svc-lint ms', 'Spectral ms', 'svc-lint/floor', 'Spectral/svc-lint', 'floor MB', 'svc-lint MB', 'Spectral MB'],
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
  const oneFile = results.oneFile;
  if (oneFile) {
    const describe = ({ medianMs, medianRssMb }) => `${formatNumber(medianMs)} ms, ${formatNumber(medianRssMb)} MB`;
    lines.push(
      '',
      `One file linted in the ${formatNumber(oneFile.manifests)}-manifest workspace (a hook on one staged file, an editor save): ` +
        `${describe(oneFile.withoutCache)} without --cache, ${describe(oneFile.withCache)} with a warm --cache.`,
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
