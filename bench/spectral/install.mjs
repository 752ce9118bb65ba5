import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Pinned so that results from different days compare the same competitor.
export const SPECTRAL_VERSION = '6.16.3';

export const spectralHome = join(tmpdir(), 'svc-lint-bench-spectral');

export function spectralBinPath() {
  return join(spectralHome, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
}

/** Installs the Spectral CLI into a cache folder outside the project, once; returns the script to run with node. */
export function ensureSpectral() {
  const bin = spectralBinPath();
  if (existsSync(bin) && installedVersion() === SPECTRAL_VERSION) return bin;
  mkdirSync(spectralHome, { recursive: true });
  // A package.json of its own keeps npm from walking up into an unrelated project.
  writeFileSync(join(spectralHome, 'package.json'), JSON.stringify({ name: 'svc-lint-bench-spectral', private: true }, null, 2));
  console.error(`Installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into ${spectralHome} (first run only)...`);
  execFileSync(
    'npm',
    ['install', '--prefix', spectralHome, '--no-audit', '--no-fund', '--loglevel=error', `@stoplight/spectral-cli@${SPECTRAL_VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (!existsSync(bin)) throw new Error(`Spectral was installed but ${bin} is missing; delete ${spectralHome} and retry.`);
  return bin;
}

function installedVersion() {
  try {
    const manifest = join(spectralHome, 'node_modules', '@stoplight', 'spectral-cli', 'package.json');
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}
