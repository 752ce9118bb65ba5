import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { detectLanguageEvidence } from '../../sources/evidence/detect.js';
import { SvcLintError } from '../../errors.js';
import { displayPathOf, findRepositoryRoot, isInsideDirectory } from '../../io/paths.js';
import { packagePath } from '../../package-paths.js';
import { didYouMean } from '../../text/closest.js';
import { setUp } from '../../ruleset/setup.js';
import { workloads, type Workload } from '../../types.js';
import type { CliOptions } from '../args.js';
import { exitCodes, stderrLine, type CliIo } from '../io.js';
import { terminalSafe } from '../../text/terminal.js';
import { writeReportFile } from '../write-outputs.js';
import { stringify } from 'yaml';
import { describeSchemaErrors } from '../../schema/describe.js';
import { validator } from '../../schema/validators.js';

const namePattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function nameFromDirectory(directory: string): string {
  const slug = basename(directory)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return slug || 'my-service';
}

/** The language most of the evidence beside the manifest names; the first found wins a tie. */
export function detectedLanguage(directory: string): string | undefined {
  const counts = new Map<string, number>();
  for (const evidence of detectLanguageEvidence(directory)) {
    counts.set(evidence.languageId, (counts.get(evidence.languageId) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [language, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = language;
  return best;
}

interface SchemaReference {
  /** Relative to the manifest, so the modeline works for everyone who checks the repository out. */
  path: string;
  /** Where the schema will be, when it is not there yet: svc-lint runs from outside the project (npx, a global install). */
  missing?: string;
}

/**
 * The schema svc-lint runs with when it is installed in the project; otherwise where installing it as a development
 * dependency puts it (under the repository root, else the current directory). Never an absolute path: a manifest is
 * committed, and a path into one machine's npx cache would mean nothing to the rest of the team.
 */
function schemaReference(manifestDirectory: string, cwd: string): SchemaReference {
  const schema = packagePath('schemas', 'service.schema.json');
  const relativeTo = (path: string) => relative(manifestDirectory, path).split(sep).join('/');
  if (isInsideDirectory(cwd, schema)) return { path: relativeTo(schema) };
  const installed = resolve(findRepositoryRoot(cwd) ?? cwd, 'node_modules', 'svc-lint', 'schemas', 'service.schema.json');
  return { path: relativeTo(installed), ...(!existsSync(installed) && { missing: displayPathOf(cwd, installed) }) };
}

/**
 * Checks the fields against the manifest schema before anything is written, and refuses a language that is not one
 * line of printable text (`go\nspec: {}` would write a manifest that does not parse, or one that says more than asked).
 */
function checkFields(fields: { name: string; language: string; workload: Workload }, given: Record<'name' | 'language' | 'workload', string>): void {
  const flags: Record<string, keyof typeof given> = { 'metadata.name': 'name', 'spec.language': 'language', 'spec.workload': 'workload' };
  if (terminalSafe(fields.language) !== fields.language) {
    throw new SvcLintError('usage', `--language ${given.language}: must be one line of printable text, such as go or python`);
  }
  const value = { apiVersion: 'svc-lint/v1', kind: 'Service', metadata: { name: fields.name }, spec: { language: fields.language, workload: fields.workload } };
  const validate = validator('service');
  if (validate(value)) return;
  const [first] = describeSchemaErrors(validate.errors ?? []);
  const flag = flags[first?.displayPath ?? ''] ?? 'language';
  throw new SvcLintError('usage', `--${flag} ${given[flag]}: ${first?.problem ?? 'is not valid'}`);
}

/** A value as one YAML scalar: plain when it reads back as itself, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value).trimEnd();
}

export function manifestText(fields: { name: string; language: string; workload: Workload }, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
apiVersion: svc-lint/v1
kind: Service
metadata:
  name: ${scalar(fields.name)}
spec:
  language: ${scalar(fields.language)}
  # one of: ${workloads.join(', ')}
  workload: ${fields.workload}
  # traffic:
  #   peakRps: 1000        # requests per second at peak
  # latency:
  #   p99Ms: 100           # p99 latency SLO in milliseconds
  # deployment:
  #   target: container    # container, vm, serverless or edge
  # team:
  #   languages: [${fields.language}]
  # dependsOn:
  #   - service: other-service
  #     call: sync         # sync or async
`;
}

async function ask(io: CliIo, question: string, fallback: string | undefined): Promise<string | undefined> {
  if (!io.stdinIsTTY || !io.prompt) return fallback;
  const answer = (await io.prompt(`${question}${fallback ? ` (${fallback})` : ''}: `)).trim();
  return answer || fallback;
}

/** `svc-lint init [dir]`: writes a starter service.yaml, filling the language in from the files beside it. */
export async function runInitCommand(options: CliOptions, io: CliIo): Promise<number> {
  const given = options.positionals[0];
  const target = resolve(io.cwd, given ?? '.');
  // A path ending in .yaml/.yml names the manifest; anything else is the service's directory, created if need be.
  const namesFile = given !== undefined && /\.ya?ml$/i.test(given) && !(existsSync(target) && statSync(target).isDirectory());
  const file = namesFile ? target : resolve(target, 'service.yaml');
  const directory = dirname(file);
  const display = displayPathOf(io.cwd, file);
  if (existsSync(file) && !options.force) {
    throw new SvcLintError('usage', `${display} already exists: pass --force to replace it`);
  }
  const { languages } = setUp({ cwd: io.cwd, ...(options.config !== undefined && { config: options.config }) });

  const name = options.init.name ?? (await ask(io, 'Service name', nameFromDirectory(directory)));
  const language = options.init.language ?? (await ask(io, 'Language', detectedLanguage(directory)));
  const workload = options.init.workload ?? (await ask(io, `Workload (${workloads.join(', ')})`, 'api'));
  if (!name || !namePattern.test(name)) {
    throw new SvcLintError('usage', `--name ${name ?? ''}: use lowercase letters, digits and '-' (at most 63 characters)`);
  }
  if (!language) {
    throw new SvcLintError('usage', `cannot tell the language from the files in ${displayPathOf(io.cwd, directory)}: pass --language`);
  }
  const knownWorkload = workloads.find((candidate) => candidate === workload);
  if (!knownWorkload) {
    throw new SvcLintError('usage', `--workload ${workload ?? ''}: expected one of ${workloads.join(', ')}${didYouMean(workload ?? '', workloads)}`);
  }

  const fields = { name, language: languages.resolve(language), workload: knownWorkload };
  checkFields(fields, { name, language, workload: knownWorkload });
  const schema = schemaReference(directory, io.cwd);
  await writeReportFile(io.cwd, display, manifestText(fields, schema.path), { overwriteManifest: options.force });
  io.writeStdout(`wrote ${terminalSafe(display)} (${fields.name}: ${fields.language}, ${fields.workload})\n`);
  if (schema.missing !== undefined) {
    io.writeStderr(stderrLine(`the schema modeline points at ${schema.missing}, which npm install --save-dev svc-lint provides`));
  }
  return exitCodes.clean;
}
