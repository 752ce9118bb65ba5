import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { baselineScope, compareWithBaseline, defaultBaselineFile, parseBaseline, type BaselineEntry } from './baseline.js';
import type { LoadedConfig } from '../config/load.js';
import { SvcLintError } from '../errors.js';
import { displayPathOf } from '../io/paths.js';
import type { ManifestSource } from '../sources/manifest/source.js';
import type { ActiveRule } from '../ruleset/resolve.js';
import { applyInlineSuppressions } from './inline.js';
import { applyWaivers, defaultExpiringWithinDays } from './waivers.js';
import type { RawFinding } from '../types.js';

export interface ExemptionOptions {
  cwd: string;
  today: string;
  allowInlineSuppressions: boolean;
  /** A baseline file (absolute); none when undefined. */
  baselinePath?: string;
  /** Every service name of the workspace, to report waivers that name none; undefined when the workspace is not read. */
  serviceNames?: readonly string[];
}

export interface Exempted {
  /** The findings given, exempted ones marked, and what the directives, waivers and baseline report themselves. */
  findings: RawFinding[];
  /** Baseline entries that no longer occur, when a baseline was compared. */
  fixed?: BaselineEntry[];
}


/**
 * Applies, in order, the manifests' inline directives, the config's waivers and the baseline. Exempted findings
 * stay in the list, marked; the directives, waivers and baseline are themselves checked and reported on.
 */
export function applyExemptions(
  findings: readonly RawFinding[],
  sources: readonly ManifestSource[],
  rules: readonly ActiveRule[],
  config: LoadedConfig,
  options: ExemptionOptions,
): Exempted {
  const enabledRule = (id: string) => rules.find((entry) => entry.rule.id === id && entry.rule.enabled)?.rule;
  const byFile = new Map<string, RawFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  const knownRuleIds = rules.map((entry) => entry.rule.id);
  let result: RawFinding[] = [];
  const handled = new Set<string>();
  for (const source of sources) {
    const file = source.file.displayPath;
    const fileFindings = byFile.get(file) ?? [];
    handled.add(file);
    if (!options.allowInlineSuppressions || !source.directives) {
      appendAll(result, fileFindings);
      continue;
    }
    const inline = applyInlineSuppressions(fileFindings, source.directives, {
      file,
      today: options.today,
      allowInline: true,
      knownRuleIds,
    });
    appendAll(result, inline.findings);
    appendAll(result, inline.problems);
  }
  for (const [file, fileFindings] of byFile) if (!handled.has(file)) appendAll(result, fileFindings);

  const expiring = enabledRule('waiver-expiring');
  const waived = applyWaivers(result, config.config.waivers ?? [], {
    today: options.today,
    expiringWithinDays: Number(expiring?.params.withinDays ?? defaultExpiringWithinDays),
    ...(options.serviceNames && { serviceNames: options.serviceNames }),
    configFile: displayPathOf(options.cwd, config.path ?? ''),
    waiverRange: (waiverIndex, serviceIndex) =>
      config.rangeAt(['waivers', waiverIndex, ...(serviceIndex === undefined ? [] : ['services', serviceIndex])]),
  });
  result = waived.findings;
  appendAll(result, waived.problems);

  let fixed: BaselineEntry[] | undefined;
  if (options.baselinePath) {
    const display = displayPathOf(options.cwd, options.baselinePath);
    let text: string;
    try {
      // A device or FIFO (a baseline linked to /dev/zero) would be read forever.
      if (!statSync(options.baselinePath).isFile()) throw Object.assign(new Error('not a file'), { code: 'not a regular file' });
      text = readFileSync(options.baselinePath, 'utf8');
    } catch (error) {
      throw new SvcLintError('config', `cannot read the baseline ${display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    let baseline;
    try {
      baseline = parseBaseline(text, display);
    } catch (error) {
      throw new SvcLintError('config', (error as Error).message);
    }
    const scope = baselineScope(options.cwd, options.baselinePath, sources.map((source) => source.file.displayPath));
    const compared = compareWithBaseline(baseline, result, scope);
    result = compared.findings;
    fixed = compared.fixed;
  }
  return { findings: result, ...(fixed && { fixed }) };
}

/** `push(...items)` passes every item as an argument, which overflows the stack at about 120,000 of them. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * The baseline the config names (relative to the config file), else the file `svc-lint baseline` writes by default:
 * beside the config file, which is cwd without one.
 */
export function configuredBaselinePath(config: LoadedConfig): string {
  return resolve(config.directory, config.config.baseline || defaultBaselineFile);
}

/**
 * The baseline to compare with: the option, else the config's, else the default file when it exists, so that a
 * plain run after `svc-lint baseline` passes.
 */
export function baselinePathFor(option: string | false | undefined, config: LoadedConfig, cwd: string): string | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return resolve(cwd, option);
  const path = configuredBaselinePath(config);
  return config.config.baseline || existsSync(path) ? path : undefined;
}
