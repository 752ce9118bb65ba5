import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './integrations/processes.js';

const sourceRoot = join(repositoryRoot, 'src');

/**
 * The stages of the pipeline, in order (README, Development): a module may import its own stage and the stages
 * before it, never one after. `shared` holds the vocabulary and utilities every stage uses. A stage marked `beside`
 * stands level with the one before it: the command line and the language server are two front ends on the same
 * pipeline, and neither imports the other.
 */
export const stages = [
  { name: 'shared', members: ['types.ts', 'errors.ts', 'package-paths.ts', 'text/', 'io/', 'yaml/', 'schema/'] },
  { name: 'config', members: ['config/'] },
  { name: 'languages', members: ['languages/'] },
  { name: 'sources', members: ['sources/'] },
  { name: 'analysis', members: ['analysis/'] },
  { name: 'ruleset', members: ['ruleset/'] },
  { name: 'engine', members: ['engine/'] },
  { name: 'exemptions', members: ['exemptions/'] },
  { name: 'pipeline', members: ['lint.ts', 'judge.ts'] },
  { name: 'output', members: ['output/'] },
  { name: 'cli', members: ['cli/', 'cli.ts', 'cli-worker.ts'] },
  { name: 'lsp', members: ['lsp/'], beside: true },
  { name: 'entry', members: ['bin.ts', 'cli-thread.ts', 'index.ts'] },
] as const satisfies readonly { name: string; members: readonly string[]; beside?: boolean }[];

function stageOf(file: string): number {
  return stages.findIndex((stage) => stage.members.some((member) => (member.endsWith('/') ? file.startsWith(member) : file === member)));
}

/** Each stage's level: one more than the stage before it, or the same when it stands beside it. */
const levels = stages.reduce<number[]>((found, stage, index) => [...found, index === 0 ? 0 : found[index - 1]! + ('beside' in stage ? 0 : 1)], []);

/** A module may import its own stage and the levels before it, not a stage beside its own. */
function mayImport(file: string, target: string): boolean {
  const [from, to] = [stageOf(file), stageOf(target)];
  return from === to || levels[to]! < levels[from]!;
}

function modules(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative(sourceRoot, path).split('\\').join('/')] : [];
  });
}

/** The relative imports of a module, as paths relative to src/ (`.js` read as the `.ts` it is built from). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(sourceRoot, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
    posix.normalize(posix.join(posix.dirname(file), match[1]!)).replace(/\.js$/, '.ts'),
  );
}

/** The text without comments, so that a comment naming `process` does not count. */
function code(file: string): string {
  return readFileSync(join(sourceRoot, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const files = modules(sourceRoot);

describe('the folders are the pipeline', () => {
  it('places every module in a stage', () => {
    expect(files.filter((file) => stageOf(file) === -1)).toEqual([]);
  });

  it('imports only from its own stage and the stages before it', () => {
    const backwards = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => !mayImport(file, target))
        .map((target) => `${file} (${stages[stageOf(file)]!.name}) imports ${target} (${stages[stageOf(target)]!.name})`),
    );
    expect(backwards).toEqual([]);
  });

  it('has no import circle between modules', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('lets only bin.ts touch process (and the temporary files, which read the pid and ask whether a pid runs)', () => {
    const allowed = ['bin.ts', 'io/temporary-files.ts'];
    expect(files.filter((file) => !allowed.includes(file) && /\bprocess\s*\./.test(code(file)))).toEqual([]);
  });

  it("is the map in README's Development section, stage by stage", () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The pipeline, folder by folder'), readme.indexOf('### Where tests go'));
    const rows = [...section.matchAll(/^\| (\w+) \| (.+?) \| .+ \|$/gm)].filter((row) => row[1] !== 'Stage');
    const documented = rows.map(([, stage, folders]) => ({ name: stage, members: [...folders!.matchAll(/`([^`]+)`/g)].map((m) => m[1]) }));
    expect(documented).toEqual(stages.map((stage) => ({ name: stage.name, members: [...stage.members] })));
  });
});
