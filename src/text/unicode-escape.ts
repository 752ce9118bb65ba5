/** A character as a JSON and JavaScript `\u` escape (`\u001b`): what JSON.parse reads back as the character. */
export function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
