import { languageEvidenceReader, type LanguageEvidenceReader } from './sources/evidence/detect.js';
import type { ManifestSource } from './sources/manifest/source.js';
import type { Setup } from './ruleset/setup.js';
import type { Finding, RawFinding, Service, UndeclaredCallee } from './types.js';
import { runRules } from './engine/run-rules.js';
import { renderFindings, withUsedData } from './engine/render.js';
import { decodeJudgment, encodeJudgment } from './engine/remembered-judgment.js';
import { applyExemptions, baselinePathFor } from './exemptions/exempt.js';
import type { BaselineEntry } from './exemptions/baseline.js';
import { calledUndeclared, undeclaredServices } from './analysis/graph/undeclared.js';
import { analysisOf, type Analysis } from './analysis/analysis.js';
import { decideWorkspace, rememberedDecisions, rememberedTrafficOf, type WorkspaceDecisions } from './analysis/decisions.js';
import type { WorkspaceCache } from './sources/cache/workspace-cache.js';
import { todayUtc } from './text/dates.js';

// Judging sources already read: the rules, then the exemptions, then the rendered findings; with a cache, what the
// rules gave an unchanged workspace is taken from it. lint() reads the sources first; an editor keeps its own.

/**
 * What judging parsed sources takes from the lint options (see `LintOptions`): where paths are relative to, the date,
 * the exemptions, whether the graph rules see the workspace; and where the drift evidence of a directory comes from (by
 * default each directory is read once per judgment).
 */
export interface JudgeOptions {
  cwd: string;
  today?: string;
  allowInlineSuppressions?: boolean;
  baseline?: string | false;
  workspace?: string | false;
  exempt?: boolean;
  languageEvidence?: LanguageEvidenceReader;
  /** See `LintOptions.safePoint`: called after the graph is analysed, after each rule, the exemptions and rendering. */
  safePoint?: () => void;
}

function isEnabled(setup: Setup, id: string): boolean {
  return setup.rules.some((entry) => entry.rule.id === id && entry.rule.enabled);
}

/** Whether waivers are checked against the workspace's services (`unused-waiver`), which then has to be read. */
export function checksWaivers(setup: Setup, options: Pick<JudgeOptions, 'workspace'>): boolean {
  return options.workspace !== false && (setup.config.config.waivers?.length ?? 0) > 0 && isEnabled(setup, 'unused-waiver');
}

export interface Judgment {
  /** Rendered and sorted, exempted ones marked. */
  findings: Finding[];
  fixed?: BaselineEntry[];
  /** The services of the judged sources. */
  services: Service[];
  /** Services the workspace holds without svc-lint data that its services call. */
  undeclared: UndeclaredCallee[];
  analysis: Analysis;
}

/** What the rules gave the linted files, before any exemption, and what the reports and the waivers read besides. */
interface RulesGave {
  raw: RawFinding[];
  /** The services of the linted files. */
  services: Service[];
  decisions: WorkspaceDecisions;
  undeclared: UndeclaredCallee[];
  /** The names of the workspace's services, when waivers are checked against them. */
  serviceNames?: string[];
}

/** Every rule on `linted`, the graph rules over `workspace` (which holds them too). */
function runRulesOn(setup: Setup, linted: readonly ManifestSource[], workspace: readonly ManifestSource[], options: JudgeOptions): RulesGave {
  const { languages, rules } = setup;
  const services: Service[] = linted.flatMap((source) => source.services);
  const sourceFindings = linted.flatMap((source) => source.findings);
  const workspaceServices = workspace.flatMap((source) => source.services);
  const undeclared = undeclaredServices(
    workspace.flatMap((source) => source.undeclared ?? []),
    workspaceServices,
  );
  const lintedPaths = new Set(linted.map((source) => source.file.path));
  const decisions = decideWorkspace(workspaceServices, setup.framework, languages);
  options.safePoint?.();
  const raw = runRules({
    services,
    workspaceServices,
    isLinted: (service) => lintedPaths.has(service.file.path),
    sourceFindings,
    rules,
    context: { languages, decisions, languageEvidence: options.languageEvidence ?? languageEvidenceReader(), undeclared },
    ...(options.safePoint && { afterRule: options.safePoint }),
  });
  return {
    raw,
    services,
    decisions,
    undeclared: calledUndeclared(workspaceServices, undeclared),
    ...(checksWaivers(setup, options) && { serviceNames: workspaceServices.map((service) => service.name) }),
  };
}

/** The directives, the waivers and the baseline on what the rules gave, then the findings rendered. */
function exemptAndRender(setup: Setup, linted: readonly ManifestSource[], gave: RulesGave, options: JudgeOptions): Judgment {
  const { cwd } = options;
  const { rules } = setup;
  const baselinePath = baselinePathFor(options.baseline, setup.config, cwd);
  const { findings: exempted, fixed } =
    options.exempt === false
      ? { findings: gave.raw, fixed: undefined }
      : applyExemptions(gave.raw, linted, rules, setup.config, {
          cwd,
          today: options.today ?? todayUtc(),
          allowInlineSuppressions: options.allowInlineSuppressions ?? setup.config.config.allowInlineSuppressions ?? true,
          ...(baselinePath !== undefined && { baselinePath }),
          ...(gave.serviceNames && { serviceNames: gave.serviceNames }),
        });
  options.safePoint?.();
  const findings = renderFindings(exempted, rules.map((entry) => entry.rule));
  options.safePoint?.();
  const { services, undeclared, decisions } = gave;
  return { findings, ...(fixed && { fixed }), services, undeclared, analysis: analysisOf(decisions, setup.languages, new Set(services)) };
}

/**
 * Judges sources already read: every rule on `linted` (the graph rules over `workspace`, which holds them too), then
 * the inline directives, the waivers and the baseline, then renders the findings. Reads no manifest: an editor keeps
 * its workspace parsed and judges the open buffers on each change.
 */
export function judgeSources(setup: Setup, linted: readonly ManifestSource[], workspace: readonly ManifestSource[], options: JudgeOptions): Judgment {
  return exemptAndRender(setup, linted, runRulesOn(setup, linted, workspace, options), options);
}

/**
 * Everything besides the manifests that the rules' findings depend on: the rules and their params, the languages, the
 * framework, which files are linted, and where paths are shown from. The date, the directives, the waivers and the
 * baseline are not: they apply to the findings afterwards.
 */
function judgmentInputs(setup: Setup, linted: readonly ManifestSource[], options: JudgeOptions): string {
  return JSON.stringify({
    cwd: options.cwd,
    rules: setup.rules.map((entry) => entry.rule),
    languages: setup.languages.definition(),
    framework: setup.framework,
    linted: linted.map((source) => source.file.path),
    checksWaivers: checksWaivers(setup, options),
  });
}

/**
 * Judges with the cache: when every manifest of the workspace and the drift evidence the rules read are unchanged
 * since a run that judged the same files with the same rules, that run's findings are taken from the cache, and the
 * other manifests are never decoded; otherwise the rules run, and what they gave is kept for the next run.
 */
export function judgeWithCache(cache: WorkspaceCache, setup: Setup, linted: readonly ManifestSource[], workspace: readonly ManifestSource[], options: JudgeOptions): Judgment {
  const key = cache.judgmentKey(workspace.map((source) => source.file.path), judgmentInputs(setup, linted, options));
  const remembered = key === undefined ? undefined : rememberedGave(cache, key, setup, linted, workspace);
  if (remembered) return exemptAndRender(setup, linted, remembered, options);
  const gave = runRulesOn(setup, linted, workspace, options);
  const evidenceDirectories = cache.evidenceRead();
  // Evidence the cache could not keep (changed within the last seconds) would not show a later change: nothing is kept.
  if (key !== undefined && evidenceDirectories.every((directory) => cache.hasCurrentEvidence(directory))) {
    const traffic = gave.services.map((service) => rememberedTrafficOf(gave.decisions.of(service)));
    const { undeclared, serviceNames } = gave;
    const findings = withUsedData(gave.raw, setup.rules.map((entry) => entry.rule));
    cache.rememberJudgment(key, encodeJudgment({ findings, traffic, undeclared, ...(serviceNames && { serviceNames }), evidenceDirectories: [...evidenceDirectories] }));
  }
  return exemptAndRender(setup, linted, gave, options);
}

/**
 * The services of `workspace`, listed when asked. A function of its own: a closure made beside others shares their
 * scope, and this one lives as long as the decisions, which kept the whole remembered judgment alive to the end.
 */
function servicesOf(workspace: readonly ManifestSource[]): () => Service[] {
  return () => workspace.flatMap((source) => source.services);
}

/** What the rules gave in the run that kept `key`, when it is intact and the evidence it read is unchanged. */
function rememberedGave(cache: WorkspaceCache, key: string, setup: Setup, linted: readonly ManifestSource[], workspace: readonly ManifestSource[]): RulesGave | undefined {
  const text = cache.judgment(key);
  if (text === undefined) return undefined;
  const services = linted.flatMap((source) => source.services);
  const judged = decodeJudgment(text, services.length);
  if (!judged || !judged.evidenceDirectories.every((directory) => cache.hasCurrentEvidence(directory))) return undefined;
  const traffic = new Map(services.map((service, index) => [service, judged.traffic[index]!]));
  return {
    raw: judged.findings,
    services,
    decisions: rememberedDecisions(traffic, servicesOf(workspace), setup.framework, setup.languages),
    undeclared: judged.undeclared,
    ...(judged.serviceNames && { serviceNames: judged.serviceNames }),
  };
}
