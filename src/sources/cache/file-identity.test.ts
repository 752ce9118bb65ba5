import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IdentityMemo, identityOf, writeIdentity } from './file-identity.js';

const root = mkdtempSync(join(tmpdir(), 'svc-lint-identity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('IdentityMemo', () => {
  it('answers what stat gives, once per path, and keeps answering it after the file changes', () => {
    const memo = new IdentityMemo();
    const path = join(root, 'one.service.yaml');
    writeFileSync(path, 'a: 1\n');
    const before = identityOf(path)!;
    expect(memo.of(path)).toEqual(before);
    writeFileSync(path, 'a: 22\n');
    // Looked up once per run: the identity it had when the run first looked.
    expect(memo.of(path)).toEqual(before);
    expect(memo.of(join(root, 'missing.yaml'))).toBeUndefined();
  });

  it('compares a path with an identity kept as numbers, over more paths than its first array holds', () => {
    const memo = new IdentityMemo();
    const paths = Array.from({ length: 1500 }, (_, index) => join(root, `many-${index}.yaml`));
    paths.forEach((path) => writeFileSync(path, 'x'));
    const numbers: number[] = [];
    for (const path of paths) writeIdentity(identityOf(path)!, numbers);
    utimesSync(paths[1400]!, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const current = paths.map((path, index) => memo.isAsKept(path, numbers, index));
    expect(current.filter((isCurrent) => !isCurrent)).toHaveLength(1);
    expect(current[1400]).toBe(false);
    expect(memo.of(paths[1499]!)).toEqual(identityOf(paths[1499]!));
    expect(memo.isAsKept(join(root, 'gone.yaml'), numbers, 0)).toBe(false);
  });
});
