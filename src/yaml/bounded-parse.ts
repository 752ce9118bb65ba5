import { Composer, CST, Lexer, Parser, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * Whether a lexeme makes the composer build a node: a scalar, an alias, a collection, a sequence item, a key or a
 * document (a pair is counted by its key). Counting them while the text is lexed bounds the memory a file can take: a
 * file of a million `0,` or `[]` or `---` is a few megabytes of text but a gigabyte of nodes. The same answer as
 * `CST.tokenType` in `scalar`, `single-quoted-scalar`, `double-quoted-scalar`, `block-scalar-header`, `alias`,
 * `flow-map-start`, `flow-seq-start`, `seq-item-ind`, `explicit-key-ind` or `doc-start` (a test holds them equal),
 * without naming the type of each of the millions of lexemes a large run reads.
 */
export function isNodeLexeme(lexeme: string): boolean {
  switch (lexeme) {
    case CST.SCALAR:
    case '---':
    case '-':
    case '?':
    case '{':
    case '[':
      return true;
  }
  switch (lexeme.charCodeAt(0)) {
    case 0x2a: // * alias
    case 0x27: // ' single-quoted
    case 0x22: // " double-quoted
    case 0x7c: // | block scalar
    case 0x3e: // > block scalar
      return true;
  }
  return false;
}

export type BoundedParse =
  /** `tokens`: the parser's CST tokens, when asked for (the comments live there). */
  | { documents: Document.Parsed[]; nodes: number; tokens?: CST.Token[] }
  /** Parsing stopped at `offset`, where the text went past `maxNodes` nodes. */
  | { tooManyNodes: { offset: number } };

type Options = ParseOptions & DocumentOptions & SchemaOptions;

class NodeLimitReached extends Error {}

/**
 * `parseAllDocuments`, stopping as soon as the text holds more than `maxNodes` nodes: the lexer's tokens are counted
 * as they are handed to the parser, so nothing past the limit is ever built.
 */
export function parseAllDocumentsWithin(text: string, maxNodes: number, options: Options = {}, keepTokens = false): BoundedParse {
  const parser = new Parser();
  let nodes = 0;
  const kept: CST.Token[] | undefined = keepTokens ? [] : undefined;
  function* cstTokens() {
    for (const lexeme of new Lexer().lex(text)) {
      if (isNodeLexeme(lexeme) && ++nodes > maxNodes) throw new NodeLimitReached();
      for (const token of parser.next(lexeme)) {
        kept?.push(token);
        yield token;
      }
    }
    for (const token of parser.end()) {
      kept?.push(token);
      yield token;
    }
  }
  try {
    const documents = Array.from(new Composer(options).compose(cstTokens()));
    return { documents, nodes, ...(kept && { tokens: kept }) };
  } catch (error) {
    if (error instanceof NodeLimitReached) return { tooManyNodes: { offset: Math.min(parser.offset, text.length) } };
    throw error;
  }
}
