import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from './run-in-process.js';
import { makeWorkspace, removeWorkspaces } from '../cli/run-cli.js';
import { listTree, temporaryFilesIn } from '../hostile/support.js';
import { manifestText, yamlishText } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const seed = 20_260_114;


// A size limit of 8 KB (the config's maxFileSizeMb), so that generated text reaches it; the other limits (nesting,
// aliases, nodes) are reached by the pieces below.
const config = 'maxFileSizeMb: 0.0078125\n';
const manifestPath = 'services/fuzz.service.yaml';
const writes = ['out/report.json', 'out/lint-cache', 'out/baseline.json'];

const hostilePieces = fc.constantFrom('[', ']', '{a: ', '}', '- ', '&a [x, y]\n', '*a', '---\n', '# svc-lint-\n', '\u001b[2K', '\n', 'k: v\n', '"', '\t');
/** Manifests, any YAML value, or a run of hostile pieces up to twice the size limit. */
const anyText = fc.oneof(
  manifestText,
  yamlishText,
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.tuple(hostilePieces, fc.integer({ min: 1, max: 4_000 })).map(([piece, times]) => piece.repeat(times)),
  fc.array(hostilePieces, { maxLength: 400 }).map((pieces) => pieces.join('')),
);

/** Findings (exit 0 or 1) or a one-line error (exit 2); never an internal error; files only where they were asked. */
async function answersAndWritesOnlyItsFiles(text: string): Promise<void> {
  const root = makeWorkspace({ '.svc-lint.yaml': config, [manifestPath]: text });
  const before = listTree(root);
  const manifestBytes = readFileSync(join(root, manifestPath));
  const runs = [
    await runInProcess(['--format', `json:${writes[0]}`, '--cache', '--cache-location', writes[1]!], root),
    await runInProcess(['baseline', '--baseline', writes[2]!], root),
  ];
  for (const run of runs) {
    expect(run.stderr).not.toMatch(/internal error/);
    if (run.code === 2) expect(run.stderr).toMatch(/^svc-lint: [^\n]+\n$/);
    else expect([0, 1]).toContain(run.code);
  }
  expect(readFileSync(join(root, manifestPath)).equals(manifestBytes)).toBe(true);
  const added = listTree(root).filter((path) => !before.includes(path));
  expect(added.every((path) => path === 'out' || writes.includes(path)), added.join(', ')).toBe(true);
  expect(temporaryFilesIn(root)).toEqual([]);
}

describe('for any manifest text up to the limits', () => {
  it('svc-lint returns findings or a one-line error, and writes only its report, cache and baseline', { timeout: 300_000 }, async () => {
    await fc.assert(fc.asyncProperty(anyText, answersAndWritesOnlyItsFiles), { numRuns: 150, seed });
  });
});
