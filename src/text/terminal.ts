import { unicodeEscape } from './unicode-escape.js';

// C0 and C1 control characters, DEL, the Unicode line and paragraph separators, and the bidirectional embeddings,
// overrides and isolates: what can move the cursor, erase a line, set a window title, start a line of its own or show
// text in another order than it is stored.
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a manifest, a file name or the command line, made safe to print on a terminal or in a CI log: every
 * unsafe character becomes a visible `\u001b`-style escape, and `##[` becomes `##\u005b`, because GitHub's runner
 * reads its legacy `##[command]` form anywhere in a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(unsafeCharacters, unicodeEscape).replaceAll('##[', '##\\u005b');
}

/**
 * Text that starts a line of output: also never `::` (after spaces), which GitHub's runner reads as a workflow
 * command (`::error::`, `::add-mask::`, `::stop-commands::`) when it begins a line.
 */
export function terminalSafeLineStart(text: string): string {
  const safe = terminalSafe(text);
  return /^\s*::/.test(safe) ? safe.replace(':', '\\u003a') : safe;
}

/** A file path shown at the start of a line: as `terminalSafe`, and `./` in front of one that begins with `::`. */
export function terminalSafePath(path: string): string {
  const safe = terminalSafe(path);
  return /^\s*::/.test(safe) ? `./${safe}` : safe;
}
