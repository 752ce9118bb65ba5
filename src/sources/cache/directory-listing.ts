import { createHash } from 'node:crypto';
import { readdirSync, type Dirent } from 'node:fs';

/** Bytes of a listing's digest: a directory's entries are compared by it, never trusted from an attacker. */
export const listingDigestBytes = 16;

function typeOf(entry: Dirent): string {
  if (entry.isDirectory()) return 'd';
  if (entry.isFile()) return 'f';
  return entry.isSymbolicLink() ? 'l' : 'o';
}

/** What a directory holds, as the names and types of its entries in order: what a search or the drift evidence saw of it. */
export function listingDigest(entries: readonly Dirent[]): Buffer {
  const hash = createHash('sha256');
  for (const line of entries.map((entry) => `${typeOf(entry)}${entry.name}\0`).sort()) hash.update(line);
  return hash.digest().subarray(0, listingDigestBytes);
}

/** What `directory` holds now, filtered by `keep`; undefined when it cannot be listed. */
export function currentListing(directory: string, keep: (entries: readonly Dirent[]) => readonly Dirent[] = (entries) => entries): readonly Dirent[] | undefined {
  try {
    return keep(readdirSync(directory, { withFileTypes: true }));
  } catch {
    return undefined;
  }
}
