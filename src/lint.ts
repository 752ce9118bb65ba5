import { readFileSync } from 'node:fs';
import { runRules } from './engine.js';
import { absoluteGlobs, displayPathOf, findManifestFiles } from './files.js';
import type { ManifestProblem } from './manifest/problems.js';
import { startOfFile } from './manifest/problems.js';
import { readManifest } from './manifest/read.js';
import { setUp, type SetupOptions } from './setup.js';
import type { Finding, LintResult, LintSummary, ManifestFile, Service } from './types.js';

export interface LintOptions extends SetupOptions {
  /** Files, directories and globs; none means the config's `include`, else `cwd`. */
  patterns?: readonly string[];
}
function summarize(findings: readonly Finding[], files: number, services: number): LintSummary {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return { files, services, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

function readText(path: string): { text: string } | { problem: ManifestProblem } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { problem: { ruleId: 'manifest-syntax', data: { reason: `cannot read the file (${code})`, code }, range: startOfFile } };
  }
}

/** Lints the manifests the options name. Never touches `process`; user errors throw `SvcLintError`. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const { config: loaded, languages, rules } = setUp(options);

  const include = loaded.config.include;
  const patterns =
    options.patterns && options.patterns.length > 0
      ? options.patterns
      : include && include.length > 0
        ? absoluteGlobs(loaded.directory, include)
        : ['.'];
  const exclude = absoluteGlobs(loaded.directory, loaded.config.exclude ?? []);
  const { files, unmatched } = findManifestFiles(patterns, cwd, exclude);

  const services: Service[] = [];
  const problems: { file: string; problem: ManifestProblem }[] = [];
  for (const path of files) {
    const file: ManifestFile = { path, displayPath: displayPathOf(cwd, path) };
    const read = readText(path);
    if ('problem' in read) {
      problems.push({ file: file.displayPath, problem: read.problem });
      continue;
    }
    const manifest = readManifest(read.text, file, languages);
    services.push(...manifest.services);
    for (const problem of manifest.problems) problems.push({ file: file.displayPath, problem });
  }

  const findings = runRules({ services, problems, rules, context: { languages } });
  return {
    findings,
    summary: summarize(findings, files.length, services.length),
    rules: rules.map((entry) => entry.rule).filter((rule) => rule.enabled),
    services,
    cwd,
    notes: unmatched.map((pattern) => `no manifests found for ${pattern}`),
  };
}
