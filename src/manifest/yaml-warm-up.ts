import { parseDocument } from 'yaml';

let warmedUp = false;

/**
 * V8 compiles a regular expression on first use, and aborts the whole process (not a catchable error) when that
 * compilation starts with the call stack nearly exhausted. yaml folds multi-line scalars with a regular expression,
 * and a deeply nested manifest reaches it at the very bottom of the stack: so fold a few lines here first, at a
 * shallow depth. Long and short, plain and flow, so that every variant V8 keeps is compiled.
 */
export function warmUpYaml(): void {
  if (warmedUp) return;
  warmedUp = true;
  const text = `plain: one\n  two\n  three\nflow: [x, y\n  z]\nlong: ${'word '.repeat(300)}\n  end\n`;
  for (let round = 0; round < 5; round++) parseDocument(text).toJS();
}
