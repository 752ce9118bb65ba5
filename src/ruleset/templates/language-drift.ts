import { posix } from 'node:path';
import { detectLanguageEvidence } from '../../sources/evidence/detect.js';
import { languageDriftVerdict } from '../../sources/evidence/drift.js';
import type { Evidence } from '../../sources/evidence/types.js';
import type { ServiceTemplate } from './types.js';

export type LanguageDriftParams = Record<string, never>;

/** Evidence sits beside the manifest, so its display path is the manifest's directory plus the file name. */
function evidenceDisplayPath(evidence: Evidence, manifestDisplayPath: string): string {
  return posix.join(posix.dirname(manifestDisplayPath), posix.basename(evidence.file.replaceAll('\\', '/')));
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One clause per file, each with its own evidence: `svc/go.mod points to go and svc/Dockerfile points to go, as its
 * final stage (FROM alpine:3.20) copies from stage "build" (FROM golang:1.22)`.
 */
function describeEvidence(evidence: readonly Evidence[], manifestDisplayPath: string): string {
  const byFile = new Map<string, Evidence[]>();
  for (const item of evidence) {
    const path = evidenceDisplayPath(item, manifestDisplayPath);
    byFile.set(path, [...(byFile.get(path) ?? []), item]);
  }
  // Files that need no explanation first, so an "as …" clause never runs into the next file.
  const files = [...byFile].sort(([, a], [, b]) => Number(a.some((item) => item.reason)) - Number(b.some((item) => item.reason)));
  const clauses = files.map(([path, items]) => {
    const languages = items.map((item) => (item.reason ? `${item.languageId}, as ${item.reason}` : item.languageId));
    return { text: `${path} points to ${languages.join(', and to ')}`, explained: items.some((item) => item.reason) };
  });
  if (clauses.slice(0, -1).some((clause) => clause.explained)) return clauses.map((clause) => clause.text).join('; ');
  return listed(clauses.map((clause) => clause.text));
}

export const languageDrift: ServiceTemplate<LanguageDriftParams> = {
  key: 'language-drift',
  scope: 'service',
  description:
    "The build files and Dockerfile beside a service's manifest name a different language than the manifest declares.",
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messageIds: ['drift'],
  dataKeys: ['service', 'language', 'evidence', 'evidenceLanguage', 'evidenceFile'],
  check(service, _params, context) {
    const manifestDirectory = posix.dirname(service.file.path.replaceAll('\\', '/'));
    const evidence = context.languageEvidence?.(manifestDirectory) ?? detectLanguageEvidence(manifestDirectory);
    const verdict = languageDriftVerdict(service.languageId, evidence);
    if (!verdict.drift) return [];
    return [
      {
        messageId: 'drift',
        field: 'language',
        data: {
          service: service.name,
          language: service.language,
          evidence: describeEvidence(verdict.evidence, service.file.displayPath),
          evidenceLanguage: distinct(verdict.evidence.map((item) => item.languageId)).join(', '),
          evidenceFile: distinct(verdict.evidence.map((item) => evidenceDisplayPath(item, service.file.displayPath))).join(', '),
        },
      },
    ];
  },
};
