import type { LanguagePath, LanguageProfile, Service, Workload } from '../../types.js';
import type { TemplateFinding } from './types.js';
import type { LanguageRegistry } from '../../languages/registry.js';
import { workloads } from '../../types.js';
import type { MessageData } from '../../types.js';
import { languageName } from '../../languages/registry.js';

export const workloadListSchema = {
  type: 'array',
  items: { enum: [...workloads] },
  uniqueItems: true,
} as const;

export const languagePathSchema = { enum: ['hot', 'smart'] } as const;

export function workloadMatches(
  workload: Workload,
  only: readonly Workload[] | undefined,
  except: readonly Workload[] | undefined,
): boolean {
  if (only && !only.includes(workload)) return false;
  return !except?.includes(workload);
}

export function isOnPath(profile: LanguageProfile, path: LanguagePath): boolean {
  return profile.paths.includes(path);
}

/** The keys `profileMessageData` provides, for templates' `dataKeys`. */
export const profileMessageKeys = [
  'Name',
  'Label',
  'Rps',
  'LatencyMs',
  'MemoryMb',
  'ImageMinMb',
  'ImageMaxMb',
  'StartupMinMs',
  'StartupMaxMs',
  'IdleMinMb',
  'IdleMaxMb',
] as const;

export function figureKeys(prefix: string): string[] {
  return profileMessageKeys.map((key) => prefix + key);
}

// Built once per profile and prefix: every finding of a language rule spreads them into its data.
const figuresByProfile = new WeakMap<LanguageProfile, Map<string, Readonly<MessageData>>>();

/** A profile's cited figures as message data, under `prefix` (`language` → languageRps, languageLabel...). */
export function profileMessageData(prefix: string, profile: LanguageProfile): Readonly<MessageData> {
  let byPrefix = figuresByProfile.get(profile);
  if (!byPrefix) {
    byPrefix = new Map();
    figuresByProfile.set(profile, byPrefix);
  }
  let figures = byPrefix.get(prefix);
  if (!figures) {
    figures = Object.freeze(figuresOf(prefix, profile));
    byPrefix.set(prefix, figures);
  }
  return figures;
}

function figuresOf(prefix: string, profile: LanguageProfile): MessageData {
  const figures: Record<(typeof profileMessageKeys)[number], string | number> = {
    Name: profile.name,
    Label: profile.benchmark.label,
    Rps: profile.benchmark.throughputRps,
    LatencyMs: profile.benchmark.avgLatencyMs,
    MemoryMb: profile.benchmark.memoryMb,
    ImageMinMb: profile.container.imageMb.min,
    ImageMaxMb: profile.container.imageMb.max,
    StartupMinMs: profile.container.startupMs.min,
    StartupMaxMs: profile.container.startupMs.max,
    IdleMinMb: profile.container.idleMemoryMb.min,
    IdleMaxMb: profile.container.idleMemoryMb.max,
  };
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [prefix + key, value]));
}

export interface LanguageComparison {
  /** The profile of the service's language. */
  profile: LanguageProfile;
  /** The profile of the language the guidance recommends instead. */
  preferred: LanguageProfile;
}

/**
 * The two profiles a language rule compares; undefined when either language has no profile (unknown-language
 * says so) or when the service already uses the recommended language.
 */
export function compareWithPreferred(
  service: Service,
  preferredId: string,
  languages: LanguageRegistry,
): LanguageComparison | undefined {
  const profile = languages.profile(service.languageId);
  const preferred = languages.profile(preferredId);
  if (!profile || !preferred || profile.id === preferred.id) return undefined;
  return { profile, preferred };
}

/** A finding about the language choice: at `spec.language`, with both profiles' figures in its data. */
export function languageChoiceFinding(
  service: Service,
  { profile, preferred }: LanguageComparison,
  data: MessageData,
): TemplateFinding {
  return {
    messageId: 'default',
    field: 'language',
    data: {
      service: service.name,
      language: profile.name,
      ...data,
      ...profileMessageData('language', profile),
      ...profileMessageData('preferred', preferred),
    },
  };
}

/**
 * `teamLanguages` for a message's team clause, when the team lists languages and not `preferred`: the guidance weighs
 * the team's skills, so a rewrite it recommends says what it asks of them.
 */
export function teamLacking(service: Service, preferred: string, languages: LanguageRegistry): MessageData {
  const team = service.teamLanguages ?? [];
  if (team.length === 0 || team.includes(preferred)) return {};
  return { teamLanguages: team.map((id) => languageName(id, languages)).join(', ') };
}
