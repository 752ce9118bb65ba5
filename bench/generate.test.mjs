import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateWorkspace } from './generate.mjs';
import { manifestSchemaPath } from './spectral/ruleset.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'svc-lint-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readWorkspace(dir) {
  const servicesDir = join(dir, 'services');
  return readdirSync(servicesDir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(servicesDir, name, 'service.yaml'), 'utf8') }));
}

const summary = generateWorkspace(join(scratch, 'a'), 300, 7);
const files = readWorkspace(join(scratch, 'a'));
const manifests = files.map((file) => parse(file.text));
const indexOf = (name) => Number(name.slice(name.lastIndexOf('-') + 1));

describe('generateWorkspace', () => {
  it('writes one manifest per service directory, named after the service', () => {
    expect(files).toHaveLength(300);
    for (const [position, manifest] of manifests.entries()) expect(manifest.metadata.name).toBe(files[position].name);
  });

  it('is deterministic for a seed and varies with it', () => {
    generateWorkspace(join(scratch, 'b'), 300, 7);
    generateWorkspace(join(scratch, 'c'), 300, 8);
    expect(readWorkspace(join(scratch, 'b'))).toEqual(files);
    expect(readWorkspace(join(scratch, 'c'))).not.toEqual(files);
  });

  it('writes only manifests the schema accepts, so only the planted violations are findings', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(manifestSchemaPath(), 'utf8')));
    const invalid = manifests.filter((manifest) => !validate(manifest)).map((manifest) => [manifest.metadata.name, validate.errors]);
    expect(invalid).toEqual([]);
  });

  it('points every edge at an existing later service, so the graph has no cycle', () => {
    const names = new Set(manifests.map((manifest) => manifest.metadata.name));
    let edges = 0;
    for (const manifest of manifests) {
      for (const dependency of manifest.spec.dependsOn ?? []) {
        edges++;
        expect(names.has(dependency.service)).toBe(true);
        expect(indexOf(dependency.service)).toBeGreaterThan(indexOf(manifest.metadata.name));
      }
    }
    expect(edges).toBe(summary.edges);
  });

  it('counts the Python services above 10,000 rps, ML serving excepted, as the hot-path rule does', () => {
    const pythonAbove10k = manifests.filter((manifest) => manifest.spec.language === 'python' && manifest.spec.traffic.peakRps > 10000);
    const mlServing = pythonAbove10k.filter((manifest) => manifest.spec.workload === 'ml-serving');
    expect(mlServing.length).toBeGreaterThan(0);
    expect(summary.hotPathThroughputViolations).toBe(pythonAbove10k.length - mlServing.length);
    expect(summary.hotPathThroughputViolations).toBeGreaterThan(0);
  });

  it('mixes every language, workload, call kind and optional field', () => {
    const specs = manifests.map((manifest) => manifest.spec);
    const dependencies = specs.flatMap((spec) => spec.dependsOn ?? []);
    expect(new Set(specs.map((spec) => spec.language))).toEqual(new Set(['go', 'python', 'node', 'java']));
    expect(new Set(specs.map((spec) => spec.workload)).size).toBe(7);
    expect(new Set(dependencies.map((dependency) => dependency.call))).toEqual(new Set(['sync', 'async']));
    expect(dependencies.some((dependency) => dependency.rpsShare !== undefined)).toBe(true);
    expect(specs.some((spec) => spec.latency?.p99Ms !== undefined)).toBe(true);
    expect(specs.some((spec) => spec.team === undefined)).toBe(true);
    expect(Math.min(...specs.map((spec) => spec.traffic.peakRps))).toBeGreaterThanOrEqual(50);
    expect(Math.max(...specs.map((spec) => spec.traffic.peakRps))).toBeLessThanOrEqual(60000);
  });
});
