import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLanguageRegistry } from '../../languages/registry.js';
import { readManifestSource, withOwnFile } from './source.js';

const root = mkdtempSync(join(tmpdir(), 'svc-lint-source-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const languages = createLanguageRegistry([], [{ id: 'go', aliases: [] }]);

describe('withOwnFile', () => {
  it("points a reading thread's source and every service of it at this thread's file", () => {
    const path = join(root, 'service.yaml');
    const service = (name: string) => `apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  language: go\n  workload: api\n`;
    writeFileSync(path, `${service('a')}---\n${service('b')}`);
    const file = { path, displayPath: 'service.yaml' };
    // What a reply from a reading thread brings: a structured clone, with files of its own.
    const replied = structuredClone(readManifestSource({ ...file }, languages, 1));
    expect(replied.source.file).not.toBe(file);

    const own = withOwnFile(replied, file);
    expect(own.source.file).toBe(file);
    expect(own.source.services.map((read) => read.name)).toEqual(['a', 'b']);
    expect(own.source.services.every((read) => read.file === file)).toBe(true);
  });

  it("gives a reply's findings and undeclared services this thread's display path", () => {
    const path = join(root, 'broken.yaml');
    writeFileSync(path, 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  language: go\n  workload: nonsense\n');
    const replied = structuredClone(readManifestSource({ path, displayPath: 'elsewhere.yaml' }, languages, 1));
    expect(replied.source.findings.length).toBeGreaterThan(0);
    expect(replied.source.undeclared?.length).toBe(1);

    const own = withOwnFile(replied, { path, displayPath: 'broken.yaml' });
    expect(own.source.findings.map((finding) => finding.file)).toEqual(own.source.findings.map(() => 'broken.yaml'));
    expect(own.source.undeclared?.map((undeclared) => undeclared.file)).toEqual(['broken.yaml']);
  });
});
