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

/** ajv-cli prints `<file> valid` for each valid file (on stderr) and exits 0 when all are: every generated one is. */
export function checkAjvRun(run, manifests) {
  if (run.exitCode !== 0) return `exit ${run.exitCode ?? run.signal}: ${(run.stderr + run.stdout).trim().slice(0, 500)}`;
  const valid = (run.stderr + run.stdout).split('\n').filter((line) => line.endsWith(' valid')).length;
  return valid === manifests ? null : `${valid} files reported valid, expected ${manifests}`;
}
