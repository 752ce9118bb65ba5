import { describe, expect, it } from 'vitest';
import { dockerfileLanguages } from './dockerfile-language.js';
import { parseDockerfile, substituteArgs } from './dockerfile.js';

describe('substituteArgs', () => {
  const args = new Map([
    ['VERSION', '3.12'],
    ['EMPTY', ''],
  ]);
  it.each([
    ['python:$VERSION', 'python:3.12'],
    ['python:${VERSION}-slim', 'python:3.12-slim'],
    ['${UNSET:-golang}:1.22', 'golang:1.22'],
    ['${EMPTY:-node}', 'node'],
    ['${VERSION:-x}', '3.12'],
    ['python${VERSION:+:}${VERSION}', 'python:3.12'],
    ['python${UNSET:+:latest}', 'python'],
    ['$UNSET', ''],
  ])('%s → %s', (text, expected) => {
    expect(substituteArgs(text, args)).toBe(expected);
  });
});

describe('parseDockerfile', () => {
  it('reads stages, aliases and COPY --from sources', () => {
    const text = [
      'FROM --platform=linux/amd64 golang:1.22 AS Build',
      'COPY --from=tools /bin/x /bin/x',
      'FROM scratch',
      'COPY --chown=1:1 --from="build" /out /out',
    ].join('\n');
    expect(parseDockerfile(text)).toEqual([
      { index: 0, image: 'golang:1.22', alias: 'build', copySources: ['tools'] },
      { index: 1, image: 'scratch', copySources: ['build'] },
    ]);
  });

  it('uses only ARGs declared before the first FROM', () => {
    const text = ['ARG A=python B=3.12', 'FROM $A:$B', 'ARG A=golang', 'FROM $A'].join('\n');
    expect(parseDockerfile(text).map((stage) => stage.image)).toEqual(['python:3.12', 'python']);
  });

  it('honours the escape parser directive', () => {
    const text = ['# escape=`', 'FROM `', '  mcr.microsoft.com/windows/servercore `', '  AS base'].join('\n');
    expect(parseDockerfile(text)).toEqual([
      { index: 0, image: 'mcr.microsoft.com/windows/servercore', alias: 'base', copySources: [] },
    ]);
  });

  it('ignores a directive that comes after an instruction', () => {
    const text = ['FROM python:3.12', '# escape=`', 'FROM golang:1.22 `'].join('\n');
    expect(parseDockerfile(text).map((stage) => stage.image)).toEqual(['python:3.12', 'golang:1.22']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\\', 'FROM', 'FROM \\', '\u0000\uffff', 'COPY --from=x a b', '<<EOF\nFROM x']) {
      expect(() => parseDockerfile(text)).not.toThrow();
    }
    expect(parseDockerfile('FROM')).toEqual([]);
  });
});

describe('dockerfileLanguages', () => {
  it('reads the final stage, not the first', () => {
    const text = 'FROM python:3.12 AS tooling\nFROM node:20\n';
    expect(dockerfileLanguages(text, 'Dockerfile')).toEqual([
      { languageId: 'node', detail: 'Dockerfile final stage FROM node:20' },
    ]);
  });

  it('reports every language copied into a runtime-less final stage, once each', () => {
    const text = [
      'FROM node:20 AS web',
      'FROM golang:1.22 AS api',
      'FROM golang:1.22 AS migrate',
      'FROM alpine:3.20',
      'COPY --from=web /dist /srv',
      'COPY --from=api /app /app',
      'COPY --from=migrate /m /m',
    ].join('\n');
    expect(dockerfileLanguages(text, 'Dockerfile')).toEqual([
      { languageId: 'node', detail: 'Dockerfile final stage FROM alpine:3.20, built from stage "web" FROM node:20' },
      { languageId: 'go', detail: 'Dockerfile final stage FROM alpine:3.20, built from stage "api" FROM golang:1.22' },
    ]);
  });

  it('names unnamed stages by index', () => {
    const text = 'FROM rust:1.79\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=0 /app /app\n';
    expect(dockerfileLanguages(text, 'Dockerfile')).toEqual([
      {
        languageId: 'rust',
        detail: 'Dockerfile final stage FROM gcr.io/distroless/cc-debian12, built from stage 0 FROM rust:1.79',
      },
    ]);
  });

  it('does not let a stage refer to itself or a later stage', () => {
    expect(dockerfileLanguages('FROM app AS app\n', 'Dockerfile')).toEqual([]);
    expect(dockerfileLanguages('FROM scratch AS a\nCOPY --from=b /x /x\nFROM python:3 AS b\n', 'Dockerfile')).toEqual([
      { languageId: 'python', detail: 'Dockerfile final stage FROM python:3' },
    ]);
    expect(dockerfileLanguages('FROM python:3 AS b\nFROM scratch\nCOPY --from=1 /x /x\n', 'Dockerfile')).toEqual([]);
  });

  it('gives nothing when the final image is unknown and copies from nowhere', () => {
    expect(dockerfileLanguages('FROM ${BASE}\nRUN make\n', 'Dockerfile')).toEqual([]);
  });
});
