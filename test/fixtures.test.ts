import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { describeFinding, loadFixtureSuites } from './fixture-cases.js';

const suites = loadFixtureSuites();

describe.each(suites.map((suite) => [suite.rule, suite] as const))('fixtures of %s', (_rule, suite) => {
  it.each(suite.cases.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const rules = fixture.rules ?? suite.rules ?? [suite.rule];
    const result = await lint({
      cwd: suite.directory,
      patterns: fixture.files,
      config: fixture.config ?? false,
      workspace: fixture.workspace === undefined ? false : join(suite.directory, fixture.workspace),
      ...(fixture.today !== undefined && { today: fixture.today }),
    });
    const found = result.findings.filter((finding) => rules.includes(finding.ruleId));
    expect(found.map(describeFinding).sort()).toEqual([...fixture.expect].sort());
    for (const finding of found) expect(finding.message).not.toMatch(/\{\{|\}\}/);
    if (fixture.messageIds) expect(found.map((finding) => finding.messageId).sort()).toEqual([...fixture.messageIds].sort());
    const messages = found.map((finding) => finding.message);
    for (const text of fixture.mentions ?? []) expect(messages.some((message) => message.includes(text)), `a message mentions "${text}": ${messages.join(' | ')}`).toBe(true);
    for (const text of fixture.omits ?? []) expect(messages.filter((message) => message.includes(text))).toEqual([]);
  });

  it('uses every manifest in its directory', () => {
    const used = new Set(suite.cases.flatMap((fixture) => [...fixture.files, ...(fixture.config ? [fixture.config] : [])]));
    const present = readdirSync(suite.directory).filter((name) => name !== 'cases.yaml' && /\.ya?ml$/.test(name));
    expect(present.filter((name) => !used.has(name))).toEqual([]);
  });
});
