import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_PATTERNS } from '../spectral/check.mjs';

// Pinned so that results from different days compare the same peer.
export const AJV_CLI_VERSION = '5.0.0';

export const ajvHome = join(tmpdir(), 'svc-lint-bench-ajv');

function ajvBinPath() {
  return join(ajvHome, 'node_modules', 'ajv-cli', 'dist', 'index.js');
}

/** Installs ajv-cli into a cache folder outside the project, once; returns the script to run with node. */
export function ensureAjvCli() {
  const bin = ajvBinPath();
  if (existsSync(bin) && installedVersion() === AJV_CLI_VERSION) return bin;
  mkdirSync(ajvHome, { recursive: true });
  // A package.json of its own keeps npm from walking up into an unrelated project.
  writeFileSync(join(ajvHome, 'package.json'), JSON.stringify({ name: 'svc-lint-bench-ajv', private: true }, null, 2));
  console.error(`Installing ajv-cli@${AJV_CLI_VERSION} into ${ajvHome} (first run only)...`);
  execFileSync('npm', ['install', '--prefix', ajvHome, '--no-audit', '--no-fund', '--loglevel=error', `ajv-cli@${AJV_CLI_VERSION}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(bin)) throw new Error(`ajv-cli was installed but ${bin} is missing; delete ${ajvHome} and retry.`);
  return bin;
}

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(ajvHome, 'node_modules', 'ajv-cli', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** `ajv validate` of every manifest against the project's schema: the same four patterns the floor and Spectral use. */
export function ajvArgs(ajvBin, schemaPath, workspaceDir) {
  return [ajvBin, 'validate', '-s', schemaPath, ...MANIFEST_PATTERNS.flatMap((pattern) => ['-d', `${workspaceDir}/${pattern}`])];
}

/**
 * ajv-cli exits 0 only when every file its patterns match is valid (every generated manifest is), printing `<file>
 * valid` for each; past some tens of thousands of lines it exits before its output is all written, so the lines are
 * counted only as a sanity check (none invalid, at least one valid, not more than there are manifests).
 */
export function checkAjvRun(run, manifests) {
  const output = (run.stderr + run.stdout).split('\n');
  if (run.exitCode !== 0) return `exit ${run.exitCode ?? run.signal}: ${output.filter((line) => !line.endsWith(' valid')).join('\n').trim().slice(0, 500)}`;
  if (output.some((line) => line.endsWith(' invalid'))) return 'reported a generated manifest invalid';
  const valid = output.filter((line) => line.endsWith(' valid')).length;
  return valid >= 1 && valid <= manifests ? null : `${valid} files reported valid, expected up to ${manifests}`;
}
