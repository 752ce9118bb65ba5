import type { Evidence } from '../evidence/types.js';
import { isObject, isString } from './cached-service.js';
import type { FileIdentity } from './file-identity.js';

/**
 * A directory's drift evidence, with each file read for it and the identity it had before it was read, and the digest
 * (hex) of the entries it was looked for in (see `listingDigest`).
 */
interface CachedEvidence {
  read: [string, FileIdentity][];
  evidence: Evidence[];
  listing: string;
}

export function evidenceText(read: [string, FileIdentity][], evidence: readonly Evidence[], listing: string): string {
  return JSON.stringify({ read, evidence, listing });
}

function isIdentity(value: unknown): value is FileIdentity {
  return isObject(value) && [value.size, value.ino, value.mtimeMs, value.ctimeMs].every((part) => typeof part === 'number');
}

function isEvidence(value: unknown): value is Evidence {
  return isObject(value) && isString(value.languageId) && isString(value.file) && (value.reason === undefined || isString(value.reason));
}

/** The entry a text holds, or undefined when it is damaged in any way (then the directory is read again). */
export function cachedEvidence(text: string): CachedEvidence | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !Array.isArray(value.read) || !Array.isArray(value.evidence) || !isString(value.listing) || !/^[0-9a-f]{32}$/.test(value.listing)) {
    return undefined;
  }
  const readOk = value.read.every((item) => Array.isArray(item) && item.length === 2 && isString(item[0]) && isIdentity(item[1]));
  return readOk && value.evidence.every(isEvidence) ? (value as unknown as CachedEvidence) : undefined;
}
