import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../src/types.js';

export const fixturesRoot = new URL('../fixtures/', import.meta.url).pathname;

/** One case of `fixtures/<rule-id>/cases.yaml`: files linted together, and the findings expected of them. */
export interface FixtureCase {
  name: string;
  files: string[];
  /** Rule ids whose findings must match `expect` exactly; defaults to the directory's rule. */
  rules?: string[];
  /** A config file in the same directory; none when absent. */
  config?: string;
  /** A directory (relative to the suite's) whose manifests graph rules see; only the case's files when absent. */
  workspace?: string;
  /** The date the case runs on (YYYY-MM-DD), for rules with dates. */
  today?: string;
  /** `<file> <line>:<column>-<endLine>:<endColumn> <rule-id>[ (suppressed by inline|waiver)]`, in any order. */
  expect: string[];
  /** The message ids of the expected findings, in any order. */
  messageIds?: string[];
  /** Texts each of which some expected finding's message contains. */
  mentions?: string[];
  /** Texts no expected finding's message contains. */
  omits?: string[];
}

export interface FixtureSuite {
  /** The rule the suite is about; a suite about several rules names itself here and lists them in `rules`. */
  rule: string;
  /** Rule ids every case's findings are compared on, unless the case says; defaults to `rule`. */
  rules?: string[];
  directory: string;
  cases: FixtureCase[];
}

export function loadFixtureSuites(): FixtureSuite[] {
  return readdirSync(fixturesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(fixturesRoot, entry.name, 'cases.yaml')))
    .map((entry) => {
      const directory = join(fixturesRoot, entry.name);
      const suite = parse(readFileSync(join(directory, 'cases.yaml'), 'utf8')) as Omit<FixtureSuite, 'directory'>;
      return { ...suite, directory };
    });
}

/** `<file> <line>:<column>-<endLine>:<endColumn> <rule-id>`, then ` (suppressed by inline|waiver)` when exempted. */
export function describeFinding(finding: Finding): string {
  const position = `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
  const exemption = finding.suppressed ? ` (suppressed by ${finding.suppressed.kind})` : '';
  return `${finding.file} ${position} ${finding.ruleId}${exemption}`;
}
