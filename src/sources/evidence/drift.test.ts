import { describe, expect, it } from 'vitest';
import { languageDriftVerdict } from './drift.js';
import type { Evidence } from './types.js';

function found(languageId: string, file: string): Evidence {
  return { languageId, file: `/repo/svc/${file}` };
}

describe('languageDriftVerdict', () => {
  it('reports nothing without evidence', () => {
    expect(languageDriftVerdict('go', [])).toEqual({ drift: false });
  });

  it('reports nothing when any evidence matches', () => {
    expect(languageDriftVerdict('go', [found('node', 'package.json'), found('go', 'go.mod')])).toEqual({ drift: false });
  });

  it('reports all the evidence when none matches', () => {
    const evidence = [found('python', 'requirements.txt'), found('python', 'Dockerfile')];
    expect(languageDriftVerdict('go', evidence)).toEqual({ drift: true, evidence });
  });

  it.each([
    ['typescript', 'node'],
    ['javascript', 'node'],
    ['kotlin', 'java'],
    ['scala', 'java'],
    ['GO', 'go'],
  ])('declared %s agrees with %s evidence', (declared, languageId) => {
    expect(languageDriftVerdict(declared, [found(languageId, 'x')])).toEqual({ drift: false });
  });

  it('does not treat a runtime as satisfying an unrelated language', () => {
    expect(languageDriftVerdict('node', [found('java', 'pom.xml')])).toEqual({
      drift: true,
      evidence: [found('java', 'pom.xml')],
    });
  });
});
