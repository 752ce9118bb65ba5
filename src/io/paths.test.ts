import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPathOf } from './paths.js';

const asShown = (cwd: string, path: string) => relative(cwd, path).split(sep).join('/') || '.';

describe('displayPathOf', () => {
  it('shows a path relative to the cwd with / separators, as path.relative would, whatever the spelling', () => {
    const cwd = resolve('/work/repo');
    for (const path of [
      `${cwd}/services/a/service.yaml`,
      `${cwd}/services/../other/service.yaml`,
      `${cwd}/./services//b.service.yaml`,
      `${cwd}/.hidden/service.yaml`,
      `${cwd}`,
      `${cwd}-other/service.yaml`,
      resolve('/elsewhere/service.yaml'),
    ]) {
      expect(displayPathOf(cwd, path), path).toBe(asShown(cwd, path));
    }
    expect(displayPathOf(`${cwd}/./`, `${cwd}/a/service.yaml`)).toBe('a/service.yaml');
    expect(displayPathOf('/', '/a/service.yaml')).toBe('a/service.yaml');
  });
});
