#!/usr/bin/env node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate.mjs';
import { formatHostile, measureHostile } from './hostile.mjs';
import { formatLsp, runLsp } from './lsp.mjs';
import { canMeasureRss, median, runNode } from './measure.mjs';
import { TOOL_LABELS, describeSize, evaluateTargets, formatReport, linearity } from './report.mjs';
import { HOT_PATH_RULE, SCHEMA_RULE, checkSpectralRuleset, parseSpectralRun, spectralArgs } from './spectral/check.mjs';
import { SPECTRAL_VERSION, ensureSpectral } from './spectral/install.mjs';
import { manifestSchemaPath, writeSpectralRuleset } from './spectral/ruleset.mjs';
import { AJV_CLI_VERSION, ajvArgs, checkAjvRun, ensureAjvCli } from './ajv/install.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const projectDir = resolve(benchDir, '..');

const USAGE = `Usage: node bench/run.mjs [options]

  --group NAME             sizes (default), hostile (the inputs of issue 14, one folder each), lsp (the language
                           server: didChange to publishDiagnostics, at 1,000 and 10,000 manifests) or all
  --sizes 1,1000,10000,50000  workspace sizes in manifests
  --runs N                 timed runs per tool and size (default 5; 3 from 10,000 and for Spectral from 1,000;
                           3 per hostile input)
  --spectral-sizes LIST    sizes Spectral runs at: a list, "all" or "none" (default 1,1000: it needs minutes at 10,000)
  --no-spectral            same as --spectral-sizes none
  --no-ajv                 leave out ajv-cli (schema validation only), which otherwise runs at every size
  --seed N                 generator seed (default 1)
  --svc-lint PATH          script run as svc-lint (default dist/bin.js)
  --out PATH               where to write the results (default bench/results.json; a group run replaces only
                           its own part of the file)
  --keep                   keep the generated workspaces`;

const OPTION_SPEC = {
  group: { type: 'string', default: 'sizes' },
  sizes: { type: 'string', default: '1,1000,10000,50000' },
  runs: { type: 'string' },
  'spectral-sizes': { type: 'string', default: '1,1000' },
  'no-spectral': { type: 'boolean', default: false },
  'no-ajv': { type: 'boolean', default: false },
  seed: { type: 'string', default: '1' },
  'svc-lint': { type: 'string', default: join(projectDir, 'dist', 'bin.js') },
  out: { type: 'string', default: join(benchDir, 'results.json') },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
};

function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTION_SPEC }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  const sizes = parseSizeList(values.sizes, '--sizes');
  let spectralSizes;
  if (values['no-spectral'] || values['spectral-sizes'] === 'none') spectralSizes = [];
  else if (values['spectral-sizes'] === 'all') spectralSizes = sizes;
  else spectralSizes = parseSizeList(values['spectral-sizes'], '--spectral-sizes');
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new UsageError(`--runs must be a positive integer, got "${values.runs}".`);
  if (!['sizes', 'hostile', 'lsp', 'all'].includes(values.group)) throw new UsageError(`--group takes sizes, hostile, lsp or all, got "${values.group}".`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got "${values.seed}".`);
  return {
    help: values.help,
    groups: values.group === 'all' ? ['sizes', 'hostile', 'lsp'] : [values.group],
    sizes,
    // The language server is measured where its goals are: in workspaces of 1,000 to 10,000 manifests.
    lspSizes: sizes.some((size) => size >= 1000 && size <= 10000) ? sizes.filter((size) => size >= 1000 && size <= 10000) : sizes,
    runs,
    spectralSizes: spectralSizes.filter((size) => sizes.includes(size)),
    ajv: !values['no-ajv'],
    seed,
    svcLintScript: resolve(values['svc-lint']),
    outPath: resolve(values.out),
    keep: values.keep,
  };
}

class UsageError extends Error {}

function parseSizeList(text, flag) {
  const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new UsageError(`${flag} takes positive integers separated by commas, got "${text}".`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function runsFor(tool, size, options) {
  if (options.runs !== undefined) return options.runs;
  // Five rounds where a round takes seconds: with three, two slow minutes of a shared machine set the median.
  if (size > 10000) return 3;
  return tool === 'spectral' && size >= 1000 ? 3 : 5;
}

function machineInfo() {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model ?? 'unknown',
    cpuCount: processors.length,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMbAtStart: Math.round(freemem() / 2 ** 20),
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
  };
}

/** Each tool's command line, and a check that its run did the work (a fast wrong answer is no result). */
function describeTools(options, spectral, ajv, workRoot) {
  const svcLintVerify = (run, workspace) => {
    // 1 means findings were reported, which the generated workspaces contain; 2 and up are failures.
    if (run.exitCode !== 0 && run.exitCode !== 1) return `exit ${run.exitCode ?? run.signal}: ${run.stderr.trim().slice(0, 500)}`;
    if (run.stderr.trim() !== '') return `printed on stderr: ${run.stderr.trim().slice(0, 500)}`;
    let report;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      return `--format json did not print JSON: ${run.stdout.slice(0, 200)}`;
    }
    if (!Array.isArray(report.findings)) return null;
    const hotPath = report.findings.filter((finding) => finding.ruleId === HOT_PATH_RULE).length;
    return hotPath === workspace.hotPathThroughputViolations
      ? null
      : `${HOT_PATH_RULE}: ${hotPath} findings, expected ${workspace.hotPathThroughputViolations} (the Spectral ruleset must check what svc-lint checks)`;
  };
  return {
    floor: {
      args: (workspace) => [join(benchDir, 'floor.mjs'), workspace.dir],
      verify(run, workspace) {
        if (run.exitCode !== 0) return `exit ${run.exitCode ?? run.signal}: ${run.stderr.trim().slice(0, 500)}`;
        const { files } = JSON.parse(run.stdout);
        return files === workspace.manifests ? null : `found ${files} files, expected ${workspace.manifests}`;
      },
    },
    svcLint: {
      args: (workspace) => [options.svcLintScript, '--format', 'json', workspace.dir],
      verify: svcLintVerify,
    },
    // The same run on one thread: what the reading threads (--concurrency auto) save, and what a busy machine gets.
    svcLintOneThread: {
      args: (workspace) => [options.svcLintScript, '--format', 'json', '--concurrency', 'off', workspace.dir],
      verify: svcLintVerify,
    },
    // The same run with a warm --cache (filled by the untimed runs): nothing changed, nothing is parsed.
    svcLintWarm: {
      args: (workspace) => [options.svcLintScript, '--format', 'json', '--cache', '--cache-location', join(workRoot, `full-${workspace.manifests}.cache`), workspace.dir],
      verify: svcLintVerify,
    },
    ajv: {
      args: (workspace) => ajvArgs(ajv.bin, ajv.schemaPath, workspace.dir),
      verify: (run, workspace) => checkAjvRun(run, workspace.manifests),
    },
    spectral: {
      args: (workspace) => spectralArgs(spectral.bin, spectral.rulesetPath, workspace.dir),
      verify(run, workspace) {
        const { countsByRule } = parseSpectralRun(run);
        const hotPath = countsByRule[HOT_PATH_RULE] ?? 0;
        const schema = countsByRule[SCHEMA_RULE] ?? 0;
        if (hotPath !== workspace.hotPathThroughputViolations) return `${HOT_PATH_RULE}: ${hotPath} findings, expected ${workspace.hotPathThroughputViolations}`;
        return schema === 0 ? null : `${SCHEMA_RULE}: ${schema} findings on valid manifests`;
      },
    },
  };
}

async function measureSize(size, options, tools, workRoot, failures) {
  const workspace = generateWorkspace(join(workRoot, `workspace-${size}`), size, options.seed);
  const toolNames = ['floor', 'svcLint', 'svcLintOneThread', 'svcLintWarm', ...(options.ajv ? ['ajv'] : []), ...(options.spectralSizes.includes(size) ? ['spectral'] : [])];
  const runs = Object.fromEntries(toolNames.map((tool) => [tool, []]));
  const failed = new Set();

  const runOnce = async (tool) => {
    const run = await runNode(tools[tool].args(workspace), { cwd: workspace.dir });
    let problem;
    try {
      problem = tools[tool].verify(run, workspace);
    } catch (error) {
      problem = error.message;
    }
    if (problem) {
      failed.add(tool);
      failures.push(`${TOOL_LABELS[tool]} at ${describeSize(size)}: ${problem}`);
    }
    return run;
  };

  // One untimed run each to warm the file cache and the module cache; Spectral was warmed by the ruleset check. The
  // warm --cache run gets two: the first fills the cache, the second settles the files written within the last
  // seconds, which the cache also compares by content until they are older.
  for (const tool of ['floor', 'svcLint', 'svcLintOneThread', 'svcLintWarm', 'svcLintWarm', ...(options.ajv ? ['ajv'] : [])]) await runOnce(tool);
  const mostRuns = Math.max(...toolNames.map((tool) => runsFor(tool, size, options)));
  // Interleaved, so a burst of load from elsewhere on the machine hits every tool alike.
  for (let round = 0; round < mostRuns; round++) {
    for (const tool of toolNames) {
      if (failed.has(tool) || round >= runsFor(tool, size, options)) continue;
      const run = await runOnce(tool);
      if (!failed.has(tool)) runs[tool].push(timedRun(run));
    }
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  const toolResults = {};
  for (const tool of toolNames) {
    if (failed.has(tool)) continue;
    toolResults[tool] = withMedians(runs[tool]);
  }
  return {
    size,
    manifests: workspace.manifests,
    edges: workspace.edges,
    hotPathThroughputViolations: workspace.hotPathThroughputViolations,
    runs: Object.fromEntries(toolNames.map((tool) => [tool, runsFor(tool, size, options)])),
    tools: toolResults,
  };
}

/**
 * One manifest linted inside the largest workspace, which is made a repository so the graph rules read all of it,
 * without and with a warm --cache, beside the floor of that workspace. The file does not change between runs, so the
 * warm runs take the cache's judgment (a file just edited, as a hook lints it, is not measured here).
 */
/** Rounds of the one-file measurement: a warm run takes under a second, so a slow minute of the machine is one round of five. */
const oneFileRounds = 5;

async function measureOneFile(workspaceDir, manifests, options, floorArgs, failures) {
  mkdirSync(join(workspaceDir, '.git'), { recursive: true });
  const file = join('services', readdirSync(join(workspaceDir, 'services')).sort()[0], 'service.yaml');
  const variants = { withoutCache: [], withCache: ['--cache', '--cache-location', join(workspaceDir, '..', `one-file-${manifests}.cache`)] };
  const argsOf = (extra) => [options.svcLintScript, '--format', 'json', file, ...extra];
  // Untimed: the first run fills the cache; a second settles the entries the cache still compares by content.
  await runNode(argsOf(variants.withoutCache), { cwd: workspaceDir });
  for (let warmUp = 0; warmUp < 2; warmUp++) await runNode(argsOf(variants.withCache), { cwd: workspaceDir });
  // The floor of the same workspace runs in every round, so that the ratio compares runs made a few seconds apart.
  const runs = { floor: [], withoutCache: [], withCache: [] };
  for (let round = 0; round < oneFileRounds; round++) {
    runs.floor.push(await runNode(floorArgs, { cwd: workspaceDir }));
    for (const [variant, extra] of Object.entries(variants)) runs[variant].push(await runNode(argsOf(extra), { cwd: workspaceDir }));
  }
  const expected = runs.withoutCache[0].stdout;
  for (const variant of Object.keys(variants)) {
    const outputs = new Set(runs[variant].map((run) => run.stdout));
    if (runs[variant].some((run) => run.exitCode > 1) || outputs.size !== 1 || !outputs.has(expected)) {
      failures.push(`one file ${variant}: a run failed or its report differs from the run without --cache`);
    }
  }
  if (runs.floor.some((run) => run.exitCode !== 0)) failures.push('one file: the floor failed in the workspace');
  const summary = (measured) => withMedians(measured.map(timedRun));
  return { manifests, file, floor: summary(runs.floor), withoutCache: summary(runs.withoutCache), withCache: summary(runs.withCache) };
}

/** What results keep of a run: its time, peak RSS and exit code, not its output. */
function timedRun(run) {
  return { wallMs: round3(run.wallMs), rssMb: run.rssMb === null ? null : round3(run.rssMb), exitCode: run.exitCode };
}

/** Runs as results keep them, with their medians. */
function withMedians(runs) {
  return { runs, medianMs: round3(median(runs.map((run) => run.wallMs))), medianRssMb: round3(median(runs.map((run) => run.rssMb))) };
}

function round3(value) {
  return typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(options.svcLintScript)) {
    console.error(`${options.svcLintScript} does not exist: run "npm run build" first (npm run bench does).`);
    return 2;
  }
  if (!canMeasureRss) console.error('/usr/bin/time is missing: peak RSS will not be measured.');

  const workRoot = mkdtempSync(join(tmpdir(), 'svc-lint-bench-'));
  try {
    const previous = readPreviousResults(options.outPath);
    let results = previous;
    const printed = [];
    let failed = false;
    if (options.groups.includes('sizes')) {
      const sizesResults = await runSizes(options, workRoot);
      results = { ...sizesResults, ...(previous.hostile && { hostile: previous.hostile }), ...(previous.lsp && { lsp: previous.lsp }) };
      printed.push(formatReport(sizesResults));
      failed ||= sizesResults.failures.length > 0;
    }
    if (options.groups.includes('hostile')) {
      const hostile = await runHostile(options, workRoot);
      results = { ...results, hostile };
      printed.push(`Hostile inputs (median of up to ${hostile.runs} runs):\n\n${formatHostile(hostile.cases)}`);
      if (hostile.failures.length > 0) printed.push(`Failures:\n${hostile.failures.map((failure) => `  ${failure}`).join('\n')}`);
      failed ||= hostile.failures.length > 0;
    }
    if (options.groups.includes('lsp')) {
      const lsp = await runLsp({ ...options, sizes: options.lspSizes }, workRoot);
      results = { ...results, lsp };
      printed.push(`Language server, didChange to publishDiagnostics:\n\n${formatLsp(lsp)}`);
    }
    mkdirSync(dirname(options.outPath), { recursive: true });
    writeFileSync(options.outPath, JSON.stringify(results, null, 2) + '\n');
    console.log(printed.join('\n\n'));
    console.log(`\nWritten to ${relativeToProject(options.outPath)}.`);
    return failed ? 1 : 0;
  } finally {
    if (options.keep) console.error(`Workspaces kept in ${workRoot}`);
    else rmSync(workRoot, { recursive: true, force: true });
  }
}

/** The results file as it is, so that a run of one group keeps the other group's results. */
function readPreviousResults(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

async function runHostile(options, workRoot) {
  const startedAt = new Date();
  const machine = machineInfo();
  const failures = [];
  const runs = options.runs ?? 3;
  const cases = await measureHostile(options.svcLintScript, workRoot, runs, failures);
  return {
    date: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((load) => Math.round(load * 100) / 100) },
    svcLintCommand: `node ${relativeToProject(options.svcLintScript)} --format json --output-file <file> (in the input's folder)`,
    runs,
    cases,
    failures,
  };
}

async function runSizes(options, workRoot) {
  const startedAt = new Date();
  const machine = machineInfo();
  const failures = [];
  let spectral = null;
  if (options.spectralSizes.length > 0) {
    const bin = ensureSpectral();
    const { rulesetPath, schemaPath } = writeSpectralRuleset(workRoot);
    process.stderr.write('Checking that the Spectral ruleset reports the planted violations... ');
    const check = await checkSpectralRuleset(bin, rulesetPath, join(workRoot, 'spectral-check'));
    process.stderr.write(`ok (${JSON.stringify(check.countsByRule)})\n`);
    spectral = { bin, rulesetPath, schemaPath, check };
  }
  const ajv = options.ajv ? { bin: ensureAjvCli(), schemaPath: manifestSchemaPath() } : null;
  const tools = describeTools(options, spectral, ajv, workRoot);
  const sizes = [];
  for (const size of options.sizes) {
    process.stderr.write(`${describeSize(size)} `);
    sizes.push(await measureSize(size, options, tools, workRoot, failures));
  }

  // One file in the 10,000-manifest workspace (the targets' size) and in the largest one.
  const oneFileSizes = sizes.filter((result) => result.size === 10000 || result === sizes.at(-1));
  const oneFile = [];
  for (const result of oneFileSizes) {
    process.stderr.write(`one file in ${describeSize(result.size)}\n`);
    const workspaceDir = join(workRoot, `workspace-${result.size}`);
    oneFile.push(await measureOneFile(workspaceDir, result.manifests, options, tools.floor.args({ dir: workspaceDir }), failures));
  }

  const linearitySummary = linearity(sizes);
  return {
    date: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((load) => Math.round(load * 100) / 100) },
    settings: {
      seed: options.seed,
      svcLintCommand: `node ${relativeToProject(options.svcLintScript)} --format json <workspace>`,
      svcLintWarmCommand: `node ${relativeToProject(options.svcLintScript)} --format json --cache --cache-location <file> <workspace> (the cache filled by two untimed runs)`,
      spectralSizes: options.spectralSizes,
      ajvCli: ajv && { version: AJV_CLI_VERSION, command: 'ajv validate -s schemas/service.schema.json -d <workspace>/<pattern> (the four patterns)' },
      spectral: spectral && {
        version: SPECTRAL_VERSION,
        schema: relativeToProject(spectral.schemaPath),
        rulesetCheck: spectral.check,
      },
      peakRssMeasured: canMeasureRss,
    },
    sizes,
    oneFile,
    linearity: linearitySummary,
    targets: evaluateTargets(sizes, linearitySummary, oneFile),
    failures,
  };
}

function relativeToProject(path) {
  return path.startsWith(projectDir + '/') ? path.slice(projectDir.length + 1) : path;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error.stack ?? String(error));
    process.exitCode = 2;
  },
);
