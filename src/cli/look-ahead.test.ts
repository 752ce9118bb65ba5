import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { likelyCacheFile } from './look-ahead.js';

const root = mkdtempSync(join(tmpdir(), 'svc-lint-look-ahead-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('likelyCacheFile', () => {
  const repository = join(root, 'repository');
  const below = join(repository, 'services', 'checkout');
  mkdirSync(join(repository, '.git'), { recursive: true });
  mkdirSync(below, { recursive: true });
  writeFileSync(join(repository, '.svc-lint.yaml'), 'rules: {}\n');

  it('is the file --cache-location names, in either spelling', () => {
    expect(likelyCacheFile(['--cache', '--cache-location', 'tmp/c'], root)).toBe(join(root, 'tmp/c'));
    expect(likelyCacheFile(['.', '--cache-location=/x/c', '--cache'], root)).toBe('/x/c');
  });

  it('is beside the config file found upward, or the one --config names, else in cwd', () => {
    expect(likelyCacheFile(['--cache'], below)).toBe(join(repository, '.svc-lint-cache'));
    expect(likelyCacheFile(['--cache', '-c', '../other.yaml'], below)).toBe(join(repository, 'services', '.svc-lint-cache'));
    expect(likelyCacheFile(['--cache', '--config=/etc/svc.yaml'], below)).toBe('/etc/.svc-lint-cache');
    expect(likelyCacheFile(['--cache', '--no-config'], below)).toBe(join(below, '.svc-lint-cache'));
    expect(likelyCacheFile(['--cache'], root)).toBe(join(root, '.svc-lint-cache'));
  });

  it('is undefined without --cache among the options (after -- it is a path), or for a command line the CLI refuses', () => {
    expect(likelyCacheFile(['.'], root)).toBeUndefined();
    expect(likelyCacheFile(['--', '--cache'], root)).toBeUndefined();
    expect(likelyCacheFile(['--cache', '--config', 'a.yaml', '--no-config'], root)).toBeUndefined();
  });
});
