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

describe('heredocs', () => {
  const images = (text: string) => parseDockerfile(text).map((stage) => stage.image);

  it('skips the body of a RUN, COPY or ADD heredoc, including one that looks like an instruction', () => {
    const text = ['FROM alpine:3.20', 'RUN <<EOF', 'FROM golang:1.22', 'EOF', 'FROM python:3.12-slim'].join('\n');
    expect(images(text)).toEqual(['alpine:3.20', 'python:3.12-slim']);
  });

  it('reads every heredoc of one line in order, quoted names and <<- tab stripping', () => {
    const text = [
      'FROM alpine:3.20',
      'COPY <<FIRST <<"SECOND" /etc/',
      'FROM a',
      'FIRST',
      'FROM b',
      'SECOND',
      "RUN <<-'TABBED' sh",
      '\tFROM c',
      '\t\tTABBED',
      'FROM python:3.12-slim',
    ].join('\n');
    expect(images(text)).toEqual(['alpine:3.20', 'python:3.12-slim']);
  });

  it.each([
    ['a here-string', 'RUN cat <<< "hello"'],
    ['<< inside double quotes', 'RUN bash -c "cat << EOF"'],
    ["<< inside single quotes", "RUN sh -c 'x <<EOF'"],
    ['a shift in arithmetic', 'RUN echo $((1 << 4))'],
    ['an exec-form argument', 'RUN ["sh", "-c", "cat <<EOF"]'],
    ['an instruction that takes no heredoc', 'ENV NOTE=<<EOF'],
  ])('does not take %s for a heredoc', (_case, line) => {
    expect(images(['FROM golang:1.22 AS build', line, 'FROM python:3.12-slim'].join('\n'))).toEqual(['golang:1.22', 'python:3.12-slim']);
  });

  it('ends a heredoc only at a line that is exactly its name', () => {
    const text = ['FROM alpine', 'RUN <<EOF', '  EOF', 'EOF trailing', 'EOF', 'FROM node:20'].join('\n');
    expect(images(text)).toEqual(['alpine', 'node:20']);
  });
});

describe('dockerfileLanguages', () => {
  it('reads the final stage, not the first', () => {
    const text = 'FROM python:3.12 AS tooling\nFROM node:20\n';
    expect(dockerfileLanguages(text)).toEqual([{ languageId: 'node', reason: 'its final stage is FROM node:20' }]);
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
    expect(dockerfileLanguages(text)).toEqual([
      { languageId: 'node', reason: 'its final stage (FROM alpine:3.20) copies from stage "web" (FROM node:20)' },
      { languageId: 'go', reason: 'its final stage (FROM alpine:3.20) copies from stage "api" (FROM golang:1.22)' },
    ]);
  });

  it('names unnamed stages by index, and images given to COPY --from', () => {
    const text = 'FROM rust:1.79\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=0 /app /app\n';
    expect(dockerfileLanguages(text)).toEqual([
      { languageId: 'rust', reason: 'its final stage (FROM gcr.io/distroless/cc-debian12) copies from stage 0 (FROM rust:1.79)' },
    ]);
    expect(dockerfileLanguages('FROM scratch\nCOPY --from=python:3.12-slim /usr/local /usr/local\n')).toEqual([
      { languageId: 'python', reason: 'its final stage (FROM scratch) copies from the image python:3.12-slim' },
    ]);
  });

  it('follows a stage built on another stage, and a stage copied from one built on another', () => {
    expect(dockerfileLanguages('FROM golang:1.22 AS base\nFROM base AS final\n')).toEqual([
      { languageId: 'go', reason: 'its final stage (FROM base) builds on stage "base" (FROM golang:1.22)' },
    ]);
    const text = ['FROM hexpm/elixir:1.17 AS base', 'FROM base AS builder', 'FROM debian:bookworm-slim', 'COPY --from=builder /app /app'].join('\n');
    expect(dockerfileLanguages(text)).toEqual([
      {
        languageId: 'elixir',
        reason: 'its final stage (FROM debian:bookworm-slim) copies from stage "builder", whose language comes from stage "base" (FROM hexpm/elixir:1.17)',
      },
    ]);
  });

  it('reads the copies of the stages a runtime-less final stage builds on', () => {
    const text = ['FROM golang:1.22 AS build', 'FROM alpine:3.20 AS base', 'COPY --from=build /app /app', 'FROM base'].join('\n');
    expect(dockerfileLanguages(text)).toEqual([
      { languageId: 'go', reason: 'its final stage (FROM base) copies from stage "build" (FROM golang:1.22)' },
    ]);
  });

  it('does not let a stage refer to itself or a later stage', () => {
    expect(dockerfileLanguages('FROM app AS app\n')).toEqual([]);
    expect(dockerfileLanguages('FROM scratch AS a\nCOPY --from=b /x /x\nFROM python:3 AS b\n')).toEqual([
      { languageId: 'python', reason: 'its final stage is FROM python:3' },
    ]);
    expect(dockerfileLanguages('FROM python:3 AS b\nFROM scratch\nCOPY --from=1 /x /x\n')).toEqual([]);
  });

  it('gives nothing when the final image is unknown and copies from nowhere', () => {
    expect(dockerfileLanguages('FROM ${BASE}\nRUN make\n')).toEqual([]);
  });

  it('stays linear when every stage copies from every earlier one', () => {
    const stages = Array.from({ length: 400 }, (_, index) => {
      const copies = Array.from({ length: index }, (_, from) => `COPY --from=${from} /x /x`);
      return [`FROM ${index === 0 ? 'golang:1.22' : 'scratch'}`, ...copies].join('\n');
    });
    const started = performance.now();
    expect(dockerfileLanguages(stages.join('\n')).map((found) => found.languageId)).toEqual(['go']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
