import type { CallKind, LanguageProfile, Range, Service, Workload } from '../../src/types.js';
import type { TemplateContext } from '../../src/ruleset/templates/types.js';
import type { LanguageRegistry } from '../../src/languages/registry.js';
import { decideWorkspace } from '../../src/analysis/decisions.js';
import type { Framework } from '../../src/analysis/framework.js';

export interface DependencySpec {
  service: string;
  call?: CallKind;
  rpsShare?: number;
  p99Ms?: number;
}

export interface ServiceSpec {
  language?: string;
  workload?: Workload;
  peakRps?: number;
  p99Ms?: number;
  teamLanguages?: string[];
  dependsOn?: (string | DependencySpec)[];
  /** Display path; defaults to `services/<name>.yaml`. */
  file?: string;
  /** First line of the document in its file. */
  line?: number;
}

function lineRange(line: number, column = 1, length = 10): Range {
  return { line, column, endLine: line, endColumn: column + length };
}

/** The name sits on line `line + 2` and dependsOn entry i on line `line + 10 + i`. */
export function makeService(name: string, spec: ServiceSpec = {}): Service {
  const line = spec.line ?? 1;
  const displayPath = spec.file ?? `services/${name}.yaml`;
  const language = spec.language ?? 'go';
  return {
    name,
    language,
    languageId: language,
    workload: spec.workload ?? 'api',
    peakRps: spec.peakRps,
    p99Ms: spec.p99Ms,
    deploymentTarget: 'container',
    teamLanguages: spec.teamLanguages,
    dependsOn: (spec.dependsOn ?? []).map((entry, index) => {
      const dependency = typeof entry === 'string' ? { service: entry } : entry;
      return {
        service: dependency.service,
        call: dependency.call ?? 'sync',
        rpsShare: dependency.rpsShare ?? 1,
        p99Ms: dependency.p99Ms,
        range: lineRange(line + 10 + index, 7),
      };
    }),
    file: { path: `/workspace/${displayPath}`, displayPath },
    documentIndex: 0,
    format: 'svc-lint/v1',
    locations: {
      document: { line, column: 1, endLine: line + 20, endColumn: 1 },
      name: lineRange(line + 2, 9),
      language: lineRange(line + 4, 13),
      p99Ms: lineRange(line + 7, 14),
    },
  };
}

/** `svc-0 → svc-1 → … → svc-(length-1)`, all sync, the head declaring `headRps`. */
export function makeChain(length: number, headRps: number, language = 'go'): Service[] {
  return Array.from({ length }, (_, index) =>
    makeService(`svc-${index}`, {
      language,
      peakRps: index === 0 ? headRps : undefined,
      dependsOn: index + 1 < length ? [`svc-${index + 1}`] : [],
    }),
  );
}

const source = { title: 'Choosing Python or Go for Microservices: A Performance Reality Check', setup: '4-core VM' };

export const goProfile: LanguageProfile = {
  id: 'go',
  name: 'Go',
  aliases: ['golang'],
  paths: ['hot'],
  ecosystems: ['infrastructure'],
  benchmark: { label: 'Go', throughputRps: 95_000, avgLatencyMs: 1.05, memoryMb: 12 },
  container: {
    imageMb: { min: 8, max: 15 },
    startupMs: { min: 10, max: 50 },
    idleMemoryMb: { min: 5, max: 10 },
  },
  source,
};

export const pythonProfile: LanguageProfile = {
  id: 'python',
  name: 'Python',
  aliases: ['py'],
  paths: ['smart'],
  ecosystems: ['ml', 'data'],
  benchmark: { label: 'Python (FastAPI)', throughputRps: 12_500, avgLatencyMs: 8.1, memoryMb: 52 },
  container: {
    imageMb: { min: 180, max: 350 },
    startupMs: { min: 1000, max: 3000 },
    idleMemoryMb: { min: 35, max: 60 },
  },
  source,
};

/** Go and Python with the seed's figures; `java` is known without a profile. */
export function fakeLanguages(): LanguageRegistry {
  const profiles = [goProfile, pythonProfile];
  const aliases = new Map(profiles.flatMap((profile) => profile.aliases.map((alias) => [alias, profile.id] as const)));
  const resolve = (name: string) => aliases.get(name.toLowerCase()) ?? name.toLowerCase();
  return {
    resolve,
    resolveAll: (names) => names.map(resolve),
    isKnown: (id) => id === 'java' || profiles.some((profile) => profile.id === id),
    profile: (id) => profiles.find((profile) => profile.id === id),
    profiles: () => profiles,
    misspelledName: (name) => (name.toLowerCase() === 'pyhton' ? 'python' : undefined),
    definition: () => ({ profiles, known: [{ id: 'java', aliases: [] }] }),
  };
}

/** The framework as the built-in rules set it: the seed's thresholds and languages. */
export const seedFramework: Framework = {
  peakRpsAbove: 10_000,
  p99MsBelow: 5,
  recommended: { mlServing: 'python', hotPath: 'go', dataProcessing: 'python', infrastructure: 'go' },
};

/** What a template sees when `services` are the workspace. */
export function fakeContext(services: readonly Service[] = [], framework: Framework = seedFramework): TemplateContext {
  const languages = fakeLanguages();
  return { languages, decisions: decideWorkspace(services, framework, languages) };
}
