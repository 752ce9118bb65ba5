import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces } from '../cli/run-cli.js';
import { lintFiles } from './support.js';

afterAll(removeWorkspaces);

describe('a flat directory of thousands of manifests', () => {
  // 5,000 `sN.service.yaml` in one folder took 28-42 s when the drift evidence listed the folder once per manifest.
  it('lists the directory once for the drift evidence of all of them', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = { 'go.mod': 'module example.com/fleet\n' };
    for (let index = 0; index < 5000; index++) files[`s${index}.service.yaml`] = manifest(`s${index}`, ['language: python', 'workload: worker']);
    const root = makeWorkspace(files);

    const started = performance.now();
    const result = await lintFiles(root, ['.'], { ruleOverrides: { 'language-drift': 'warning' } });
    const seconds = (performance.now() - started) / 1000;

    const drift = result.findings.filter((finding) => finding.ruleId === 'language-drift');
    expect(drift).toHaveLength(5000);
    expect(drift[0]?.message).toBe('s0 declares python, but go.mod points to go');
    expect(seconds).toBeLessThan(20);
  });
});
