import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFileLanguage } from './build-files.js';
import { dockerfileLanguages } from './dockerfile-language.js';
import type { Evidence } from './types.js';

/** Bigger files are not Dockerfiles a person wrote; reading them would only cost time. */
const maxDockerfileBytes = 1024 * 1024;

/**
 * `Dockerfile`, `Containerfile`, `Dockerfile.<variant>` and `<variant>.Dockerfile`, in any case;
 * `Dockerfile.dockerignore` is an ignore file, not a Dockerfile.
 */
export function isDockerfileName(fileName: string): boolean {
  if (/\.dockerignore$/i.test(fileName)) return false;
  return /^(docker|container)file(\..+)?$/i.test(fileName) || /.\.(docker|container)file$/i.test(fileName);
}

/** What the files directly in `dir` say about the language it is written in; subdirectories are not read. */
export function detectLanguageEvidence(dir: string): Evidence[] {
  const directory = resolve(dir);
  const evidence: Evidence[] = [];
  for (const fileName of regularFiles(directory)) {
    const file = join(directory, fileName);
    const languageId = buildFileLanguage(fileName);
    if (languageId) evidence.push({ languageId, file, detail: fileName });
    if (isDockerfileName(fileName)) {
      const text = readSmallText(file);
      if (text === undefined) continue;
      for (const found of dockerfileLanguages(text, fileName)) evidence.push({ ...found, file });
    }
  }
  return evidence;
}

function regularFiles(directory: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && isFile(join(directory, entry.name))))
    .map((entry) => entry.name)
    .sort();
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
    if (statSync(file).size > maxDockerfileBytes) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
