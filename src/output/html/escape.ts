import { unicodeEscape } from '../../text/unicode-escape.js';

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for element content and for quoted attribute values alike. Line breaks become character references
 * and a leading `:` or a `##[` is written as one too: the page reads the same, and a page printed to a CI log holds no
 * line a GitHub runner would read as a workflow command (`::error::…`, or `##[error]` anywhere in a line).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => htmlEntities[character]!)
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/^(\s*):/, '$1&#58;')
    .replaceAll('##[', '##&#91;');
}

/**
 * JSON text (or a piece of it) that can sit inside `<script type="application/json">`: `<`, `>`, `&` and the two
 * line separators become `\u` escapes, so no `</script>` or `<!--` can end the element early, and JSON.parse still
 * reads the original text. So does the `[` of a `##[` (a `#` is only ever inside a JSON string), which a GitHub
 * runner would read as a legacy workflow command.
 */
export function escapeForScript(json: string): string {
  return json
    .replace(/[<>&\u2028\u2029]/g, unicodeEscape)
    .replaceAll('##[', '##\\u005b');
}
