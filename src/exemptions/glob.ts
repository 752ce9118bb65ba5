/**
 * Whether `name` matches `pattern`, where `*` stands for any run of characters and `?` for exactly one.
 *
 * A two-pointer match, not a regular expression: `*a*a*a*b` as a backtracking regex takes time exponential in the
 * stars, while here a mismatch only moves back to just after the last star, so the work is at most the product of
 * the two lengths. Characters are code points, so `?` matches one character whatever its encoding.
 */
export function matchesGlob(pattern: string, name: string): boolean {
  const glob = [...pattern];
  const text = [...name];
  let g = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    const token = glob[g];
    if (token === '*') {
      starAt = g;
      resumeAt = t;
      g += 1;
    } else if (token !== undefined && (token === '?' || token === text[t])) {
      g += 1;
      t += 1;
    } else if (starAt >= 0) {
      // Let the last star swallow one more character and try the rest of the pattern again.
      resumeAt += 1;
      t = resumeAt;
      g = starAt + 1;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g += 1;
  return g === glob.length;
}
