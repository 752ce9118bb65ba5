import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFileKind } from './build-files.js';
import { dockerfileLanguages } from './dockerfile-language.js';
import type { Evidence } from './types.js';

/** Bigger files are not Dockerfiles or build files a person wrote; reading them would only cost time. */
const maxReadBytes = 1024 * 1024;

/**
 * `Dockerfile`, `Containerfile`, `Dockerfile.<variant>` and `<variant>.Dockerfile`, in any case;
 * `Dockerfile.dockerignore` is an ignore file, not a Dockerfile.
 */
export function isDockerfileName(fileName: string): boolean {
  if (/\.dockerignore$/i.test(fileName)) return false;
  return /^(docker|container)file(\..+)?$/i.test(fileName) || /.\.(docker|container)file$/i.test(fileName);
}

/**
 * What the files directly in `dir` say about the language it is written in; subdirectories are not read.
 * `beforeLooking` hears of each file whose text (or, for a link, whose target) is looked at, before it is; `listing`
 * is the directory's entries when a search has just read them.
 */
export function detectLanguageEvidence(dir: string, beforeLooking: (file: string) => void = () => {}, listing?: readonly Dirent[]): Evidence[] {
  const directory = resolve(dir);
  const evidence: Evidence[] = [];
  for (const fileName of regularFiles(directory, beforeLooking, listing)) {
    const file = join(directory, fileName);
    const kind = buildFileKind(fileName);
    if (kind && 'languageId' in kind) evidence.push({ languageId: kind.languageId, file });
    if (kind && 'read' in kind) {
      beforeLooking(file);
      const text = readSmallText(file);
      for (const found of text === undefined ? [] : kind.read(text)) evidence.push({ ...found, file });
    }
    if (isDockerfileName(fileName)) {
      beforeLooking(file);
      const text = readSmallText(file);
      for (const found of text === undefined ? [] : dockerfileLanguages(text)) evidence.push({ ...found, file });
    }
  }
  return evidence;
}

const noEntries: readonly Dirent[] = Object.freeze([]);

/**
 * The entries of a directory listing that can be evidence (build files and Dockerfiles, or links that may be): what
 * a search keeps of a manifest's directory, so that the evidence is read without listing it again. Usually none.
 */
export function evidenceEntries(entries: readonly Dirent[]): readonly Dirent[] {
  const candidates = entries.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && (buildFileKind(entry.name) !== undefined || isDockerfileName(entry.name)));
  return candidates.length === 0 ? noEntries : candidates;
}

export type LanguageEvidenceReader = (directory: string) => readonly Evidence[];

/** The directories a reader remembers: enough for the folders one run goes through in turn, bounded for a fleet. */
const rememberedDirectories = 256;

/**
 * Evidence by directory, each directory read once per run: a flat folder of thousands of `*.service.yaml` files is
 * listed once, not once per manifest. Manifests come in path order, so a directory's manifests come close together;
 * only the most recent directories are kept, so a fleet of one manifest per folder holds nothing for long.
 */
export function languageEvidenceReader(detect: (directory: string) => Evidence[] = detectLanguageEvidence): LanguageEvidenceReader {
  const byDirectory = new Map<string, Evidence[]>();
  return (dir) => {
    const directory = resolve(dir);
    let evidence = byDirectory.get(directory);
    if (!evidence) {
      evidence = detect(directory);
      if (byDirectory.size >= rememberedDirectories) byDirectory.delete(byDirectory.keys().next().value!);
      byDirectory.set(directory, evidence);
    }
    return evidence;
  };
}

function regularFiles(directory: string, beforeLooking: (file: string) => void, listing: readonly Dirent[] | undefined): string[] {
  let entries: readonly Dirent[];
  try {
    entries = listing ?? readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && lookedAt(join(directory, entry.name), beforeLooking)))
    .map((entry) => entry.name)
    .sort();
}

function lookedAt(path: string, beforeLooking: (file: string) => void): boolean {
  beforeLooking(path);
  return isFile(path);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readSmallText(file: string): string | undefined {
  try {
    if (statSync(file).size > maxReadBytes) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
