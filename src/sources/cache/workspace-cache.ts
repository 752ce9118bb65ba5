import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isManifestFileName } from '../files.js';
import { inPieces, jsonPieces } from '../../io/json-pieces.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import type { ManifestFile, Service, UndeclaredService } from '../../types.js';
import { beginsWithHeader, isOneOf, isRegularFile, readHead } from '../../io/existing-files.js';
import { writeTargetOf } from '../../io/write-target.js';
import { isCachedService, isCachedUndeclared, type CachedService } from './cached-service.js';

/** Changes when the file's content does: size and modification time, and the change time an mtime-keeping copy moves. */
interface FileIdentity {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** The services one file declared (and those it holds undeclared), with what identified that version of the file. */
interface CachedFile extends FileIdentity {
  services: CachedService[];
  undeclared?: Omit<UndeclaredService, 'file'>[];
}

/** What the graph rules need of a workspace file. */
export interface CachedContents {
  services: Service[];
  undeclared: UndeclaredService[];
}

interface CacheDocument {
  fingerprint: string;
  /** [absolute path, entry] pairs: an array, so the file is written an entry at a time. */
  files: [string, CachedFile][];
}

export const defaultCacheFile = '.svc-lint-cache';

/** Changes whenever anything that shapes how a manifest is read changes. */
export function cacheFingerprint(svcLintVersion: string, config: unknown): string {
  return createHash('sha256').update(JSON.stringify({ format: 2, svcLintVersion, config })).digest('hex');
}

/**
 * What the graph rules saw of each workspace manifest that a run reads without linting it, so the next run can skip
 * parsing the files that did not change. Linted files are always read afresh (and remembered). The whole cache is
 * dropped when svc-lint's version or the configuration changes.
 */
export interface WorkspaceCache {
  /** What `file` declares, from the cache, when the file is unchanged since it was read. */
  contentsOf(file: ManifestFile): CachedContents | undefined;
  /**
   * Notes what identifies `file` now, before it is read: a file saved while the run reads it is then remembered with
   * the identity of the version before, and read again next time (a stat after the read would hide the change).
   */
  beforeReading(file: ManifestFile): void;
  /** Keeps what `file` declares for the next run, under the identity noted before it was read. */
  remember(file: ManifestFile, services: readonly Service[], undeclared: readonly UndeclaredService[]): void;
  /**
   * Writes the entries this run used (entries of files no longer read go), when anything changed. Returns why it
   * could not, for a note: the run's findings never depend on the cache.
   */
  save(manifests: ReadonlySet<string>): Promise<string | undefined>;
}

function readCache(path: string, fingerprint: string): Map<string, CachedFile> {
  // A link or a device is never read (a link is replaced when the cache is written, never followed).
  if (!isRegularFile(path)) return new Map();
  try {
    const document = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheDocument> | null;
    if (document?.fingerprint !== fingerprint || !Array.isArray(document.files)) return new Map();
    return new Map(document.files);
  } catch {
    // Missing, unreadable or damaged: start over; the file is rewritten at the end of the run.
    return new Map();
  }
}

function identityOf(path: string): FileIdentity | undefined {
  try {
    const { size, mtimeMs, ctimeMs } = statSync(path);
    return { size, mtimeMs, ctimeMs };
  } catch {
    return undefined;
  }
}

/** How every cache file svc-lint writes begins (whitespace aside): what tells its own cache from any other file. */
const cacheHeader = '{"fingerprint":';

function beginsLikeCache(path: string): boolean {
  const head = readHead(path, 256);
  return head !== undefined && beginsWithHeader(head, cacheHeader);
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

/** Every field the rules read, of the right type and within limits: a cache damaged in any shape fails here, not in a rule. */
function isUnchanged(cached: CachedFile | undefined, identity: FileIdentity): cached is CachedFile {
  return (
    typeof cached === 'object' &&
    cached !== null &&
    Array.isArray(cached.services) &&
    cached.services.every(isCachedService) &&
    (cached.undeclared === undefined || (Array.isArray(cached.undeclared) && cached.undeclared.every(isCachedUndeclared))) &&
    cached.size === identity.size &&
    cached.mtimeMs === identity.mtimeMs &&
    cached.ctimeMs === identity.ctimeMs
  );
}

export function openWorkspaceCache(path: string, fingerprint: string): WorkspaceCache {
  // Read on first use, which a run without files never gets to.
  let previous: Map<string, CachedFile> | undefined;
  const used = new Map<string, CachedFile>();
  // The identity a lookup took, so that remembering the file after a miss does not look at it again.
  const identities = new Map<string, FileIdentity | undefined>();
  let changed = false;

  const noteIdentity = (filePath: string): FileIdentity | undefined => {
    const identity = identities.has(filePath) ? identities.get(filePath) : identityOf(filePath);
    identities.set(filePath, identity);
    return identity;
  };

  /** The file's entry when it is unchanged since the cache was written, now counted as used. */
  const unchangedEntry = (filePath: string): CachedFile | undefined => {
    previous ??= readCache(path, fingerprint);
    const identity = noteIdentity(filePath);
    const cached = previous.get(filePath);
    if (!identity || !isUnchanged(cached, identity)) return undefined;
    used.set(filePath, cached);
    return cached;
  };

  return {
    contentsOf(file) {
      const entry = unchangedEntry(file.path);
      if (!entry) return undefined;
      return {
        services: entry.services.map((service) => ({ ...service, file })),
        undeclared: (entry.undeclared ?? []).map((undeclared) => ({ ...undeclared, file: file.displayPath })),
      };
    },
    beforeReading(file) {
      noteIdentity(file.path);
    },
    remember(file, services, undeclared) {
      // A linted file that has not changed since the cache was written changes nothing in it.
      if (unchangedEntry(file.path)) return;
      const identity = identities.get(file.path);
      if (!identity) return;
      used.set(file.path, {
        ...identity,
        services: services.map(({ file: _file, ...service }) => service),
        ...(undeclared.length > 0 && { undeclared: undeclared.map(({ file: _file, ...rest }) => rest) }),
      });
      changed = true;
    },
    async save(manifests) {
      const dropped = previous !== undefined && [...previous.keys()].some((file) => !used.has(file));
      if (!changed && !dropped) return undefined;
      const refusal = refusalToReplace(path, manifests);
      if (refusal !== undefined) return refusal;
      try {
        mkdirSync(dirname(path), { recursive: true });
        await writeFileAtomic(path, jsonPieces({ fingerprint, files: inPieces(used) }, 0));
        return undefined;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      }
    },
  };
}
