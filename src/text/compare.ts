/**
 * Orders strings by UTF-16 code units, as `Array.prototype.sort` does: the same on every machine and locale, and,
 * unlike `localeCompare`, it never loads ICU's collation data.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
