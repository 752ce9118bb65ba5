import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './integrations/processes.js';

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const files = ['src', 'test', 'bench'].flatMap((directory) => testFiles(join(repositoryRoot, directory)));
const spawnsProcesses = /runCli\(|runProcess\(|spawnSync\(|spawn\(|execFileSync\(|execSync\(|chromium/;
const setsSlowTimeouts = 'vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });';

// vitest's default 5 s failed green runs on a loaded two-core machine ("finds a 10,000-member ring", "a config error
// stops every command"): such tests say how long they may take.
describe('no slow test leans on vitest’s default timeout', () => {
  it.each(files.filter((file) => spawnsProcesses.test(readFileSync(file, 'utf8'))).map((file) => relative(repositoryRoot, file)))(
    '%s spawns processes and sets the slow-test timeouts',
    (file) => {
      expect(readFileSync(join(repositoryRoot, file), 'utf8')).toContain(setsSlowTimeouts);
    },
  );

  it('every test that builds a graph of 10,000 services or nodes gives its own timeout', () => {
    const untimed = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^\s*it\(.*10,000[- ](service|node|member|caller)/.test(line) && !line.includes('timeout'))
        .map((line) => `${relative(repositoryRoot, file)}: ${line.trim()}`),
    );
    expect(untimed).toEqual([]);
  });
});
