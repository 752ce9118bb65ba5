import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { buildGraphView, renderGraphJson } from './view.js';
import { escapeMermaid, renderMermaid } from './mermaid.js';
import { escapeDotText, renderDot } from './dot.js';
import { fakeLanguages, makeService, seedFramework } from '../../../test/support/services.js';
import { decideWorkspace } from '../../analysis/decisions.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const tricky = 'a"b#c<d>\\e';
const services = [
  makeService('edge-gateway', {
    peakRps: 40_000,
    dependsOn: ['pricing', { service: 'audit', call: 'async', rpsShare: 0.1 }, 'ghost'],
  }),
  makeService('pricing', { language: 'python', dependsOn: [{ service: tricky, rpsShare: 0.5 }] }),
  makeService('audit', { language: 'java' }),
  makeService(tricky, { language: 'python', dependsOn: [tricky] }),
];
const languages = fakeLanguages();
const view = buildGraphView(decideWorkspace(services, seedFramework, languages), languages, new Set(['pricing']));

describe('buildGraphView', () => {
  it('colours nodes by path, adds undeclared names, and labels edges with the traffic they carry', () => {
    expect(view.nodes.map((node) => [node.id, node.name, node.path, node.effectiveRps, node.flagged])).toEqual([
      ['s0', 'edge-gateway', 'hot', 40_000, false],
      ['s1', 'pricing', 'smart', 40_000, true],
      ['s2', 'audit', 'neither', 0, false],
      ['s3', tricky, 'smart', 20_000, false],
      ['m0', 'ghost', 'missing', undefined, false],
    ]);
    expect(view.edges.map((edge) => [edge.from, edge.to, edge.call, edge.rps, edge.inCycle])).toEqual([
      ['s0', 's1', 'sync', 40_000, false],
      ['s0', 's2', 'async', 4_000, false],
      ['s0', 'm0', 'sync', 40_000, false],
      ['s1', 's3', 'sync', 20_000, false],
      ['s3', 's3', 'sync', 20_000, true],
    ]);
  });

  it('serialises as JSON with the same fields', () => {
    expect(JSON.parse(renderGraphJson(view))).toEqual(JSON.parse(JSON.stringify(view)));
    expect(Object.keys(JSON.parse(renderGraphJson(view)).nodes[0])).toEqual([
      'id',
      'name',
      'language',
      'languageName',
      'recommended',
      'path',
      'declaredRps',
      'effectiveRps',
      'flagged',
    ]);
  });
});

describe('renderMermaid', () => {
  it('escapes quotes, markup and # as entity codes', () => {
    expect(escapeMermaid('a"b#c<d>&')).toBe('a#34;b#35;c#60;d#62;#38;');
  });

  it('draws sync edges solid, async dashed, cycles red, and marks flagged services', () => {
    expect(renderMermaid(view)).toBe(
      [
        'flowchart LR',
        '  s0["edge-gateway<br/>Go · 40,000 req/s"]',
        '  s1["⚠ pricing<br/>Python · 40,000 req/s<br/>Q2 → Go"]',
        '  s2["audit<br/>java · 0 req/s"]',
        '  s3["a#34;b#35;c#60;d#62;\\e<br/>Python · 20,000 req/s<br/>Q2 → Go"]',
        '  m0["ghost<br/>not declared"]',
        '  s0 -->|"40,000 req/s"| s1',
        '  s0 -.->|"async · 4,000 req/s"| s2',
        '  s0 -->|"40,000 req/s"| m0',
        '  s1 -->|"20,000 req/s"| s3',
        '  s3 -->|"sync cycle"| s3',
        '  classDef hot fill:#dbeafe,stroke:#1d4ed8,color:#111827',
        '  classDef smart fill:#fef3c7,stroke:#b45309,color:#111827',
        '  classDef neither fill:#f3f4f6,stroke:#6b7280,color:#111827',
        '  classDef missing fill:#ffffff,stroke:#9ca3af,color:#111827,stroke-dasharray:4 3',
        '  classDef flagged stroke:#dc2626,stroke-width:3px',
        '  class s0 hot',
        '  class s1,s3 smart',
        '  class s2 neither',
        '  class m0 missing',
        '  class s1 flagged',
        '  linkStyle 4 stroke:#dc2626,stroke-width:2px',
        '',
      ].join('\n'),
    );
  });
});

describe('renderDot', () => {
  it('escapes backslashes and quotes', () => {
    expect(escapeDotText('a"b\\n')).toBe('a\\"b\\\\n');
  });

  const expected = [
    'digraph services {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    '  edge [fontname="Helvetica"];',
    '  "s0" [label="edge-gateway\\nGo · 40,000 req/s", fillcolor="#dbeafe", color="#1d4ed8"];',
    '  "s1" [label="⚠ pricing\\nPython · 40,000 req/s\\nQ2 → Go", fillcolor="#fef3c7", color="#dc2626", penwidth=3];',
    '  "s2" [label="audit\\njava · 0 req/s", fillcolor="#f3f4f6", color="#6b7280"];',
    '  "s3" [label="a\\"b#c<d>\\\\e\\nPython · 20,000 req/s\\nQ2 → Go", fillcolor="#fef3c7", color="#b45309"];',
    '  "m0" [label="ghost\\nnot declared", fillcolor="#ffffff", color="#9ca3af", style="rounded,filled,dashed"];',
    '  "s0" -> "s1" [label="40,000 req/s", style=solid];',
    '  "s0" -> "s2" [label="async · 4,000 req/s", style=dashed];',
    '  "s0" -> "m0" [label="40,000 req/s", style=solid];',
    '  "s1" -> "s3" [label="20,000 req/s", style=solid];',
    '  "s3" -> "s3" [label="sync cycle", style=solid, color="#dc2626"];',
    '}',
    '',
  ].join('\n');

  it('draws sync edges solid, async dashed, cycles red, and marks flagged services', () => {
    expect(renderDot(view)).toBe(expected);
  });

  const graphviz = spawnSync('dot', ['-V'], { encoding: 'utf8' });
  it.skipIf(graphviz.error !== undefined)('renders with Graphviz, keeping the escaped name as text', () => {
    const result = spawnSync('dot', ['-Tsvg'], { input: renderDot(view), encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('<svg');
    expect(result.stdout).toContain('a&quot;b#c&lt;d&gt;\\e');
    expect(result.stdout.match(/class="node"/g)).toHaveLength(5);
    expect(result.stdout.match(/class="edge"/g)).toHaveLength(5);
    expect(result.stdout).toContain('stroke-dasharray');
  });
});
