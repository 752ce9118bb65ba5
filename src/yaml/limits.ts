/** Deeper than this, a YAML text is refused before parsing: a few levels suffice, and the parser's work grows with depth. */
export const maxNestingDepth = 1000;

/** Bounds the expansion of YAML aliases: a "billion laughs" file stops here instead of exhausting memory. */
export const maxAliasCount = 100;
