import { describe, expect, it } from 'vitest';
import { isDockerfileName } from './detect.js';
import { imageLanguage, imageRepository } from './images.js';

describe('imageRepository', () => {
  it.each([
    ['golang:1.22-alpine', 'golang'],
    ['docker.io/library/python:3.12@sha256:abc', 'python'],
    ['index.docker.io/library/node', 'node'],
    ['registry.example.com:5000/team/rust:1.79', 'registry.example.com:5000/team/rust'],
    ['GCR.IO/Distroless/Python3-Debian12:nonroot', 'gcr.io/distroless/python3-debian12'],
  ])('%s → %s', (image, repository) => {
    expect(imageRepository(image)).toBe(repository);
  });
});

describe('imageLanguage', () => {
  it.each([
    ['golang:1.22', 'go'],
    ['cimg/go:1.22', 'go'],
    ['python:3.12-slim', 'python'],
    ['pypy:3.10', 'python'],
    ['cgr.dev/chainguard/python:latest', 'python'],
    ['gcr.io/distroless/python3-debian12', 'python'],
    ['node:20-alpine', 'node'],
    ['gcr.io/distroless/nodejs20-debian12', 'node'],
    ['rust:1.79-slim', 'rust'],
    ['eclipse-temurin:21-jre', 'java'],
    ['openjdk:17', 'java'],
    ['amazoncorretto:21', 'java'],
    ['azul/zulu-openjdk-alpine:21', 'java'],
    ['gcr.io/distroless/java17-debian12', 'java'],
    ['maven:3.9-eclipse-temurin-21', 'java'],
  ])('%s → %s', (image, languageId) => {
    expect(imageLanguage(image)).toBe(languageId);
  });

  it.each([
    'scratch',
    'alpine:3.20',
    'debian:bookworm-slim',
    'gcr.io/distroless/static-debian12',
    'gcr.io/distroless/base',
    'gcr.io/distroless/cc-debian12',
    'nginx:1.27',
    'registry.example.com:5000/node-tools/base:1',
    '',
  ])('%s names no runtime', (image) => {
    expect(imageLanguage(image)).toBeUndefined();
  });
});

describe('isDockerfileName', () => {
  it.each(['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.prod', 'api.Dockerfile', 'worker.dockerfile'])(
    '%s is a Dockerfile',
    (name) => expect(isDockerfileName(name)).toBe(true),
  );

  it.each(['Dockerfile.dockerignore', '.dockerignore', 'Dockerfiles', 'docker-compose.yml', '.Dockerfile'])(
    '%s is not',
    (name) => expect(isDockerfileName(name)).toBe(false),
  );
});
