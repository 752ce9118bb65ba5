import type { MessageData } from '../types.js';
import { formatNumber } from '../text/number.js';

const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*(?::([^|{}]*)\|([^{}]*))?\}\}/g;
/** `{{#key}}…{{/key}}` keeps its text when `key` has a value, `{{^key}}…{{/key}}` when it has none (as in Mustache). */
const sectionPattern = /\{\{([#^])\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
/** Where a section opens, nested ones included (`sectionPattern` matches whole sections, so not the ones inside). */
const sectionOpeningPattern = /\{\{[#^]\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;


function formatValue(value: string | number): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  return formatNumber(value);
}

/**
 * Fills `{{key}}` with a value (numbers get thousands separators), `{{key:singular|plural}}` with the word that agrees
 * with the number `key`, and keeps or drops `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}` sections.
 */
export function renderMessage(template: string, data: MessageData): string {
  // An outer section's kept text may hold sections of other keys: repeat until none is left.
  let withSections = template;
  for (let previous = ''; previous !== withSections; ) {
    previous = withSections;
    withSections = withSections.replace(sectionPattern, (_whole, kind: string, key: string, text: string) =>
      (data[key] !== undefined) === (kind === '#') ? text : '',
    );
  }
  return withSections.replace(placeholderPattern, (whole, key: string, singular?: string, plural?: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    if (singular !== undefined && plural !== undefined) return Number(value) === 1 ? singular : plural;
    return formatValue(value);
  });
}

/** The keys a message template refers to (in placeholders and sections), to check them against what its template provides. */
export function placeholdersOf(template: string): string[] {
  return [
    ...[...template.matchAll(sectionOpeningPattern)].map((match) => match[1] as string),
    ...[...template.matchAll(placeholderPattern)].map((match) => match[1] as string),
  ];
}
