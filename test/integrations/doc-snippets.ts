import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const integrationsDoc = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/integrations.md');

export interface Snippet {
  /** The fence's language: yaml, json, sh, groovy, text. */
  language: string;
  /** The word after the language: the file the snippet belongs in, when it has one. */
  fileName: string | undefined;
  /** A third word naming one of several snippets for the same file (`local`). */
  variant: string | undefined;
  text: string;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
}

const fence = /^```(\w+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

export function readSnippets(path: string = integrationsDoc): Snippet[] {
  const markdown = readFileSync(path, 'utf8');
  return [...markdown.matchAll(fence)].map((match) => ({
    language: match[1]!,
    fileName: match[2],
    variant: match[3],
    text: match[4]!,
    line: markdown.slice(0, match.index).split('\n').length,
  }));
}

/**
 * The one snippet meant for `fileName` (and `variant`, when several are); throws when there is none or several, so a
 * renamed block fails loudly.
 */
export function snippetFor(fileName: string, variant?: string, snippets: readonly Snippet[] = readSnippets()): Snippet {
  const matching = snippets.filter((snippet) => snippet.fileName === fileName && snippet.variant === variant);
  if (matching.length !== 1) throw new Error(`expected one snippet for ${fileName} ${variant ?? ''} in ${integrationsDoc}, found ${matching.length}`);
  return matching[0]!;
}
