/** Shorter than this, V8 copies a part of a string rather than pointing into it. */
const shortestSlice = 13;

/**
 * `text` as a string of its own. A value the YAML parser cut out of a file's text can be a slice that keeps the whole
 * text alive, so a run that keeps one name per manifest would keep every manifest's text (3.6 MB at 10,000 manifests).
 * Prefixing a character and cutting it off again makes V8 copy the characters into a new string.
 */
export function ownString(text: string): string {
  return text.length < shortestSlice ? text : ` ${text}`.slice(1);
}
