// The "hostile" group: inputs that once took minutes, gigabytes or crashed svc-lint (issue 14), each written to its
// own folder at the size that reproduced it, timed as whole processes with the same harness as the sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, runNode } from './measure.mjs';

const head = (name, language = 'go', extra = []) =>
  ['apiVersion: svc-lint/v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', `  language: ${language}`, '  workload: api', ...extra, ''].join('\n');

function write(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const repeat = (count, line) => Array.from({ length: count }, (_, index) => line(index)).join('');

/** `before` is what the issue measured; `exit` the exit code a correct run gives. */
export const hostileCases = [
  {
    id: 'directives',
    input: '"# svc-lint-" then 40,000 comment lines (80 KB)',
    before: '460 s',
    exit: 0,
    make: (dir) => write(dir, { 'a.service.yaml': `# svc-lint-\n${'#\n'.repeat(40_000)}${head('orders')}` }),
  },
  {
    id: 'schema-locations',
    input: '40,000 unknown keys under spec (469 KB)',
    before: '162 s',
    exit: 1,
    make: (dir) => write(dir, { 'a.service.yaml': head('orders') + repeat(40_000, (index) => `  unknown-key-${index}: 1\n`) }),
  },
  {
    id: 'many-zeros',
    input: 'a: [0,0,…] of 10,000,005 bytes',
    before: '187 s, 4.4 GB, V8 fatal error',
    exit: 1,
    make: (dir) => write(dir, { 'a.service.yaml': `a: [${'0,'.repeat(4_999_999)}0]\n` }),
  },
  {
    id: 'empty-lists',
    input: '3,000,000 [] (9 MB)',
    before: '224 s, 4 GB',
    exit: 1,
    make: (dir) => write(dir, { 'a.service.yaml': `a: [${'[],'.repeat(2_999_999)}[]]\n` }),
  },
  {
    id: 'document-markers',
    input: '1,000,000 lines of --- (4 MB)',
    before: '20 s, 1 GB',
    exit: 1,
    make: (dir) => write(dir, { 'a.service.yaml': '---\n'.repeat(1_000_000) }),
  },
  {
    id: 'waiver-glob',
    input: 'waiver *a*a*a*a*a*a*a*b against a 63-character name',
    before: '39-50 s',
    exit: 1,
    make: (dir) =>
      write(dir, {
        '.svc-lint.yaml': 'waivers:\n  - rule: hot-path-throughput\n    services: ["*a*a*a*a*a*a*a*b"]\n    reason: r\n    owner: o\n    expires: 2099-01-01\n',
        'a.service.yaml': head('a'.repeat(63), 'python', ['  traffic:', '    peakRps: 50000']),
      }),
  },
  {
    id: 'sync-chain',
    input: 'a sync chain of 20,000 services',
    before: '145 s',
    exit: 1,
    make: (dir) =>
      write(
        dir,
        Object.fromEntries(
          Array.from({ length: 20_000 }, (_, index) => [
            `services/s${index}/service.yaml`,
            head(`s${index}`, 'python', [
              ...(index === 0 ? ['  traffic:', '    peakRps: 50000'] : []),
              ...(index < 19_999 ? ['  dependsOn:', `    - service: s${index + 1}`] : []),
            ]),
          ]),
        ),
      ),
  },
  {
    id: 'near-misses',
    input: '5,000 unknown dependencies within 3 edits of 5,000 long names',
    before: '26 s',
    exit: 1,
    make: (dir) => {
      const name = (index) => `payments-settlement-reconciliation-worker-${String(index).padStart(5, '0')}`;
      write(
        dir,
        Object.fromEntries(
          Array.from({ length: 5_000 }, (_, index) => [
            `services/s${index}/service.yaml`,
            head(name(index), 'go', ['  dependsOn:', `    - service: ${name((index + 1) % 5_000).replace('worker', 'wroker')}`]),
          ]),
        ),
      );
    },
  },
  {
    id: 'long-refs',
    input: 'ten 900,000-character refs against 9,000 services',
    before: '40 s',
    exit: 1,
    make: (dir) => {
      const files = Object.fromEntries(Array.from({ length: 9_000 }, (_, index) => [`services/s${index}/service.yaml`, head(`service-${index}`)]));
      const refs = Array.from({ length: 10 }, (_, index) => `    - component:${String(index).repeat(900_000)}`);
      files['catalog-info.yaml'] = [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: storefront',
        '  annotations:',
        '    svc-lint.dev/language: go',
        '    svc-lint.dev/workload: api',
        'spec:',
        '  type: service',
        '  owner: team-shop',
        '  lifecycle: production',
        '  dependsOn:',
        ...refs,
        '',
      ].join('\n');
      write(dir, files);
    },
  },
  {
    id: 'flat-directory',
    input: '5,000 sN.service.yaml in one directory',
    before: '28-38 s',
    exit: 0,
    make: (dir) => write(dir, Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`s${index}.service.yaml`, head(`s${index}`)]))),
  },
  {
    id: 'findings-in-one-file',
    input: '130,000 unknown keys in one file (130,000 findings)',
    before: 'internal error: Maximum call stack size exceeded',
    exit: 1,
    make: (dir) => write(dir, { 'a.service.yaml': head('orders') + repeat(130_000, (index) => `  k${index}:\n`) }),
  },
];

/**
 * Times each case `runs` times (once when the first run takes over 30 s); a case must exit as a correct run does,
 * with nothing on stderr. The files were just written, so they are in the file cache without a warm-up run.
 */
export async function measureHostile(svcLintScript, workRoot, runs, failures) {
  const results = [];
  for (const hostile of hostileCases) {
    const dir = join(workRoot, `hostile-${hostile.id}`);
    hostile.make(dir);
    process.stderr.write(`${hostile.id} `);
    const args = [svcLintScript, '--format', 'json', '--output-file', join(workRoot, `hostile-${hostile.id}.json`)];
    const timed = [];
    for (let round = 0; round < runs; round++) {
      const run = await runNode(args, { cwd: dir, timeoutMs: 10 * 60 * 1000 });
      if (run.exitCode !== hostile.exit || run.stderr.trim() !== '') {
        failures.push(`hostile ${hostile.id}: exit ${run.exitCode ?? run.signal}, expected ${hostile.exit}: ${run.stderr.trim().slice(0, 300)}`);
        break;
      }
      timed.push({ wallMs: Math.round(run.wallMs), rssMb: run.rssMb === null ? null : Math.round(run.rssMb) });
      if (run.wallMs > 30_000) break;
    }
    results.push({
      id: hostile.id,
      input: hostile.input,
      before: hostile.before,
      runs: timed,
      medianMs: median(timed.map((run) => run.wallMs)),
      medianRssMb: median(timed.map((run) => run.rssMb)),
    });
  }
  process.stderr.write('\n');
  return results;
}

export function formatHostile(results) {
  const rows = results.map((result) => {
    const time = result.medianMs === null ? 'failed' : `${(result.medianMs / 1000).toFixed(2)} s`;
    const rss = result.medianRssMb === null ? '–' : `${result.medianRssMb} MB`;
    return `| ${result.input} | ${result.before} | ${time} | ${rss} |`;
  });
  return ['| hostile input | before | now | peak RSS |', '|---|---|---|---|', ...rows].join('\n');
}
