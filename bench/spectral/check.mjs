import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWorkspace } from '../generate.mjs';
import { runNode } from '../measure.mjs';

export const SCHEMA_RULE = 'service-manifest-schema';
export const HOT_PATH_RULE = 'hot-path-throughput';
export const MANIFEST_PATTERNS = ['**/service.yaml', '**/service.yml', '**/*.service.yaml', '**/*.service.yml'];

export function spectralArgs(spectralBin, rulesetPath, workspaceDir) {
  const documents = MANIFEST_PATTERNS.map((pattern) => `${workspaceDir}/${pattern}`);
  return [spectralBin, 'lint', '--quiet', '--format', 'json', '--ruleset', rulesetPath, ...documents];
}

/** Spectral exits 1 when it reports errors, which the generated workspaces always contain. */
export function parseSpectralRun(run) {
  if (run.exitCode !== 0 && run.exitCode !== 1) {
    throw new Error(`Spectral failed (exit ${run.exitCode ?? run.signal}): ${run.stderr.trim().slice(0, 2000)}`);
  }
  const results = JSON.parse(run.stdout);
  const countsByRule = {};
  for (const result of results) countsByRule[result.code] = (countsByRule[result.code] ?? 0) + 1;
  return { results, countsByRule };
}

/**
 * A benchmark against a competitor that checks nothing would be worthless, so before timing
 * anything this proves the ruleset reports exactly the violations the generator planted.
 */
export async function checkSpectralRuleset(spectralBin, rulesetPath, workDir) {
  const sample = generateWorkspace(workDir, 40, 4242);
  const brokenDir = join(workDir, 'services', 'broken');
  mkdirSync(brokenDir, { recursive: true });
  writeFileSync(
    join(brokenDir, 'service.yaml'),
    'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: broken\nspec:\n  language: go\n  workload: website\n',
  );
  const { results, countsByRule } = parseSpectralRun(await runNode(spectralArgs(spectralBin, rulesetPath, workDir)));
  const schemaFiles = new Set(results.filter((result) => result.code === SCHEMA_RULE).map((result) => result.source));
  const problems = [];
  if (sample.hotPathThroughputViolations === 0) problems.push('the sample workspace has no hot-path throughput violation');
  if ((countsByRule[HOT_PATH_RULE] ?? 0) !== sample.hotPathThroughputViolations) {
    problems.push(`${HOT_PATH_RULE} reported ${countsByRule[HOT_PATH_RULE] ?? 0} findings, expected ${sample.hotPathThroughputViolations}`);
  }
  if (schemaFiles.size !== 1 || ![...schemaFiles][0].endsWith(join('broken', 'service.yaml'))) {
    problems.push(`${SCHEMA_RULE} should flag only services/broken/service.yaml, flagged: ${[...schemaFiles].join(', ') || 'nothing'}`);
  }
  if (problems.length > 0) throw new Error(`The Spectral ruleset does not check what svc-lint checks: ${problems.join('; ')}.`);
  return { manifests: sample.manifests + 1, countsByRule };
}
