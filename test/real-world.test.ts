import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli, type CliRun } from './cli/run-cli.js';
import { slowTestTimeout } from './timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const tree = fileURLToPath(new URL('../fixtures/real-world/', import.meta.url));

let root: string;
beforeAll(() => {
  // A copy outside any repository: the tree is its own workspace, whatever else the checkout holds.
  root = makeWorkspace();
  cpSync(tree, root, { recursive: true });
});
afterAll(removeWorkspaces);

function described(run: CliRun): string[] {
  return parseJsonReport(run).findings.map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
}

const drift = (file: string, at: string, message: string) => `${file} ${at} language-drift ${message}`;

const expectedFindings = [
  'catalog/aliases.catalog-info.yaml 20:7 duplicate-dependency product-reviews lists "product-catalog" again; the first entry (line 19) is the one counted, with its call, rpsShare and p99Ms',
  'catalog/invalid-component.catalog-info.yaml 4:9 manifest-schema metadata.name must be a Backstage entity name: 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit (got "invalid component")',
  'catalog/one-platform.catalog-info.yaml 26:7 unknown-dependency one-platform-portal depends on "one-platform-apps-service-service", but no manifest in the workspace declares a service with that name; did you mean one-platform-apps-service?',
  drift(
    'otel-demo/accounting/catalog-info.yaml',
    '7:28',
    'accounting declares go, but otel-demo/accounting/Accounting.csproj points to csharp and otel-demo/accounting/Dockerfile points to csharp, as its final stage is FROM mcr.microsoft.com/dotnet/aspnet:10.0.10@sha256:f1126d438ccc…',
  ),
  drift('otel-demo/cart/catalog-info.yaml', '7:28', 'cart declares python, but otel-demo/cart/cart.slnx points to csharp, as it lists src/cart.csproj'),
  'otel-demo/catalog-info.yaml 81:9 skipped-entity demo-protos carries svc-lint.dev/* annotations, but its type is "library": svc-lint judges Components of type service and website, so it skipped this one',
  'otel-demo/checkout/catalog-info.yaml 20:7 duplicate-dependency checkout lists "email" again; the first entry (line 19) is the one counted, with its call, rpsShare and p99Ms',
  drift('otel-demo/currency/catalog-info.yaml', '7:28', 'currency declares python, but otel-demo/currency/CMakeLists.txt points to cpp'),
  drift(
    'otel-demo/email/catalog-info.yaml',
    '7:28',
    'email declares go, but otel-demo/email/Gemfile points to ruby and otel-demo/email/Dockerfile points to ruby, as its final stage is FROM docker.io/library/ruby:4.0.5-alpine3.22@sha256:fae3127404cb…',
  ),
  drift(
    'otel-demo/flagd-ui/catalog-info.yaml',
    '7:28',
    'flagd-ui declares go, but otel-demo/flagd-ui/mix.exs points to elixir and otel-demo/flagd-ui/Dockerfile points to elixir, as its final stage (FROM docker.io/debian:bullseye-20260610-slim@sha256:ff4b13408ab7…) copies from stage "builder", whose language comes from stage "base" (FROM docker.io/hexpm/elixir:1.20.1-erlang-28.4-debian-bullseye-20260610-slim@sha256:ec29c781c91c…)',
  ),
  drift(
    'otel-demo/fraud-detection/catalog-info.yaml',
    '7:28',
    'fraud-detection declares python, but otel-demo/fraud-detection/Dockerfile points to java, as its final stage is FROM gcr.io/distroless/java17-debian12:nonroot@sha256:06484c2a9dcc…; otel-demo/fraud-detection/build.gradle.kts points to kotlin, as it applies the Kotlin plugin',
  ),
  drift(
    'otel-demo/quote/catalog-info.yaml',
    '7:28',
    'quote declares python, but otel-demo/quote/composer.json points to php and otel-demo/quote/Dockerfile points to php, as its final stage is FROM docker.io/library/php:8.5.9-cli-alpine3.24@sha256:0554eb53778b…',
  ),
  drift(
    'stacks/buildkit/service.yaml',
    '7:13',
    'buildkitd declares python, but stacks/buildkit/Dockerfile points to go, as its final stage (FROM buildkit-linux) copies from stage "binaries", whose language comes from stage "golatest" (FROM golang:1.26-alpine3.23)',
  ),
  drift(
    'stacks/go-podinfo/service.yaml',
    '7:13',
    'podinfo declares python, but stacks/go-podinfo/Dockerfile points to go, as its final stage (FROM alpine:3.24) copies from stage "builder" (FROM golang:1.26-alpine)',
  ),
  drift('stacks/scala-example/service.yaml', '7:13', 'scala3-example declares go, but stacks/scala-example/build.sbt points to scala'),
  drift(
    'stacks/swift-vapor/service.yaml',
    '7:13',
    'vapor-app declares python, but stacks/swift-vapor/Package.swift points to swift and stacks/swift-vapor/Dockerfile points to swift, as its final stage (FROM ubuntu:noble) copies from stage "build" (FROM swift:6.1-noble)',
  ),
];

const unannotated = 'a Backstage Component without svc-lint.dev/* annotations';

describe('a real repository linted as a directory', { timeout: 60_000 }, () => {
  it('reports exactly the expected findings, none on a file that is not svc-lint\'s, and fails on the errors', () => {
    const run = runCli(['--format', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(described(run)).toEqual(expectedFindings);
    expect(parseJsonReport(run).summary).toEqual({
      files: 16,
      services: 15,
      errors: 2,
      warnings: 13,
      infos: 1,
      suppressed: 0,
      baselined: 0,
      skipped: 4,
    });
  });

  it('lists every file and document it skipped, and why, with --debug', () => {
    const run = runCli(['--format', 'compact', '--debug'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      "svc-lint: skipped helm/podinfo/templates/service.yaml: another tool's document (apiVersion: v1, kind: Service)",
      "svc-lint: skipped kubernetes/podinfo/service.yaml: another tool's document (apiVersion: v1, kind: Service)",
      'svc-lint: skipped otel-demo/catalog-info.yaml:3: a Backstage System',
      ...[11, 22, 32, 42, 53, 63].map((line) => `svc-lint: skipped otel-demo/catalog-info.yaml:${line}: ${unannotated}`),
      'svc-lint: skipped otel-demo/catalog-info.yaml:86: a Backstage Resource',
      "svc-lint: skipped scaffolder/springboot-grpc/catalog-info.yaml: another tool's document (apiVersion: scaffolder.backstage.io/v1beta3, kind: Template)",
      'svc-lint: skipped scaffolder/springboot-grpc/skeleton/catalog-info.yaml: a Backstage scaffolder template (${{ … }})',
    ]);
  });

  it('has nothing to say about Kubernetes objects, Helm templates and scaffolder Templates and skeletons', () => {
    // Directories that hold no svc-lint manifest are a selection that matched nothing: exit 2, as ESLint does.
    const unmatched = "svc-lint: no svc-lint manifest found for kubernetes, helm, scaffolder (4 files skipped as not svc-lint's; --debug lists them)\n";
    const run = runCli(['kubernetes', 'helm', 'scaffolder'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(unmatched);
    expect(run.stdout).toBe('');
    const allowed = runCli(['kubernetes', 'helm', 'scaffolder', '--no-error-on-unmatched-pattern'], { cwd: root });
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toBe(unmatched);
    expect(allowed.stdout).toBe("✔ no problems (0 files, 0 services; 4 files skipped as not svc-lint's, --debug lists them)\n");
    // --debug lists them, as the line says, and shows no stack trace: the error is the user's, not svc-lint's.
    const debug = runCli(['kubernetes', 'helm', 'scaffolder', '--debug'], { cwd: root });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toBe(
      unmatched +
        [
          "svc-lint: skipped helm/podinfo/templates/service.yaml: another tool's document (apiVersion: v1, kind: Service)",
          "svc-lint: skipped kubernetes/podinfo/service.yaml: another tool's document (apiVersion: v1, kind: Service)",
          "svc-lint: skipped scaffolder/springboot-grpc/catalog-info.yaml: another tool's document (apiVersion: scaffolder.backstage.io/v1beta3, kind: Template)",
          'svc-lint: skipped scaffolder/springboot-grpc/skeleton/catalog-info.yaml: a Backstage scaffolder template (${{ … }})',
        ].join('\n') +
        '\n',
    );
  });

  it('skips templates whose values are quoted, and a templated manifest named on its own', () => {
    const templates = makeWorkspace({
      'skeleton/catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: "${{ values.name }}"',
        '  annotations:',
        '    svc-lint.dev/language: "${{ values.language }}"',
        '    svc-lint.dev/workload: api',
        'spec: {type: service, owner: "${{ values.owner }}"}',
        '',
      ].join('\n'),
      'chart/templates/service.yaml': manifest('"{{ .Values.name }}"', ['language: go', 'workload: api']),
      'bare/service.yaml': manifest('{{ .Values.name }}', ['language: go', 'workload: api']),
      'svc/service.yaml': manifest('orders', ['language: go', 'workload: api']),
    });
    const searched = runCli(['.', '--format', 'json'], { cwd: templates });
    expect(searched.status).toBe(0);
    expect(parseJsonReport(searched).findings).toEqual([]);
    expect(parseJsonReport(searched).summary.skipped).toBe(3);
    const named = runCli(['bare/service.yaml', 'chart/templates/service.yaml', '--format', 'json'], { cwd: templates });
    expect(named.status).toBe(0);
    expect(parseJsonReport(named).findings).toEqual([]);
    // One note per file, and none of the parser's warnings (a mapping used as a key) on stderr.
    expect(named.stderr).toBe(
      [
        'svc-lint: bare/service.yaml holds no svc-lint manifest (a Helm or Go template ({{ … }})): skipped',
        'svc-lint: chart/templates/service.yaml holds no svc-lint manifest (a Helm or Go template ({{ … }})): skipped',
        '',
      ].join('\n'),
    );
  });

  it('skips another tool\'s file named on the command line, with a note', () => {
    const named = runCli(['kubernetes/podinfo/service.yaml', '--format', 'json'], { cwd: root });
    expect(named.status).toBe(0);
    expect(parseJsonReport(named).findings).toEqual([]);
    expect(named.stderr).toBe(
      "svc-lint: kubernetes/podinfo/service.yaml holds no svc-lint manifest (another tool's document (apiVersion: v1, kind: Service)): skipped\n",
    );
  });
});

describe('partial adoption: the OpenTelemetry demo with one service annotated', { timeout: 60_000 }, () => {
  it('gives no unknown-dependency for calls to components without annotations, and lists them as undeclared', () => {
    const run = runCli(['otel-demo/checkout', '--format', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    const report = parseJsonReport(run) as ReturnType<typeof parseJsonReport> & { undeclared: unknown[] };
    expect(described(run)).toEqual([
      'otel-demo/checkout/catalog-info.yaml 20:7 duplicate-dependency checkout lists "email" again; the first entry (line 19) is the one counted, with its call, rpsShare and p99Ms',
    ]);
    expect(report.undeclared).toEqual(
      ['payment', 'product-catalog', 'shipping'].map((service) => ({
        service,
        file: 'otel-demo/catalog-info.yaml',
        line: { payment: 25, 'product-catalog': 35, shipping: 45 }[service],
        column: 9,
        reason: unannotated,
        // The workspace is the whole tree: catalog/aliases.catalog-info.yaml calls the catalog too.
        calledBy: service === 'product-catalog' ? ['checkout', 'product-reviews'] : ['checkout'],
      })),
    );
  });

  it('counts a callee listed twice once, and judges no traffic past a component without annotations', () => {
    const run = runCli(['otel-demo', '--format', 'json'], { cwd: root });
    const effective = Object.fromEntries(
      (parseJsonReport(run) as unknown as { services: { service: string; effectiveRps: number }[] }).services.map((row) => [row.service, row.effectiveRps]),
    );
    // checkout declares 1,200 req/s and lists email twice (component:email, component:default/Email).
    expect(effective).toMatchObject({ checkout: 1200, email: 1200, cart: 1200, currency: 1200, accounting: 0, quote: 0 });
  });
});
