import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectLanguageEvidence, languageEvidenceReader } from './detect.js';
import type { Evidence } from './types.js';

const fixturesRoot = fileURLToPath(new URL('../../../fixtures/language-drift/', import.meta.url));

function evidence(dir: string, fileName: string, languageId: string, reason?: string): Evidence {
  return { languageId, file: join(fixturesRoot, dir, fileName), ...(reason !== undefined && { reason }) };
}

const expected: Record<string, Evidence[]> = {
  'go-mod': [evidence('go-mod', 'go.mod', 'go')],
  pyproject: [evidence('pyproject', 'pyproject.toml', 'python')],
  requirements: [evidence('requirements', 'requirements-dev.txt', 'python')],
  'setup-py': [evidence('setup-py', 'setup.py', 'python')],
  pipfile: [evidence('pipfile', 'Pipfile', 'python')],
  'package-json': [evidence('package-json', 'package.json', 'node')],
  cargo: [evidence('cargo', 'Cargo.toml', 'rust')],
  pom: [evidence('pom', 'pom.xml', 'java')],
  gradle: [evidence('gradle', 'build.gradle', 'java')],
  'gradle-kts': [evidence('gradle-kts', 'build.gradle.kts', 'kotlin', 'it applies the Kotlin plugin')],
  'dockerfile-python': [
    evidence('dockerfile-python', 'Dockerfile', 'python', 'its final stage is FROM python:3.12-slim'),
  ],
  'dockerfile-multistage': [
    evidence(
      'dockerfile-multistage',
      'Dockerfile',
      'go',
      'its final stage (FROM gcr.io/distroless/static-debian12:nonroot) copies from stage "build" (FROM golang:1.22-alpine)',
    ),
  ],
  'dockerfile-alias-chain': [
    evidence('dockerfile-alias-chain', 'Dockerfile', 'node', 'its final stage (FROM deps) builds on stage "base" (FROM node:20-alpine)'),
  ],
  'dockerfile-variants': [
    evidence(
      'dockerfile-variants',
      'Containerfile',
      'rust',
      'its final stage (FROM scratch) copies from stage "build" (FROM docker.io/library/rust:1.79)',
    ),
    evidence('dockerfile-variants', 'Dockerfile.prod', 'java', 'its final stage is FROM eclipse-temurin:21-jre'),
    evidence(
      'dockerfile-variants',
      'worker.Dockerfile',
      'java',
      'its final stage is FROM gcr.io/distroless/java21-debian12',
    ),
  ],
  'dockerfile-heredoc': [
    evidence(
      'dockerfile-heredoc',
      'Dockerfile',
      'python',
      'its final stage (FROM alpine:3.20) copies from the image python:3.12-slim',
    ),
  ],
  'dockerfile-herestring': [evidence('dockerfile-herestring', 'Dockerfile', 'python', 'its final stage is FROM python:3.12-slim')],
  'dockerfile-no-runtime': [],
  'mixed-matching': [
    evidence(
      'mixed-matching',
      'Dockerfile',
      'go',
      'its final stage (FROM scratch) copies from stage "build" (FROM golang:1.22)',
    ),
    evidence('mixed-matching', 'go.mod', 'go'),
    evidence('mixed-matching', 'package.json', 'node'),
  ],
  'mixed-none-matching': [
    evidence('mixed-none-matching', 'Dockerfile', 'python', 'its final stage is FROM python:3.12-slim'),
    evidence('mixed-none-matching', 'requirements.txt', 'python'),
  ],
  'no-evidence': [],
  'nested-only': [],
  odd: [],
};

describe('detectLanguageEvidence on fixtures', () => {
  it.each(Object.entries(expected))('%s', (dir, results) => {
    expect(detectLanguageEvidence(join(fixturesRoot, dir))).toEqual(results);
  });

  it('reads only the directory itself, not its subdirectories or parents', () => {
    expect(detectLanguageEvidence(join(fixturesRoot, 'nested-only', 'services'))).toEqual([]);
    expect(detectLanguageEvidence(join(fixturesRoot, 'nested-only', 'services', 'api'))).toEqual([
      evidence('nested-only/services/api', 'go.mod', 'go'),
    ]);
  });
});

describe('detectLanguageEvidence on unusual directories', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'svc-lint-detect-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('returns nothing for a directory that does not exist or is a file', () => {
    expect(detectLanguageEvidence(join(scratch, 'missing'))).toEqual([]);
    writeFileSync(join(scratch, 'go.mod'), 'module x\n');
    expect(detectLanguageEvidence(join(scratch, 'go.mod'))).toEqual([]);
  });

  it('follows symlinks to files and ignores dangling ones', () => {
    const dir = mkdtempSync(join(scratch, 'links-'));
    writeFileSync(join(scratch, 'real-requirements.txt'), 'flask\n');
    symlinkSync(join(scratch, 'real-requirements.txt'), join(dir, 'requirements.txt'));
    symlinkSync(join(scratch, 'nowhere'), join(dir, 'Dockerfile'));
    expect(detectLanguageEvidence(dir)).toEqual([
      { languageId: 'python', file: join(dir, 'requirements.txt') },
    ]);
  });

  it('resolves a relative directory to absolute evidence paths', () => {
    const relativeDir = relative(process.cwd(), join(fixturesRoot, 'go-mod'));
    expect(detectLanguageEvidence(relativeDir)).toEqual([evidence('go-mod', 'go.mod', 'go')]);
  });
});

describe('languageEvidenceReader', () => {
  it('reads each directory once, however many manifests it holds and however it is named', () => {
    const detected: string[] = [];
    const read = languageEvidenceReader((directory) => {
      detected.push(directory);
      return detectLanguageEvidence(directory);
    });
    const directory = join(fixturesRoot, 'go-mod');
    for (let index = 0; index < 5; index++) expect(read(directory)).toEqual([evidence('go-mod', 'go.mod', 'go')]);
    expect(read(relative(process.cwd(), directory))).toEqual([evidence('go-mod', 'go.mod', 'go')]);
    expect(detected).toEqual([directory]);
  });
});
