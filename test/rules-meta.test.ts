import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { loadShippedRules } from '../src/ruleset/shipped.js';
import { loadFixtureSuites } from './fixture-cases.js';

const rules = loadShippedRules();
const suites = new Map(loadFixtureSuites().map((suite) => [suite.rule, suite]));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ruleSection = readme.slice(readme.indexOf('## Rules'), readme.indexOf('\n## ', readme.indexOf('## Rules') + 1));

/** Examples that need more than a manifest to trigger: a config file, or files beside the manifest. */
const examplesNeedingContext = new Set(['waiver-expired', 'waiver-expiring', 'unused-waiver', 'language-drift']);

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has fixtures where it fires and where it stays silent', () => {
    const suite = suites.get(id);
    expect(suite, `fixtures/${id}/cases.yaml`).toBeDefined();
    const checking = suite!.cases.filter((fixture) => (fixture.rules ?? [suite!.rule]).includes(id));
    const fires = checking.some((fixture) => fixture.expect.some((line) => line.split(' ')[2] === id));
    const silent = checking.some((fixture) => !fixture.expect.some((line) => line.split(' ')[2] === id));
    expect(fires, 'a case where it fires').toBe(true);
    expect(silent, 'a case where it stays silent').toBe(true);
  });

  it('says what to do about a finding', () => {
    expect(rule.remediation.trim().length).toBeGreaterThan(30);
  });

  it('is documented in the README rules section', () => {
    expect(ruleSection).toContain(`\`${id}\``);
  });

  it.skipIf(examplesNeedingContext.has(id))('has an example that triggers it', async () => {
    expect(rule.example).toBeDefined();
    const result = await lint({
      cwd: new URL('../fixtures/', import.meta.url).pathname,
      stdin: { text: rule.example!, filename: 'example.service.yaml' },
      config: false,
      workspace: false,
    });
    expect(result.findings.map((finding) => finding.ruleId)).toContain(id);
  });
});
