import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Finding } from '../../src/index.js';
import { workloads } from '../../src/index.js';

/** Where a finding is, in one comparable string. */
export function positionOf(finding: Finding): string {
  return `${finding.file} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId}`;
}

/**
 * Why a finding's range does not fit `text`, or undefined when it fits: lines from 1 to the last line
 * (the one after a final newline included), columns from 1 to just past the end of their line, end not before start.
 */
export function rangeProblem(text: string, finding: Finding): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const { line, column, endLine, endColumn } = finding;
  const lengthOf = (number: number) => lines[number - 1]?.length ?? -1;
  if (![line, column, endLine, endColumn].every(Number.isInteger)) return 'a position is not an integer';
  if (line < 1 || line > lines.length) return `line ${line} is outside 1..${lines.length}`;
  if (endLine < line || endLine > lines.length) return `endLine ${endLine} is outside ${line}..${lines.length}`;
  if (column < 1 || column > lengthOf(line) + 1) return `column ${column} is outside 1..${lengthOf(line) + 1} on line ${line}`;
  if (endColumn < 1 || endColumn > lengthOf(endLine) + 1) return `endColumn ${endColumn} is outside 1..${lengthOf(endLine) + 1} on line ${endLine}`;
  if (endLine === line && endColumn < column) return `endColumn ${endColumn} is before column ${column}`;
  return undefined;
}

/** Throws (failing the property) when a finding's range does not fit the text it was reported on. */
export function assertRangesInside(text: string, findings: readonly Finding[]): void {
  for (const finding of findings) {
    const problem = rangeProblem(text, finding);
    if (problem) throw new Error(`${positionOf(finding)} (${finding.message.slice(0, 120)}): ${problem}`);
  }
}

/** YAML text for any value; values the YAML library itself cannot write fall back to their string form. */
export function toYaml(value: unknown): string {
  try {
    return stringify(value);
  } catch {
    return String(value);
  }
}

const languageNames = ['go', 'golang', 'python', 'py', 'python3', 'rust', 'java', 'node', 'ruby', 'cobol', 'Go', '__proto__', 'constructor', ''];
const serviceNames = ['orders', 'payments', 'search', 'fraud-scorer', 'edge', 'constructor', 'a', 'Bad_Name', ''];

const absurdNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -1, max: 200_000 }),
  fc.constantFrom(0, 1, 5, 10_000, 10_001, 50_000, 1e12, 1e13, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.string({ maxLength: 8 }),
);

/** Either a plausible value for a field or anything at all, plausible values more often. */
function field<T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) });
}

const dependency = fc.record(
  {
    service: field(fc.constantFrom(...serviceNames)),
    call: field(fc.constantFrom('sync', 'async')),
    rpsShare: field(absurdNumber),
    p99Ms: field(absurdNumber),
  },
  { requiredKeys: ['service'] },
);

/** A native manifest document whose every field may be missing, of the wrong type or absurd. */
export const manifestDocument = fc.record(
  {
    apiVersion: field(fc.constant('svc-lint/v1')),
    kind: field(fc.constant('Service')),
    metadata: field(
      fc.record({ name: field(fc.constantFrom(...serviceNames)), owner: field(fc.string()), description: field(fc.string()) }, { requiredKeys: ['name'] }),
    ),
    spec: field(
      fc.record(
        {
          language: field(fc.constantFrom(...languageNames)),
          workload: field(fc.constantFrom(...workloads, 'batch')),
          traffic: field(fc.record({ peakRps: field(absurdNumber) })),
          latency: field(fc.record({ p99Ms: field(absurdNumber) })),
          deployment: field(fc.record({ target: field(fc.constantFrom('container', 'vm', 'serverless', 'edge', 'moon')) })),
          team: field(fc.record({ languages: field(fc.array(fc.constantFrom(...languageNames), { maxLength: 4 })) })),
          dependsOn: field(fc.array(dependency, { maxLength: 4 })),
        },
        { requiredKeys: ['language', 'workload'] },
      ),
    ),
  },
  { requiredKeys: ['apiVersion', 'kind', 'metadata', 'spec'] },
);

/** A Backstage Component entity with random values. */
export const backstageDocument = fc.record({
  apiVersion: field(fc.constant('backstage.io/v1alpha1')),
  kind: field(fc.constantFrom('Component', 'API', 'System')),
  metadata: field(
    fc.record({
      name: field(fc.constantFrom(...serviceNames)),
      annotations: field(fc.dictionary(fc.constantFrom('svc-lint.dev/language', 'svc-lint.dev/peak-rps', 'svc-lint.dev/p99-ms', 'svc-lint.dev/workload', '__proto__'), fc.string({ maxLength: 10 }))),
    }),
  ),
  spec: field(
    fc.record({
      type: field(fc.constantFrom('service', 'website', 'library')),
      owner: field(fc.string({ maxLength: 10 })),
      lifecycle: field(fc.constantFrom('production', 'experimental')),
      dependsOn: field(fc.array(fc.constantFrom('component:orders', 'component:default/search', 'resource:db', 'nonsense'), { maxLength: 3 })),
    }),
  ),
});

const directiveLine = fc.constantFrom(
  '# svc-lint-disable-next-line hot-path-throughput -- measured, fine',
  '# svc-lint-disable hot-path-throughput, unknown-language until 2026-01-01 -- migrating',
  '# svc-lint-disable-next-line',
  '# svc-lint-disable nonsense-rule -- x',
  '# svc-lint-enable',
);

/** One to three documents of manifest-shaped values, sometimes with suppression directives between their lines. */
export const manifestText = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: manifestDocument }, { weight: 1, arbitrary: backstageDocument }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(), directiveLine), { maxLength: 2 }),
  )
  .map(([documents, directives]) => {
    const lines = documents.map(toYaml).join('---\n').split('\n');
    for (const [position, directive] of directives) lines.splice(position % (lines.length + 1), 0, directive);
    return lines.join('\n');
  });

/** Text that looks like YAML: any value written by the YAML library, sometimes with a second document. */
export const yamlishText = fc
  .array(fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: false }), { minLength: 1, maxLength: 2 })
  .map((values) => values.map(toYaml).join('---\n'));
