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
});
