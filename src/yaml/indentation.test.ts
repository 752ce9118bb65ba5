import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { describeSyntaxError, lineCounterFor } from './text.js';

/** What the reader reports for the first parser error of `text`: the reason and where it points. */
function firstProblem(text: string): string {
  const [error] = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }).flatMap((document) => document.errors);
  if (!error) return 'no error';
  const { reason, start, end } = describeSyntaxError(error, text);
  const lineCounter = lineCounterFor(text);
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(end);
  return `${from.line}:${from.col}-${to.line}:${to.col} ${reason}`;
}

describe('an indentation slip is named with the indentation of its siblings', () => {
  it.each([
    ['a key one space too deep', 'spec:\n  language: go\n   workload: api\n', '3:4-3:17 line 3 is indented 3 spaces; its siblings use 2'],
    ['a key one space short', 'spec:\n  language: go\n workload: api\n', '3:2-3:15 line 3 is indented 1 space; its siblings use 2'],
    ['a top-level key indented', 'kind: Service\n metadata:\n  name: a\n', '2:2-2:11 line 2 is indented 1 space; its siblings use 0'],
    ['a key of a sequence item too deep', 'spec:\n  dependsOn:\n    - service: a\n       call: sync\n', '4:8-4:18 line 4 is indented 7 spaces; its siblings use 6'],
    ['a key of a sequence item short', 'spec:\n  dependsOn:\n    - service: a\n     call: sync\n', '4:6-4:16 line 4 is indented 5 spaces; its siblings use 6'],
    ['a key back out too far', 'metadata:\n    name: a\n  owner: b\nspec: {}\n', '3:3-3:11 line 3 is indented 2 spaces; its siblings use 4'],
    ['a comment between the siblings', 'spec:\n  language: go\n  # the workload\n   workload: api\n', '4:4-4:17 line 4 is indented 3 spaces; its siblings use 2'],
    ['a tab', 'spec:\n\tlanguage: go\n', '2:1-2:2 line 2 is indented with a tab; YAML indents with spaces only'],
  ])('%s', (_name, text, expected) => {
    expect(firstProblem(text)).toBe(expected);
  });

  it('leaves other syntax errors in the parser’s words', () => {
    expect(firstProblem('spec: [go\n')).toBe('2:1-2:1 Flow sequence in block collection must be sufficiently indented and end with a ]');
    expect(firstProblem('spec:\n  language: "go\n')).toMatch(/^\d+:\d+-\d+:\d+ Missing closing "quote/);
  });
});
