
export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
export type SeverityOrOff = Severity | 'off';

/** A severity as a user types it: `warn` is ESLint's spelling of `warning`, accepted wherever a severity is written. */
export function readSeverity(value: unknown): SeverityOrOff | undefined {
  if (value === 'warn') return 'warning';
  return value === 'off' || (severities as readonly unknown[]).includes(value) ? (value as SeverityOrOff) : undefined;
}

export const workloads = [
  'api',
  'ml-serving',
  'etl',
  'data-processing',
  'infrastructure',
  'worker',
  'prototype',
] as const;
export type Workload = (typeof workloads)[number];

export const deploymentTargets = ['container', 'vm', 'serverless', 'edge'] as const;
export type DeploymentTarget = (typeof deploymentTargets)[number];

export type CallKind = 'sync' | 'async';

/**
 * 1-based line and column; endColumn points just past the last character (as in SARIF). Read-only: equal ranges of
 * different manifests may be one shared object.
 */
export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Dependency {
  service: string;
  call: CallKind;
  /** Fraction of the caller's requests that reach this dependency. */
  rpsShare: number;
  /** The callee's p99 contribution in ms, used when the callee declares none. */
  p99Ms?: number;
  /** The dependsOn entry (or Backstage ref) this edge was read from. */
  range: Range;
}

/** A `dependsOn` entry that names a callee an earlier entry of the same service already named. */
export interface RepeatedDependency {
  /** The callee, as the graph names it (a Backstage ref normalised). */
  service: string;
  /** The repeated entry; the first entry (`first`) is the one whose values count. */
  range: Range;
  first: Range;
}

/** A service the workspace holds but svc-lint does not judge: a call to it is not to an unknown service. */
export interface UndeclaredService {
  name: string;
  /** Relative to the cwd, with `/` separators. */
  file: string;
  range: Range;
  /** Why it is not judged: `a Backstage Component without svc-lint.dev/* annotations`. */
  reason: string;
}

/** The fields of a service a finding can point at. */
export type ServiceField =
  | 'document'
  | 'name'
  | 'language'
  | 'workload'
  | 'peakRps'
  | 'p99Ms'
  | 'deploymentTarget'
  | 'teamLanguages'
  | 'dependsOn';

export type ManifestFormat = 'svc-lint/v1' | 'backstage';

/** One service, read from one YAML document, in the shape every rule sees. */
export interface Service {
  name: string;
  owner?: string;
  description?: string;
  /** The language as written in the manifest. */
  language: string;
  /** The language id after lower-casing and alias resolution (`golang` → `go`). */
  languageId: string;
  workload: Workload;
  peakRps?: number;
  p99Ms?: number;
  deploymentTarget: DeploymentTarget;
  /** Alias-resolved language ids the owning team knows well; undefined when not declared. */
  teamLanguages?: readonly string[];
  dependsOn: Dependency[];
  file: ManifestFile;
  documentIndex: number;
  format: ManifestFormat;
  /** Where each field was read from; `document` is always present and is the fallback. */
  locations: Partial<Record<ServiceField, Range>> & { document: Range };
}

export interface ManifestFile {
  /** Absolute path. */
  path: string;
  /** Relative to the cwd, with `/` separators: the path every report shows. */
  displayPath: string;
}

/** Why a finding does not count: an inline directive in the manifest, or a waiver in the config. */
export interface Suppression {
  kind: 'inline' | 'waiver';
  reason: string;
  /** Waivers only: who answers for the exemption. */
  owner?: string;
  /** YYYY-MM-DD, the last day the exemption applies. */
  expires?: string;
}

/** The values a message is rendered from (numbers stay numbers). */
export type MessageData = Record<string, string | number>;

/**
 * What every stage reports, in one shape (manifest reading, schema, rule templates, graph, drift, directives,
 * waivers, baseline): the rule, which of its messages and the values for it, and where. The exemptions stage marks
 * raw findings; the final stage applies each rule's severity and renders its message.
 */
export interface RawFinding {
  ruleId: string;
  messageId: string;
  data: MessageData;
  /** Relative to the cwd, with `/` separators. */
  file: string;
  range: Range;
  service?: string;
  /** Set when a directive or waiver exempts the finding: it is shown but does not count. */
  suppressed?: Suppression;
  /** Set when a baseline was compared: `unchanged` findings were already there and do not count. */
  baselineState?: 'new' | 'unchanged';
}

/** A finding as reports show it: rendered, with its rule's severity. */
export interface Finding {
  ruleId: string;
  messageId: string;
  /** The values the message was rendered from, and only those (numbers stay numbers). */
  data: MessageData;
  severity: Severity;
  /** Rendered from the rule's message template and `data`. */
  message: string;
  /** Relative to the cwd, with `/` separators. */
  file: string;
  service?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Set when a directive or waiver exempts the finding: it is shown but does not count. */
  suppressed?: Suppression;
  /** Set when a baseline was compared: `unchanged` findings were already there and do not count. */
  baselineState?: 'new' | 'unchanged';
}

/** A finding counts (for the exit code and the plain formats) unless it is suppressed or already in the baseline. */
export function isCounted(finding: Pick<Finding, 'suppressed' | 'baselineState'>): boolean {
  return !finding.suppressed && finding.baselineState !== 'unchanged';
}

export interface LanguageRange {
  min: number;
  max: number;
}

export type LanguagePath = 'hot' | 'smart';

export interface LanguageProfile {
  id: string;
  name: string;
  aliases: string[];
  /** Which side of the hot-path / smart-path split the guidance puts this language on. */
  paths: LanguagePath[];
  /** Ecosystems the guidance credits the language with (ml, data, infrastructure, ...). */
  ecosystems: string[];
  benchmark: {
    /** Name used in messages, e.g. "Python (FastAPI)". */
    label: string;
    throughputRps: number;
    avgLatencyMs: number;
    memoryMb: number;
  };
  container: {
    imageMb: LanguageRange;
    startupMs: LanguageRange;
    idleMemoryMb: LanguageRange;
  };
  source: { title: string; url?: string; setup: string };
}

/** A language svc-lint recognises (for alias resolution) but has no cited figures for. */
export interface KnownLanguage {
  id: string;
  aliases: string[];
}

export interface RuleDeclaration {
  id: string;
  severity: Severity;
  description: string;
  rationale: string;
  remediation: string;
  /** Key of the template in `src/ruleset/templates`, or `engine` for the rules a stage of the pipeline reports itself. */
  template: string;
  params: Record<string, unknown>;
  /** Rule ids whose findings on the same service this rule's finding replaces. */
  supersedes?: string[];
  /** Template `engine` only: the data keys the reporting stage provides (the placeholders messages may use). */
  dataKeys?: string[];
  /** Template `engine` only: the JSON Schema of the params. */
  paramsSchema?: Record<string, unknown>;
  /** Message templates by message id; `{{key}}` is replaced by the finding's data. */
  messages: Record<string, string>;
  /** A manifest that triggers the rule, shown by `svc-lint explain`. */
  example?: string;
  /** The file the declaration was read from. */
  source: string;
}

/** A rule as it runs: its declaration with the config's severity and params applied. */
export interface ResolvedRule extends RuleDeclaration {
  enabled: boolean;
}


/** A file, or a document in a linted file, that no rule judged because it is not svc-lint's. */
export interface SkippedSource {
  /** Relative to the cwd, with `/` separators. */
  file: string;
  /** The line the document starts at; absent when the whole file was left out. */
  line?: number;
  /** Why: `another tool's document (apiVersion: v1, kind: Service)`. */
  reason: string;
}

/** A service the workspace holds without svc-lint data, which services call: no traffic is judged past it. */
export interface UndeclaredCallee {
  service: string;
  file: string;
  line: number;
  column: number;
  reason: string;
  /** The services of the workspace that call it, sorted. */
  calledBy: string[];
}

