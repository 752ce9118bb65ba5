import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkspaceFile } from '../cli/run-cli.js';
import { gitIn, repositoryRoot, type ProcessRun } from './processes.js';

const installable: Record<string, [packageDirectory: string, bin: string]> = {
  'svc-lint': [repositoryRoot, 'dist/bin.js'],
  husky: [join(repositoryRoot, 'node_modules/husky'), 'bin.js'],
  'lint-staged': [join(repositoryRoot, 'node_modules/lint-staged'), 'bin/lint-staged.js'],
};

/** What `npm install --save-dev <names>` leaves in node_modules, as links to this checkout's copies. */
export function linkPackages(project: string, names: readonly (keyof typeof installable)[]): void {
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  for (const name of names) {
    const [packageDirectory, bin] = installable[name]!;
    symlinkSync(packageDirectory, join(project, 'node_modules', name), 'dir');
    symlinkSync(join('..', name, bin), join(project, 'node_modules/.bin', name));
  }
}

/** A manifest for checkout-api, a Python API: an error above 10,000 req/s, clean below. */
export function checkoutManifest(peakRps: number): string {
  return [
    'apiVersion: svc-lint/v1',
    'kind: Service',
    'metadata:',
    '  name: checkout-api',
    '  owner: team-payments',
    'spec:',
    '  language: python',
    '  workload: api',
    '  traffic:',
    `    peakRps: ${peakRps}`,
    '',
  ].join('\n');
}

/** How the stylish report shows checkoutManifest(15000)'s error, as a hook prints it. */
export const checkoutErrorInReport =
  /^services\/checkout\/service\.yaml\n {2}7:13 +error +checkout-api declares 15,000 req\/s peak on Python.* hot-path-throughput$/m;

export interface GitProject {
  write(path: string, text: string): void;
  /** Stages everything and commits through whatever hooks the repository has. */
  commit(message: string): ProcessRun;
  commitCount(): number;
}

/** Helpers for the repository at `directory`, run with `env`. */
export function gitProject(directory: string, env: NodeJS.ProcessEnv): GitProject {
  return {
    write(path, text) {
      writeWorkspaceFile(directory, path, text);
    },
    commit(message) {
      const staged = gitIn(directory, env, 'add', '--all');
      if (staged.status !== 0) throw new Error(staged.output);
      return gitIn(directory, env, 'commit', '--message', message);
    },
    commitCount() {
      return Number(gitIn(directory, env, 'rev-list', '--all', '--count').stdout.trim() || 0);
    },
  };
}
