import { sha256Hex } from '../../io/sha256.js';
import type { Finding } from '../../types.js';

/** What makes two findings the same problem, leaving out where in the file it sits. */
function findingIdentity(finding: Finding): string {
  const sortedData = Object.keys(finding.data)
    .sort()
    .map((key) => [key, finding.data[key]]);
  return JSON.stringify([finding.file, finding.service ?? null, finding.ruleId, finding.messageId, sortedData]);
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * One fingerprint per finding, in the same order. Positions are left out so that a fingerprint
 * survives edits elsewhere in the file; findings with the same identity are told apart by their
 * order of appearance.
 */
export function fingerprintFindings(findings: readonly Finding[]): string[] {
  const indexesByIdentity = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    const identity = findingIdentity(finding);
    const indexes = indexesByIdentity.get(identity) ?? [];
    indexes.push(index);
    indexesByIdentity.set(identity, indexes);
  });

  const fingerprints = new Array<string>(findings.length);
  for (const [identity, indexes] of indexesByIdentity) {
    indexes.sort((a, b) => byPosition(findings[a]!, findings[b]!) || a - b);
    indexes.forEach((findingIndex, occurrence) => {
      fingerprints[findingIndex] = sha256Hex(`${identity}\n${occurrence}`);
    });
  }
  return fingerprints;
}
