import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type Position, type Range as LspRange, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../types.js';
import { lspRange } from './positions.js';
import { addDays } from '../text/dates.js';

/** The command a suppression fix runs after its edit: the server moves the cursor to where the reason goes. */
export const placeCursorCommand = 'svc-lint.placeCursor';

/** How far ahead a suppression with an end date reaches. */
export const suppressionDays = 90;

export interface FixContext {
  document: TextDocument;
  /** YYYY-MM-DD. */
  today: string;
  /** Whether the client can be asked to move its cursor (`window/showDocument` with a selection). */
  canPlaceCursor: boolean;
  /** Every shown finding of the document, the ones outside the requested range too. */
  documentFindings: readonly Finding[];
  diagnosticOf(finding: Finding): Diagnostic;
}

/** Rules a directive cannot suppress: the findings about directives, and those reported on the config. */
const unsuppressible = new Set(['suppression-reason', 'suppression-expired', 'unused-suppression', 'waiver-expired', 'waiver-expiring', 'unused-waiver']);

function quickFix(title: string, finding: Finding, context: FixContext, edits: TextEdit[], extra: Partial<CodeAction> = {}): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [context.diagnosticOf(finding)],
    edit: { changes: { [context.document.uri]: edits } },
    ...extra,
  };
}

/** `# svc-lint-disable-next-line <rule> [until <date>] -- ` above the finding's line, at its indentation. */
function suppressions(finding: Finding, context: FixContext): CodeAction[] {
  if (unsuppressible.has(finding.ruleId)) return [];
  const { document } = context;
  const line = finding.line - 1;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const variants = [
    { title: `Disable ${finding.ruleId} for this line`, until: '' },
    { title: `Disable ${finding.ruleId} for this line for ${suppressionDays} days`, until: ` until ${addDays(context.today, suppressionDays)}` },
  ];
  return variants.map(({ title, until }) => {
    const directive = `${indent}# svc-lint-disable-next-line ${finding.ruleId}${until} -- `;
    const reasonAt: Position = { line, character: directive.length };
    const command: Command = { title: 'Type the reason', command: placeCursorCommand, arguments: [document.uri, reasonAt] };
    const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${directive}\n` };
    return quickFix(title, finding, context, [edit], context.canPlaceCursor ? { command } : {});
  });
}

/** Replaces `from` inside the finding's range (a quoted value keeps its quotes); the whole range when it is not there. */
function replaceWithin(finding: Finding, context: FixContext, from: string, to: string): TextEdit {
  const range = lspRange(finding);
  const text = context.document.getText(range);
  let index = text.indexOf(from);
  if (index < 0) index = text.toLowerCase().lastIndexOf(from.toLowerCase());
  if (index < 0) return { range, newText: to };
  const start = context.document.offsetAt(range.start) + index;
  return { range: { start: context.document.positionAt(start), end: context.document.positionAt(start + from.length) }, newText: to };
}

function replacements(finding: Finding, context: FixContext, from: string, suggestions: readonly string[]): CodeAction[] {
  return suggestions.map((suggestion) =>
    quickFix(`Change "${from}" to "${suggestion}"`, finding, context, [replaceWithin(finding, context, from, suggestion)], {
      isPreferred: suggestions.length === 1,
    }),
  );
}

/** "a, b" as a list; the suggestions a message offers are joined that way. */
function listOf(value: string | number | undefined): string[] {
  return typeof value === 'string' ? value.split(',').map((name) => name.trim()).filter((name) => name !== '') : [];
}

// "spec.langauge is not a known property (did you mean language?)", "must be one of … (did you mean api?)"
const didYouMean = /\(did you mean ([^?]+)\?\)/;

function schemaRename(finding: Finding, context: FixContext): CodeAction[] {
  const match = didYouMean.exec(String(finding.data.problem ?? ''));
  if (!match) return [];
  const current = context.document.getText(lspRange(finding)).replace(/^["']|["']$/g, '');
  return replacements(finding, context, current, listOf(match[1]));
}

/** The parts of a directive comment: where its rule list lies, and the rules in it. */
function directiveRules(comment: string): { start: number; end: number; rules: string[] } | undefined {
  const head = /^#\s*svc-lint-(?:disable-next-line|disable)\s+/.exec(comment);
  if (!head) return undefined;
  const rest = comment.slice(head[0].length);
  const tail = /\s+until\s|\s*(?:^|\s)--(?:\s|$)/.exec(rest);
  const end = head[0].length + (tail ? tail.index : rest.trimEnd().length);
  const rules = comment.slice(head[0].length, end).split(',').map((rule) => rule.trim()).filter((rule) => rule !== '');
  return { start: head[0].length, end, rules };
}

/** Deletes the directive: its whole line when it stands alone, else the comment and the spaces before it. */
function deleteDirective(finding: Finding, context: FixContext): TextEdit {
  const range = lspRange(finding);
  const line = range.start.line;
  const before = context.document.getText({ start: { line, character: 0 }, end: range.start });
  if (before.trim() === '') return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const spaces = before.length - before.trimEnd().length;
  return { range: { start: { line, character: range.start.character - spaces }, end: range.end }, newText: '' };
}

function directiveFixes(finding: Finding, context: FixContext): CodeAction[] {
  const rule = String(finding.data.rule ?? '');
  const range = lspRange(finding);
  const comment = context.document.getText(range);
  const parts = directiveRules(comment);
  if (!parts || !parts.rules.includes(rule)) return [];
  if (finding.messageId === 'unknownRuleDidYouMean') {
    return replacements(finding, context, rule, listOf(finding.data.suggestions));
  }
  // Rules of the same directive that are unused too: when that is every rule, the directive goes.
  const unused = new Set(
    context.documentFindings
      .filter((other) => other.ruleId === 'unused-suppression' && other.line === finding.line && other.column === finding.column)
      .map((other) => String(other.data.rule)),
  );
  if (parts.rules.every((name) => unused.has(name))) {
    return [quickFix('Remove the unused directive', finding, context, [deleteDirective(finding, context)], { isPreferred: true })];
  }
  const start = context.document.offsetAt(range.start);
  const listRange: LspRange = { start: context.document.positionAt(start + parts.start), end: context.document.positionAt(start + parts.end) };
  const kept = parts.rules.filter((name) => name !== rule).join(', ');
  return [quickFix(`Remove ${rule} from the directive`, finding, context, [{ range: listRange, newText: kept }], { isPreferred: true })];
}

/** The quick fixes for the findings of one document that the range touches. */
export function codeActionsFor(findings: readonly Finding[], context: FixContext): CodeAction[] {
  return findings.flatMap((finding) => {
    switch (finding.ruleId) {
      case 'misspelled-language':
        return [...replacements(finding, context, String(finding.data.language), listOf(finding.data.suggestion)), ...suppressions(finding, context)];
      case 'unknown-dependency':
        return [...replacements(finding, context, String(finding.data.dependency), listOf(finding.data.suggestions)), ...suppressions(finding, context)];
      case 'manifest-schema':
        return [...schemaRename(finding, context), ...suppressions(finding, context)];
      case 'unused-suppression':
        return directiveFixes(finding, context);
      default:
        return suppressions(finding, context);
    }
  });
}
