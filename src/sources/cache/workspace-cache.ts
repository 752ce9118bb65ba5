import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, type Dirent } from 'node:fs';
import { dirname } from 'node:path';
import { isManifestFileName, type SearchCache } from '../files.js';
import { sha256Bytes, sha256Hex } from '../../io/sha256.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import type { ManifestFile } from '../../types.js';
import { beginsWithHeader, isOneOf, isRegularFile, readHead } from '../../io/existing-files.js';
import { writeTargetOf } from '../../io/write-target.js';
import type { ManifestOrigin } from '../manifest/read.js';
import type { ManifestSource } from '../manifest/source.js';
import { detectLanguageEvidence, evidenceEntries, languageEvidenceReader, type LanguageEvidenceReader } from '../evidence/detect.js';
import { anyCacheMagic, cacheMagic, earlierCacheHeader, encodeCacheFile, readCacheFile, type CacheBlobs } from './cache-file.js';
import { cachedSourceTexts, lazySource, sourceFromTexts } from './cached-source.js';
import { emptyTable, isIdentifiedPaths, isTable, rowOf, TableReader, toTable, withText, type Row, type Table, type TableRow } from './cache-table.js';
import { cachedEvidence, evidenceText } from './cached-evidence.js';
import { currentListing, listingDigest, listingDigestBytes } from './directory-listing.js';
import type { IdentitiesAhead } from './identities-ahead.js';
import { IdentityMemo, identityWidth, isRacy, sameIdentity, writeIdentity, type FileIdentity } from './file-identity.js';

/**
 * The files a search found, and every directory it read with the identity it had before it was read and the digest of
 * what it held (`listingDigestBytes` each, in `listings`).
 */
interface SearchEntry {
  directories: string[];
  identities: Float64Array;
  listings: Uint8Array;
  files: string[];
}

/** A judgment in the cache file: the blob holding its UTF-8 text, and the SHA-256 of that text. */
interface JudgmentEntry {
  blob: number;
  digest: Uint8Array;
}

/**
 * What the cache file's head holds. `sources`: per manifest, the columns below; `evidence`: per directory, [its drift
 * evidence and the files read for it (JSON)]; `judgments`: what judging a workspace gave, by `judgmentKey`. Their texts
 * are blobs after the head, read when used.
 */
interface CachePayload {
  sources: Table;
  searches: Map<string, SearchEntry>;
  evidence: Table;
  judgments: Map<string, JudgmentEntry>;
}

/** A judgment this run keeps: its text, or where an earlier run's is (read only if the cache is written again). */
type KeptJudgment = Uint8Array | (() => Uint8Array | undefined);

/** A manifest's row: origin (or `any`), SHA-256 of its bytes or '', then its `SourceTexts`. */
export const sourceColumn = { origin: 0, contentHash: 1, declarations: 2, judgement: 3, locations: 4 } as const;
const sourceColumns = 5;
/** The origin of a file whose reading does not depend on it (everything in it is svc-lint's). */
const anyOrigin = 'any';
/** Searches kept: those of the run first, then earlier ones; enough for the few ways a repository is linted. */
const maxSearches = 16;
const evidenceColumns = 1;
/** Judgments kept: this run's, then earlier ones (a run of the whole workspace, and of the files a hook lints). */
const maxJudgments = 4;

export { defaultCacheFile } from './cache-file.js';

/** Reads a file whose entry turned out damaged (one function for a whole run). */
export type ReadAgain = (file: ManifestFile, origin: ManifestOrigin) => ManifestSource;

/** A workspace file's entry, decoded when the run first reads its services. */
interface UnreadServices {
  row: Row;
  origin: ManifestOrigin;
  readAgain: ReadAgain;
}

/** Changes whenever anything that shapes how a manifest is read, or what a search finds, changes. */
export function cacheFingerprint(svcLintVersion: string, config: unknown): string {
  return sha256Hex(JSON.stringify({ format: 6, svcLintVersion, config }));
}

/**
 * What a run read, kept for the next run: each manifest's source (services, positions, reader findings, inline
 * directives), the files each directory search found, and each directory's drift evidence. A manifest whose size,
 * inode, modification and change times are those it had before it was read is taken from here, never read or parsed;
 * one that had changed within seconds of being read is also compared by a hash of its bytes. The whole cache is
 * dropped when svc-lint's version or the configuration changes.
 */
export interface WorkspaceCache {
  /** What reading `file` as `origin` gave, from the cache, when the file is unchanged since. */
  sourceOf(file: ManifestFile, origin: ManifestOrigin): ManifestSource | undefined;
  /**
   * What the graph rules read of `file` (its services, not what only a linted file needs), when the file is unchanged
   * since it was read as `origin`: decoded when first used, and from `readAgain` if its entry turns out damaged.
   */
  servicesOf(file: ManifestFile, origin: ManifestOrigin, readAgain: ReadAgain): ManifestSource | undefined;
  /**
   * Notes what identifies `file` now, before it is read: a file saved while the run reads it is then remembered with
   * the identity of the version before, and read again next time (a stat after the read would hide the change).
   */
  beforeReading(file: ManifestFile): void;
  /** Keeps what reading `file` (its `bytes`) as `origin` gave, under the identity noted before it was read. */
  remember(file: ManifestFile, origin: ManifestOrigin, source: ManifestSource, bytes: Uint8Array): void;
  /** Directory searches answered from the cache when no directory they read changed. */
  searches: SearchCache;
  /** The drift evidence of each directory, from the cache when neither it nor the files read for it changed. */
  evidenceReader(listings?: ReadonlyMap<string, readonly Dirent[]>): LanguageEvidenceReader;
  /**
   * What identifies judging the manifests at `paths` (in the order they are judged) with `inputs` (everything else the
   * rules read, as text): their paths, origins and identities. Undefined unless each has an entry this run, none of
   * them so recent that its identity could hide an edit.
   */
  judgmentKey(paths: readonly string[], inputs: string): string | undefined;
  /** The judgment kept under `key` (see `judgmentKey`), as it was remembered. */
  judgment(key: string): string | undefined;
  rememberJudgment(key: string, text: string): void;
  /** The directories whose drift evidence this run's reader was asked for. */
  evidenceRead(): readonly string[];
  /**
   * Whether the cache holds the drift evidence of `directory` as it is now: the directory and the files read for it
   * unchanged (asked of a run that does not read the evidence itself).
   */
  hasCurrentEvidence(directory: string): boolean;
  /** Why the cache file could not be used (damaged, unreadable), for a note; undefined when it could. */
  problem(): string | undefined;
  /** Whether entries this run read turned out damaged (their part of the file changed since it was written): for a note. */
  hasDamagedEntries(): boolean;
  /**
   * Writes the entries this run used (entries of files no longer read go), when anything changed. Returns why it
   * could not, for a note: the run's findings never depend on the cache.
   */
  save(manifests: ReadonlySet<string>): Promise<string | undefined>;
}

function beginsLikeCache(path: string): boolean {
  const head = readHead(path, 256);
  if (head === undefined) return false;
  // Cut short inside the first line counts too (an empty file as well), so a damaged cache can be recreated.
  return anyCacheMagic.test(head) || cacheMagic.startsWith(head) || beginsWithHeader(head, earlierCacheHeader);
}

/** Why the cache must not be written at `path`, or undefined: only over nothing, a link, or svc-lint's own cache. */
function refusalToReplace(path: string, manifests: ReadonlySet<string>): string | undefined {
  if (isManifestFileName(path)) return 'the file is named like a manifest, which svc-lint never writes over';
  if (isOneOf(path, manifests)) return 'this run reads it as a manifest';
  const target = writeTargetOf(path);
  if (target.kind === 'refuse') return target.reason;
  if (target.kind === 'in-place') return 'it is not a regular file';
  if (isRegularFile(path) && !beginsLikeCache(path)) {
    return 'it is not an svc-lint cache, and svc-lint replaces only its own: remove it or choose another --cache-location';
  }
  return undefined;
}

function isSearchEntry(value: unknown): value is SearchEntry {
  const entry = value as Partial<SearchEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    isIdentifiedPaths(entry.directories, entry.identities) &&
    entry.listings instanceof Uint8Array &&
    entry.listings.length === entry.directories.length * listingDigestBytes &&
    Array.isArray(entry.files) &&
    entry.files.every((file) => typeof file === 'string')
  );
}

function isPayload(value: unknown): value is CachePayload {
  const payload = value as Partial<CachePayload> | null;
  return (
    typeof payload === 'object' &&
    payload !== null &&
    isTable(payload.sources, sourceColumns) &&
    isTable(payload.evidence, evidenceColumns) &&
    payload.searches instanceof Map &&
    [...payload.searches.values()].every(isSearchEntry) &&
    payload.judgments instanceof Map &&
    [...payload.judgments].every(([key, entry]) => typeof key === 'string' && isJudgmentEntry(entry))
  );
}

function isJudgmentEntry(value: unknown): value is JudgmentEntry {
  const entry = value as Partial<JudgmentEntry> | null;
  return typeof entry === 'object' && entry !== null && Number.isSafeInteger(entry.blob) && entry.digest instanceof Uint8Array;
}

const emptyPayload = (): CachePayload => ({ sources: emptyTable(), searches: new Map(), evidence: emptyTable(), judgments: new Map() });

const noBlobs: CacheBlobs = { read: () => undefined };

/** A table's texts, read from the blob the table names. */
function textsOf(table: Table, blobs: CacheBlobs) {
  return (start: number, end: number) => blobs.read(table.blob, start, end);
}

/**
 * A judgment's text read from its blob: `damaged` when it does not match its digest, undefined when it cannot be read
 * (another run wrote the cache since this one opened it).
 */
function judgmentBytes(entry: JudgmentEntry, blobs: CacheBlobs): Buffer | 'damaged' | undefined {
  const bytes = blobs.read(entry.blob);
  if (!bytes) return undefined;
  return sha256Bytes(bytes).equals(entry.digest) ? bytes : 'damaged';
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The cache at `path` for runs with `fingerprint`. `ahead`: identities another thread looks up from the same file's
 * head while this one starts (the CLI's process thread does), taken only when the file this run reads is that one.
 */
export function openWorkspaceCache(path: string, fingerprint: string, ahead?: IdentitiesAhead): WorkspaceCache {
  const started = Date.now();
  const identities = new IdentityMemo();
  // Read on first use, which a run without files never gets to.
  let previous:
    | { sources: TableReader; searches: Map<string, SearchEntry>; evidence: TableReader; judgments: Map<string, JudgmentEntry>; blobs: CacheBlobs }
    | undefined;
  let damage: string | undefined;
  const used = {
    sources: new Map<string, Row>(),
    searches: new Map<string, SearchEntry>(),
    evidence: new Map<string, Row>(),
    judgments: new Map<string, KeptJudgment>(),
  };
  const evidenceAskedFor: string[] = [];
  let changed = false;
  let judgmentDamaged = false;

  const hasDamagedEntries = () => judgmentDamaged || (previous !== undefined && (previous.sources.damaged || previous.evidence.damaged));

  const earlier = () => {
    if (previous) return previous;
    const read = readCacheFile<unknown>(path, fingerprint);
    let payload = emptyPayload();
    let blobs = noBlobs;
    if (read.kind === 'read' && isPayload(read.payload)) {
      payload = read.payload;
      blobs = read.blobs;
      const lookedUp = ahead?.take(read.file, payload);
      if (lookedUp) identities.useLookedUpAhead(lookedUp);
    } else {
      // No entries to compare identities with: the other thread stops looking them up.
      ahead?.decline();
      if (read.kind === 'damaged') damage = read.problem;
      else if (read.kind === 'read') damage = 'its entries are not those of an svc-lint cache';
    }
    previous = {
      sources: new TableReader(payload.sources, textsOf(payload.sources, blobs)),
      searches: payload.searches,
      evidence: new TableReader(payload.evidence, textsOf(payload.evidence, blobs)),
      judgments: payload.judgments,
      blobs,
    };
    return previous;
  };

  const isCurrent = (entryPath: string, identity: FileIdentity): boolean => {
    const now = identities.of(entryPath);
    return now !== undefined && sameIdentity(now, identity);
  };
  /** Whether the path of a table's row has the identity the row keeps. */
  const isRowCurrent = (entryPath: string, reader: TableReader, row: TableRow) => identities.isAsKept(entryPath, reader.table.identities, row.position);

  /** Whether every identity was taken (the path could be looked at) and none is so recent that it could hide a change. */
  const keepable = (found: readonly (FileIdentity | undefined)[]): found is FileIdentity[] =>
    found.every((identity) => identity !== undefined && !isRacy(identity, started));

  /** The row of `filePath` when the file is unchanged since it was read as `origin`, now counted as used. */
  const unchangedSource = (filePath: string, origin: ManifestOrigin): Row | undefined => {
    const reader = earlier().sources;
    const row = reader.row(filePath);
    if (!row || !isRowCurrent(filePath, reader, row)) return undefined;
    const readAs = row.text(sourceColumn.origin);
    if (readAs !== origin && readAs !== anyOrigin) return undefined;
    if (!row.isEmpty(sourceColumn.contentHash)) {
      const contentHash = row.text(sourceColumn.contentHash);
      const bytes = readBytes(filePath);
      if (!bytes || sha256Hex(bytes) !== contentHash) return undefined;
      if (!isRacy(row.identity, started)) {
        // Old enough now for its identity to prove its content: kept without the hash from this run on.
        const proven = withText(row, sourceColumn.contentHash, '');
        used.sources.set(filePath, proven);
        changed = true;
        return proven;
      }
    }
    used.sources.set(filePath, row);
    return row;
  };

  /**
   * Whether a directory whose identity moved still holds the same entries: a file written over in it (the cache itself,
   * a report) moves its times without changing what a search or the evidence finds there.
   */
  const holdsWhatItHeld = (directory: string, digest: Uint8Array, keep?: (entries: readonly Dirent[]) => readonly Dirent[]) => {
    const listing = currentListing(directory, keep);
    return listing !== undefined && listingDigest(listing).equals(digest);
  };

  const searches: SearchCache = {
    found(key) {
      const entry = earlier().searches.get(key);
      if (!entry) return undefined;
      const { directories, identities: kept, listings } = entry;
      for (let index = 0; index < directories.length; index++) {
        const directory = directories[index]!;
        if (identities.isAsKept(directory, kept, index)) continue;
        if (!holdsWhatItHeld(directory, listings.subarray(index * listingDigestBytes, (index + 1) * listingDigestBytes))) return undefined;
      }
      used.searches.set(key, entry);
      return entry.files;
    },
    recorder() {
      const directories: string[] = [];
      const found: (FileIdentity | undefined)[] = [];
      const digests: Uint8Array[] = [];
      return {
        // The identity is taken before the directory is read, so an entry added meanwhile is seen next time.
        beforeReadingDirectory(directory) {
          directories.push(directory);
          found.push(identities.of(directory));
        },
        readDirectory(_directory, entries) {
          digests.push(listingDigest(entries));
        },
        keep(key, files) {
          // A search that read no directory (its base does not exist) has nothing that would show the base appear.
          if (found.length === 0 || digests.length !== found.length || !keepable(found)) return;
          const numbers: number[] = [];
          for (const identity of found) writeIdentity(identity, numbers);
          used.searches.set(key, { directories, identities: Float64Array.from(numbers), listings: Buffer.concat(digests), files });
          changed = true;
        },
      };
    },
  };

  const cachedEvidenceOf = (directory: string) => {
    const reader = earlier().evidence;
    const row = reader.row(directory);
    if (!row) return undefined;
    const text = row.text(0);
    const entry = text === undefined ? undefined : cachedEvidence(text);
    if (!entry) return undefined;
    if (!isRowCurrent(directory, reader, row) && !holdsWhatItHeld(directory, Buffer.from(entry.listing, 'hex'), evidenceEntries)) return undefined;
    if (!entry.read.every(([file, identity]) => isCurrent(file, identity))) return undefined;
    used.evidence.set(directory, row);
    return entry.evidence;
  };

  const unusedTables = (before: NonNullable<typeof previous>) =>
    [
      [before.sources, used.sources],
      [before.evidence, used.evidence],
    ] as const;

  /** Whether an entry this run did not use is of a path gone since: the cache is then written again, without it. */
  const holdsPathsGone = (before: NonNullable<typeof previous>): boolean =>
    unusedTables(before).some(([table, rows]) => table.paths.some((entryPath) => !rows.has(entryPath) && identities.of(entryPath) === undefined));

  /**
   * Keeps the entries this run did not use of paths that still exist (a run on one file keeps the drift evidence of the
   * others), searches up to a bound. Done only when the cache is written: a run that changed nothing makes no entry.
   */
  const carryOver = (before: NonNullable<typeof previous>): void => {
    for (const [table, rows] of unusedTables(before)) {
      for (const entryPath of table.paths) {
        if (!rows.has(entryPath) && identities.of(entryPath) !== undefined) rows.set(entryPath, table.row(entryPath)!);
      }
    }
    for (const [key, entry] of before.searches) {
      if (used.searches.size >= maxSearches) break;
      if (!used.searches.has(key)) used.searches.set(key, entry);
    }
    for (const [key, entry] of before.judgments) {
      if (used.judgments.size >= maxJudgments) break;
      if (used.judgments.has(key)) continue;
      used.judgments.set(key, () => {
        const bytes = judgmentBytes(entry, before.blobs);
        return bytes === 'damaged' ? undefined : bytes;
      });
    }
  };

  const decodeServices = (file: ManifestFile, { row, origin, readAgain }: UnreadServices): ManifestSource => {
    const declarations = row.text(sourceColumn.declarations);
    const locations = row.text(sourceColumn.locations);
    const found = declarations !== undefined && locations !== undefined && sourceFromTexts({ declarations, locations }, file);
    if (found) return found;
    used.sources.delete(file.path);
    return readAgain(file, origin);
  };

  return {
    sourceOf(file, origin) {
      const row = unchangedSource(file.path, origin);
      const [declarations, locations, judgement] = [sourceColumn.declarations, sourceColumn.locations, sourceColumn.judgement].map((column) => row?.text(column));
      const found = declarations !== undefined && locations !== undefined && judgement !== undefined ? sourceFromTexts({ declarations, locations, judgement }, file) : undefined;
      if (!found) used.sources.delete(file.path);
      return found;
    },
    servicesOf(file, origin, readAgain) {
      const row = unchangedSource(file.path, origin);
      return row && lazySource<UnreadServices>(file, { row, origin, readAgain }, decodeServices);
    },
    beforeReading(file) {
      identities.of(file.path);
    },
    remember(file, origin, read, bytes) {
      const identity = identities.of(file.path);
      if (!identity) return;
      const contentHash = isRacy(identity, started) ? sha256Hex(bytes) : '';
      const readAs = read.dependsOnOrigin ? origin : anyOrigin;
      const { declarations, judgement, locations } = cachedSourceTexts(read);
      used.sources.set(file.path, rowOf(identity, [readAs, contentHash, declarations, judgement, locations]));
      changed = true;
    },
    searches,
    evidenceReader(listings) {
      return languageEvidenceReader((directory) => {
        evidenceAskedFor.push(directory);
        const cached = cachedEvidenceOf(directory);
        if (cached) return cached;
        const identity = identities.of(directory);
        const read: [string, FileIdentity | undefined][] = [];
        // What the evidence is looked for in, and what the cache compares when the directory's times move.
        const listing = listings?.get(directory) ?? currentListing(directory, evidenceEntries);
        const evidence = detectLanguageEvidence(directory, (file) => read.push([file, identities.of(file)]), listing);
        if (identity && listing && keepable([identity, ...read.map(([, found]) => found)])) {
          const text = evidenceText(read as [string, FileIdentity][], evidence, listingDigest(listing).toString('hex'));
          used.evidence.set(directory, rowOf(identity, [text]));
          changed = true;
        }
        return evidence;
      });
    },
    judgmentKey(paths, inputs) {
      const identityNumbers = new Float64Array(paths.length * identityWidth);
      const origins: string[] = [];
      for (let index = 0; index < paths.length; index++) {
        const row = used.sources.get(paths[index]!);
        if (!row || !row.isEmpty(sourceColumn.contentHash)) return undefined;
        const origin = row.text(sourceColumn.origin);
        if (origin === undefined) return undefined;
        row.copyIdentity(identityNumbers, index);
        origins.push(origin);
      }
      const hash = createHash('sha256').update(inputs).update('\0').update(paths.join('\0')).update('\0').update(origins.join('\0'));
      return hash.update(new Uint8Array(identityNumbers.buffer)).digest('hex');
    },
    judgment(key) {
      const { judgments, blobs } = earlier();
      const entry = judgments.get(key);
      const bytes = entry && judgmentBytes(entry, blobs);
      if (bytes === 'damaged') judgmentDamaged = true;
      if (!bytes || bytes === 'damaged') return undefined;
      used.judgments.set(key, bytes);
      return bytes.toString('utf8');
    },
    rememberJudgment(key, text) {
      used.judgments.set(key, Buffer.from(text, 'utf8'));
      changed = true;
    },
    evidenceRead: () => evidenceAskedFor,
    hasCurrentEvidence: (directory) => used.evidence.has(directory) || cachedEvidenceOf(directory) !== undefined,
    problem: () => damage,
    hasDamagedEntries,
    async save(manifests) {
      if (!changed && previous && holdsPathsGone(previous)) changed = true;
      if (!changed && damage === undefined && !hasDamagedEntries()) return undefined;
      if (previous) carryOver(previous);
      const refusal = refusalToReplace(path, manifests);
      if (refusal !== undefined) return refusal;
      const sources = toTable(used.sources, 0);
      const evidence = toTable(used.evidence, 1);
      const blobs: Uint8Array[] = [sources.texts, evidence.texts];
      const judgments = new Map<string, JudgmentEntry>();
      for (const [key, kept] of used.judgments) {
        const bytes = typeof kept === 'function' ? kept() : kept;
        if (!bytes) continue;
        judgments.set(key, { blob: blobs.push(bytes) - 1, digest: sha256Bytes(bytes) });
      }
      const payload: CachePayload = { sources: sources.table, searches: used.searches, evidence: evidence.table, judgments };
      try {
        mkdirSync(dirname(path), { recursive: true });
        await writeFileAtomic(path, encodeCacheFile(fingerprint, payload, blobs));
        return undefined;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      }
    },
  };
}
