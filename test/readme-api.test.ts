import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as api from '../src/index.js';
import { makeWorkspace, removeWorkspaces } from './cli/run-cli.js';
import { linkPackages } from './integrations/git-project.js';
import { slowTestTimeout } from './timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const librarySection = readme.slice(readme.indexOf('## Library API'), readme.indexOf('\n## ', readme.indexOf('## Library API') + 1));

describe("the README's library example", () => {
  it("imports only what the package's entry point exports", () => {
    const imports = [...readme.matchAll(/import \{([^}]+)\} from 'svc-lint';/g)].flatMap((match) =>
      match[1]!.split(',').map((name) => name.trim()).filter((name) => name !== '' && !name.startsWith('type ')),
    );
    expect(imports).toEqual(expect.arrayContaining(['lint', 'isCounted', 'formatResult', 'formatResultPieces']));
    for (const name of imports) expect(api, name).toHaveProperty(name);
  });

  it('prints only the findings that count, not the suppressed or baselined ones', () => {
    const loops = [...librarySection.matchAll(/^for \(const finding of (.+)\) \{$/gm)].map((match) => match[1]);
    expect(loops).toEqual(['result.findings.filter(isCounted)']);
  });

  it('the import() form it gives CommonJS callers loads the ESM-only package', () => {
    const form = /From CommonJS, load it with\s+a dynamic import: `([^`]+)`/.exec(librarySection)?.[1];
    expect(form).toBe("const { lint } = await import('svc-lint');");
    const project = makeWorkspace({ 'package.json': '{ "name": "caller", "private": true }\n' });
    linkPackages(project, ['svc-lint']);
    const script = join(project, 'caller.cjs');
    writeFileSync(
      script,
      [
        `(async () => { ${form} console.log('import', typeof lint); })();`,
        "try { require('svc-lint'); } catch (error) { console.log('require', error.code); }",
        '',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [script], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').sort()).toEqual(['', 'import function', 'require ERR_PACKAGE_PATH_NOT_EXPORTED']);
  });
});
