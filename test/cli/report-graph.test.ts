import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const root = makeWorkspace({
  'gateway/service.yaml': manifest('gateway', [
    'language: go',
    'workload: api',
    'traffic:',
    '  peakRps: 40000',
    'dependsOn:',
    '  - service: orders',
    '    rpsShare: 0.5',
    '  - service: audit-log',
    '    call: async',
  ]),
  'orders/service.yaml': manifest('orders', ['language: python', 'workload: api']),
  'audit-log/service.yaml': manifest('audit-log', ['language: python', 'workload: worker']),
});

interface ServiceRow {
  service: string;
  declaredRps: number | null;
  effectiveRps: number;
  recommended: { language: string; question: number; reason: string };
  declaredEstimate: { language: string; instances: number; memoryMb: number; throughputRpsPerInstance: number } | null;
  recommendedEstimate: { language: string; instances: number; memoryMb: number } | null;
}

describe('svc-lint report', () => {
  it('gives effective traffic, the recommendation and the estimates per service, and exits 0', () => {
    const run = runCli(['report', '--format', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      services: ServiceRow[];
      fleet: { declared: { instances: number }; recommended: { instances: number } };
      profiles: Record<string, { benchmark: string; source: string }>;
    };
    expect(report.profiles.python).toEqual({
      benchmark: 'Python (FastAPI)',
      source: 'Choosing Python or Go for Microservices: A Performance Reality Check (2026)',
    });
    const orders = report.services.find((row) => row.service === 'orders')!;
    expect(orders).toMatchObject({
      declaredRps: null,
      effectiveRps: 20000,
      recommended: { language: 'go', question: 2, reason: 'high-throughput' },
      declaredEstimate: { language: 'python', instances: 2, memoryMb: 104, throughputRpsPerInstance: 12500 },
      recommendedEstimate: { language: 'go', instances: 1, memoryMb: 12 },
    });
    const audit = report.services.find((row) => row.service === 'audit-log')!;
    expect(audit.effectiveRps).toBe(0);
    expect(report.fleet.declared.instances).toBe(3);
    expect(report.fleet.recommended.instances).toBe(2);
  });

  it('prints a table with the fleet total and the figures it used', () => {
    const run = runCli(['report'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^orders\s+Python\s+api\s+-\s+20,000\s+Go \(Q2: peak above the hot-path threshold\)\s+2 → 1\s+104 → 12\s+180-350 → 8-15$/m);
    expect(run.stdout).toContain('fleet (2 services with estimates): 3 → 2 instances');
    expect(run.stdout).toContain('Python (FastAPI): 12,500 req/s and 52 MB per instance');
  });
});

describe('svc-lint report on a model behind a gateway', () => {
  const hybrid = makeWorkspace({
    'gateway/service.yaml': manifest('gateway', ['language: go', 'workload: api', 'traffic:', '  peakRps: 30000', 'dependsOn:', '  - service: ranker']),
    'ranker/service.yaml': manifest('ranker', ['language: python', 'workload: ml-serving']),
  });

  it('sizes the model on the traffic it receives and says its figures are not model inference', { timeout: 30_000 }, () => {
    const text = runCli(['report'], { cwd: hybrid });
    expect(text.stdout).toMatch(/^ranker \*\s+Python\s+ml-serving\s+-\s+30,000\s+Python \(Q1: serves an ML model\)\s+3\s+156\s+180-350$/m);
    expect(text.stdout).toContain('  * ML model serving: per-instance figures from a JSON API benchmark, not from model inference');
    const json = JSON.parse(runCli(['report', '--format', 'json'], { cwd: hybrid }).stdout) as { services: (ServiceRow & { caveat?: string })[] };
    const ranker = json.services.find((row) => row.service === 'ranker')!;
    expect(ranker.caveat).toBe('per-instance figures from a JSON API benchmark, not from model inference');
    expect(json.services.find((row) => row.service === 'gateway')!.caveat).toBeUndefined();
  });
});

describe('svc-lint graph', () => {
  it('draws Mermaid with solid sync and dashed async edges labelled with rps', () => {
    const run = runCli(['graph'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('flowchart LR');
    expect(run.stdout).toMatch(/ -->\|"20,000 req\/s"\| /);
    expect(run.stdout).toMatch(/ -\.->\|"async · 40,000 req\/s"\| /);
  });

  it('writes Graphviz dot and JSON', () => {
    const dot = runCli(['graph', '--format', 'dot'], { cwd: root });
    expect(dot.stdout).toMatch(/^digraph /);
    expect(dot.stdout).toContain('style=dashed');
    const json = JSON.parse(runCli(['graph', '--format', 'json'], { cwd: root }).stdout) as {
      nodes: { name: string; path: string; flagged: boolean }[];
      edges: { call: string; rps: number }[];
    };
    expect(json.nodes.map((node) => `${node.name}:${node.path}:${node.flagged}`).sort()).toEqual([
      'audit-log:smart:false',
      'gateway:hot:false',
      'orders:smart:true',
    ]);
    expect(json.edges.map((edge) => `${edge.call}:${edge.rps}`).sort()).toEqual(['async:40000', 'sync:20000']);
  });

  it('rejects a lint format', () => {
    const run = runCli(['graph', '--format', 'sarif'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: --format sarif: unknown format "sarif"; formats: mermaid, dot, json\n');
  });
});
