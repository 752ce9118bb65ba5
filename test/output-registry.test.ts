import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpText } from '../src/cli/help.js';
import { formatsFor, outputFormats, renderOutput } from '../src/output/formats.js';
import { lint } from '../src/lint.js';
import { testContext } from './support/result.js';
import { slowTestTimeout } from './timeouts.js';
import type { OutputCommand } from '../src/output/format.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const commands: OutputCommand[] = ['lint', 'report', 'graph'];

/** The backticked names of README's `--format` row, split by command: `lint` first, then "for `report`:" and so on. */
function readmeFormatNames(): Record<OutputCommand, string[]> {
  const row = readme.split('\n').find((line) => line.startsWith('| `-f, --format'))!;
  const [lint, report, graph] = row.split(/for `report`:|for `graph`:/);
  const names = (text = '') => [...text.matchAll(/`([a-z]+)`(?! \|)/g)].map((match) => match[1]!).filter((name) => name !== 'format');
  return { lint: names(lint?.split('|')[2]), report: names(report), graph: names(graph?.split(';')[0]) };
}

describe('the output registry', () => {
  it('names each format once per command', () => {
    for (const command of commands) {
      const names = formatsFor(command).map((format) => format.name);
      expect(new Set(names).size, command).toBe(names.length);
    }
    expect(outputFormats.every((format) => format.commands.length > 0)).toBe(true);
  });

  it('is what --help lists, each format with its description and the default first', () => {
    const help = helpText();
    for (const command of commands) {
      const formats = formatsFor(command);
      formats.forEach((format, index) => {
        expect(help).toContain(`    ${format.name.padEnd(10)}${format.description}${index === 0 ? ' (default)' : ''}\n`);
      });
    }
  });

  it("is what README's --format row lists, in the registry's order", () => {
    const listed = readmeFormatNames();
    for (const command of commands) expect(listed[command], command).toEqual(formatsFor(command).map((format) => format.name));
  });

  it('computes capacity only for the formats that show it', async () => {
    const cwd = new URL('../fixtures/examples', import.meta.url).pathname;
    const usesCapacity: string[] = [];
    const result = await lint({ cwd, patterns: ['.'], config: false });
    const capacity = result.analysis.capacity;
    for (const format of outputFormats) {
      let asked = false;
      result.analysis.capacity = () => {
        asked = true;
        return capacity();
      };
      [...renderOutput(format, result, testContext)].join('');
      if (asked) usesCapacity.push(`${format.commands.join('/')} ${format.name}`);
    }
    expect(usesCapacity).toEqual(['lint/report json', 'lint/report html', 'report text']);
  }, slowTestTimeout);
});
