import { posix } from 'node:path';
import { detectLanguageEvidence } from '../detect/detect.js';
import { languageDriftVerdict } from '../detect/drift.js';
import type { Evidence } from '../detect/types.js';
import type { ServiceTemplate } from './types.js';

export type LanguageDriftParams = Record<string, never>;

/** Evidence sits beside the manifest, so its display path is the manifest's directory plus the file name. */
function displayPathOf(evidence: Evidence, manifestDisplayPath: string): string {
  return posix.join(posix.dirname(manifestDisplayPath), posix.basename(evidence.file.replaceAll('\\', '/')));
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export const languageDrift: ServiceTemplate<LanguageDriftParams> = {
  key: 'language-drift',
  scope: 'service',
  description:
    "The build files and Dockerfile beside a service's manifest name a different language than the manifest declares.",
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messageIds: ['drift'],
  dataKeys: ['service', 'language', 'evidenceLanguage', 'evidenceFile'],
  check(service) {
    const manifestDirectory = posix.dirname(service.file.path.replaceAll('\\', '/'));
    const verdict = languageDriftVerdict(service.languageId, detectLanguageEvidence(manifestDirectory));
    if (!verdict.drift) return [];
    return [
      {
        messageId: 'drift',
        field: 'language',
        data: {
          service: service.name,
          language: service.language,
          evidenceLanguage: distinct(verdict.evidence.map((item) => item.languageId)).join(', '),
          evidenceFile: distinct(verdict.evidence.map((item) => displayPathOf(item, service.file.displayPath))).join(', '),
        },
      },
    ];
  },
};
