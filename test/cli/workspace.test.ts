import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { workspaceFiles } from '../../src/sources/workspace.js';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const noConfig = { directory: '/nowhere', config: {} } as Parameters<typeof workspaceFiles>[0]['config'];

/** a (python, declared 15,000 req/s) calls b, which calls c; b alone declares nothing about its traffic. */
function chain(): string {
  return makeWorkspace({
    'a/service.yaml': manifest('a', ['language: go', 'workload: api', 'traffic:', '  peakRps: 15000', 'dependsOn:', '  - service: b']),
    'b/service.yaml': manifest('b', ['language: python', 'workload: api', 'dependsOn:', '  - service: c']),
    'c/service.yaml': manifest('c', ['language: go', 'workload: api']),
  });
}

describe('the workspace without a config or a repository', { timeout: 60_000 }, () => {
  it('is the current directory when it holds the linted files: b inherits what a sends it', () => {
    const root = chain();
    const run = runCli(['b/service.yaml', '--format', 'json'], { cwd: root });
    const report = parseJsonReport(run);
    expect(report.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['b/service.yaml inherited-hot-path']);
    expect(run.status).toBe(1);
  });

  it('is the directory the linted files share when the current directory does not hold them', () => {
    const root = chain();
    // From the temporary directory (too broad to search): b and c share the workspace's directory, which holds a.
    const run = runCli([join(root, 'b/service.yaml'), join(root, 'c/service.yaml'), '--format', 'json'], { cwd: tmpdir() });
    expect(parseJsonReport(run).findings.map((finding) => finding.ruleId)).toEqual(['inherited-hot-path']);
    // One file alone shares only its own directory: c is not there.
    const alone = runCli([join(root, 'b/service.yaml'), '--format', 'json'], { cwd: tmpdir() });
    expect(parseJsonReport(alone).findings.map((finding) => finding.ruleId)).toEqual(['unknown-dependency']);
  });

  it('is never the filesystem root, a home directory or the temporary directory', () => {
    const request = (cwd: string, lintedFiles: string[]) => ({ config: noConfig, cwd, lintedFiles, patterns: lintedFiles });
    // Files in two places whose only shared directory is too broad to search: no workspace beyond them.
    expect(workspaceFiles(request('/', [join(tmpdir(), 'x', 'service.yaml'), '/opt/y/service.yaml']))).toEqual([]);
    expect(workspaceFiles(request(homedir(), [join(homedir(), 'a', 'service.yaml'), join(homedir(), 'b', 'service.yaml')]))).toEqual([]);
    expect(workspaceFiles(request(tmpdir(), [join(tmpdir(), 'p', 'service.yaml'), join(tmpdir(), 'q', 'service.yaml')]))).toEqual([]);
    expect(workspaceFiles(request(dirname(homedir()), [join(homedir(), 'service.yaml')]))).toEqual([]);
  });
});
