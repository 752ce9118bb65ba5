import { deploymentTargets, workloads, type Dependency, type ManifestFormat, type RawFinding, type Service } from '../../types.js';
import type { ManifestSource } from './source.js';

/**
 * One copy of each text the run keeps of its manifests. Services repeat a few texts (languages, workloads, owners,
 * the names of the services they call), and each read makes copies of its own: a parser's, or a reading thread's
 * reply's.
 */
export class TextPool {
  readonly #texts = new Map<string, string>();

  /** The pool's copy of `text`. */
  share(text: string): string {
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    // Readers keep strings of their own (see `ownString`), so the first copy is as good as any.
    this.#texts.set(text, text);
    return text;
  }

  /** Lets go of the pool's map; the texts it shared stay with whoever holds them. */
  clear(): void {
    this.#texts.clear();
  }
}

const formats: readonly ManifestFormat[] = ['svc-lint/v1', 'backstage'];

/** The program's own copy of a value from a short list: found without hashing the text, as a pool would. */
function known<Value extends string>(value: Value, values: readonly Value[]): Value {
  return values.find((candidate) => candidate === value) ?? value;
}

const noFindings = Object.freeze([]) as readonly RawFinding[] as RawFinding[];

/**
 * A read manifest as the run keeps it to the end: its services' texts shared through `pool`, and its lists no longer
 * than what they hold (a list grown by `push` keeps room for more). The source and its services are the run's own
 * (just read, or brought by a reply), so they are changed in place. A source from the cache is not compacted: it
 * decodes its parts only when they are read.
 */
export function compactSource(source: ManifestSource, pool: TextPool): ManifestSource {
  source.services = source.services.map((service) => compactService(service, pool));
  if (source.findings.length === 0) source.findings = noFindings;
  return source;
}

function compactService(service: Service, pool: TextPool): Service {
  service.name = pool.share(service.name);
  if (service.owner !== undefined) service.owner = pool.share(service.owner);
  service.language = pool.share(service.language);
  service.languageId = pool.share(service.languageId);
  service.workload = known(service.workload, workloads);
  service.deploymentTarget = known(service.deploymentTarget, deploymentTargets);
  service.format = known(service.format, formats);
  service.dependsOn = service.dependsOn.map((dependency) => compactDependency(dependency, pool));
  return service;
}

function compactDependency(dependency: Dependency, pool: TextPool): Dependency {
  dependency.service = pool.share(dependency.service);
  dependency.call = dependency.call === 'sync' ? 'sync' : 'async';
  return dependency;
}
