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

/** A placeholder of a template, as `placeholderPattern` matched it. */
interface Slot {
  whole: string;
  key: string;
  singular: string | undefined;
  plural: string | undefined;
}

/** A template with its sections resolved, cut at its placeholders: `literals` has one more item than `slots`. */
interface ResolvedTemplate {
  literals: string[];
  slots: Slot[];
}

/** The keys of a template's sections, and each way of resolving them seen so far, by which of them have a value. */
interface CompiledTemplate {
  sectionKeys: string[];
  resolved: Map<string, ResolvedTemplate>;
}

// A run renders thousands of findings from a few templates: each is parsed once per set of sections kept.
const compiledTemplates = new Map<string, CompiledTemplate>();

function compiledTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    const sectionKeys = [...new Set([...template.matchAll(sectionOpeningPattern)].map((match) => match[1] as string))];
    compiled = { sectionKeys, resolved: new Map() };
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

function resolveSections(template: string, data: MessageData): ResolvedTemplate {
  // An outer section's kept text may hold sections of other keys: repeat until none is left.
  let withSections = template;
  for (let previous = ''; previous !== withSections; ) {
    previous = withSections;
    withSections = withSections.replace(sectionPattern, (_whole, kind: string, key: string, text: string) =>
      (data[key] !== undefined) === (kind === '#') ? text : '',
    );
  }
  const literals: string[] = [];
  const slots: Slot[] = [];
  let end = 0;
  for (const match of withSections.matchAll(placeholderPattern)) {
    literals.push(withSections.slice(end, match.index));
    slots.push({ whole: match[0], key: match[1] as string, singular: match[2], plural: match[3] });
    end = match.index + match[0].length;
  }
  literals.push(withSections.slice(end));
  return { literals, slots };
}

function slotText(slot: Slot, data: MessageData): string {
  const value = data[slot.key];
  if (value === undefined) return slot.whole;
  if (slot.singular !== undefined && slot.plural !== undefined) return Number(value) === 1 ? slot.singular : slot.plural;
  return formatValue(value);
}

/**
 * Fills `{{key}}` with a value (numbers get thousands separators), `{{key:singular|plural}}` with the word that agrees
 * with the number `key`, and keeps or drops `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}` sections.
 */
export function renderMessage(template: string, data: MessageData): string {
  const compiled = compiledTemplate(template);
  // Which sections are kept depends only on which of their keys have a value.
  let kept = '';
  for (const key of compiled.sectionKeys) kept += data[key] === undefined ? '0' : '1';
  let resolved = compiled.resolved.get(kept);
  if (!resolved) {
    resolved = resolveSections(template, data);
    compiled.resolved.set(kept, resolved);
  }
  const { literals, slots } = resolved;
  const parts: string[] = [literals[0]!];
  for (let index = 0; index < slots.length; index++) parts.push(slotText(slots[index]!, data), literals[index + 1]!);
  return parts.join('');
}

/** The keys a message template refers to (in placeholders and sections), to check them against what its template provides. */
export function placeholdersOf(template: string): string[] {
  return [
    ...[...template.matchAll(sectionOpeningPattern)].map((match) => match[1] as string),
    ...[...template.matchAll(placeholderPattern)].map((match) => match[1] as string),
  ];
}
