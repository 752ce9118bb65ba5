import { formatNumber } from './text/number.js';

const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*(?::([^|{}]*)\|([^{}]*))?\}\}/g;

export type MessageData = Record<string, string | number>;

function formatValue(value: string | number): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  return formatNumber(value);
}

/**
 * Fills `{{key}}` with a value (numbers get thousands separators) and
 * `{{key:singular|plural}}` with the word that agrees with the number `key`.
 */
export function renderMessage(template: string, data: MessageData): string {
  return template.replace(placeholderPattern, (whole, key: string, singular?: string, plural?: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    if (singular !== undefined && plural !== undefined) return Number(value) === 1 ? singular : plural;
    return formatValue(value);
  });
}

/** The keys a message template refers to, to check them against what its template provides. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(placeholderPattern)].map((match) => match[1] as string);
}
