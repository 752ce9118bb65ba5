import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeWorkspaces } from '../cli/run-cli.js';
import { lintFiles, lintText } from '../hostile/support.js';
import { manifestText, positionOf } from './support.js';

afterAll(removeWorkspaces);

const seed = 20_260_115;

describe('linting is deterministic', () => {
  it('the same text twice gives deep-equal findings in the same order', { timeout: 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(manifestText, async (text) => {
        const first = await lintText(text);
        const second = await lintText(text);
        expect(second.findings).toEqual(first.findings);
        expect(second.summary).toEqual(first.summary);
      }),
      { numRuns: 100, seed },
    );
  });

  it('the order of the files on the command line does not change the findings', { timeout: 60_000 }, async () => {
    const workspace = fc.array(manifestText, { minLength: 2, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(workspace, fc.infiniteStream(fc.nat()), async (texts, randomness) => {
        const root = makeWorkspace();
        const names = texts.map((text, index) => {
          const name = `s${index}.service.yaml`;
          writeFileSync(join(root, name), text);
          return name;
        });
        // Fisher-Yates with values drawn by fast-check, so that a failure replays from its seed.
        const shuffled = [...names];
        const draws = randomness[Symbol.iterator]();
        for (let index = shuffled.length - 1; index > 0; index -= 1) {
          const other = (draws.next().value as number) % (index + 1);
          [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
        }
        const inOrder = await lintFiles(root, names, { workspace: root });
        const reordered = await lintFiles(root, shuffled.reverse(), { workspace: root });
        expect(reordered.findings).toEqual(inOrder.findings);
        expect(reordered.findings.map(positionOf)).toEqual(inOrder.findings.map(positionOf));
      }),
      { numRuns: 60, seed },
    );
  });
});
