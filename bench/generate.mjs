#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOMAINS = ['checkout', 'payments', 'search', 'catalog', 'inventory', 'shipping', 'identity', 'pricing',
  'ads', 'feed', 'reviews', 'billing', 'ledger', 'fraud', 'notify', 'media', 'geo', 'recs'];
const ROLES_BY_WORKLOAD = {
  api: ['api', 'gateway', 'edge', 'frontend'],
  'ml-serving': ['scorer', 'ranker', 'model', 'embedder'],
  etl: ['etl', 'ingest', 'loader', 'export'],
  'data-processing': ['aggregator', 'pipeline', 'analytics', 'reporter'],
  infrastructure: ['proxy', 'router', 'registry', 'scheduler'],
  worker: ['worker', 'consumer', 'processor', 'sender'],
  prototype: ['poc', 'lab', 'sandbox', 'spike'],
};
const LANGUAGES = ['go', 'python', 'node', 'java'];
// Languages teams tend to pick for each workload, as weights over LANGUAGES.
const LANGUAGE_WEIGHTS_BY_WORKLOAD = {
  api: [5, 3, 3, 2],
  'ml-serving': [1, 8, 0, 1],
  etl: [1, 6, 1, 2],
  'data-processing': [2, 6, 1, 2],
  infrastructure: [8, 1, 1, 1],
  worker: [4, 3, 3, 2],
  prototype: [1, 5, 3, 0],
};
const WORKLOADS = Object.keys(ROLES_BY_WORKLOAD);
const WORKLOAD_WEIGHTS = [30, 10, 10, 10, 10, 20, 5];
const TARGETS = ['container', 'vm', 'serverless', 'edge'];
const TARGET_WEIGHTS = [70, 12, 12, 6];

/** mulberry32: small, fast and the same on every platform, so a seed always yields the same workspace. */
function createRandom(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(random, items, weights) {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (let index = 0; index < items.length; index++) {
    roll -= weights[index];
    if (roll < 0) return items[index];
  }
  return items[items.length - 1];
}

function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

function integerBetween(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

/** Log-uniform, because real fleets have many small services and a few very busy ones. */
function peakRpsBetween(random, min, max) {
  const value = Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)));
  return value < 1000 ? Math.round(value / 10) * 10 : Math.round(value / 100) * 100;
}

function describeService(random, index) {
  // About one service in twenty is the classic mistake: a Python API on the hot path.
  const hotPathMistake = random() < 0.05;
  const workload = hotPathMistake ? 'api' : pickWeighted(random, WORKLOADS, WORKLOAD_WEIGHTS);
  const language = hotPathMistake ? 'python' : pickWeighted(random, LANGUAGES, LANGUAGE_WEIGHTS_BY_WORKLOAD[workload]);
  const domain = pick(random, DOMAINS);
  const service = {
    name: `${domain}-${pick(random, ROLES_BY_WORKLOAD[workload])}-${String(index).padStart(5, '0')}`,
    owner: `team-${domain}`,
    language,
    workload,
    peakRps: hotPathMistake ? peakRpsBetween(random, 12000, 40000) : peakRpsBetween(random, 50, 60000),
    deploymentTarget: pickWeighted(random, TARGETS, TARGET_WEIGHTS),
  };
  if (random() < 0.4) service.p99Ms = pick(random, [2, 3, 5, 10, 20, 50, 100, 250, 500]);
  if (random() < 0.8) service.teamLanguages = teamLanguages(random, language);
  return service;
}

function teamLanguages(random, serviceLanguage) {
  const known = new Set();
  // Most teams know the language they wrote the service in; some do not.
  if (random() < 0.85) known.add(serviceLanguage);
  const extra = integerBetween(random, known.size === 0 ? 1 : 0, 2);
  for (let added = 0; added < extra; added++) known.add(pick(random, LANGUAGES));
  return [...known];
}

/** Edges only point at later services, so the sync graph never has a cycle. */
function chooseDependencies(random, index, services) {
  const later = services.length - index - 1;
  const count = Math.min(later, integerBetween(random, 0, 3));
  const targets = new Set();
  while (targets.size < count) targets.add(index + 1 + Math.floor(random() * Math.min(later, 200)));
  return [...targets].map((target) => {
    const dependency = { service: services[target].name, call: random() < 0.8 ? 'sync' : 'async' };
    if (random() < 0.4) dependency.rpsShare = Math.round((0.05 + random() * 0.95) * 100) / 100;
    return dependency;
  });
}

function toManifestYaml(service) {
  const lines = [
    'apiVersion: svc-lint/v1',
    'kind: Service',
    'metadata:',
    `  name: ${service.name}`,
    `  owner: ${service.owner}`,
    'spec:',
    `  language: ${service.language}`,
    `  workload: ${service.workload}`,
    '  traffic:',
    `    peakRps: ${service.peakRps}`,
  ];
  if (service.p99Ms !== undefined) lines.push('  latency:', `    p99Ms: ${service.p99Ms}`);
  lines.push('  deployment:', `    target: ${service.deploymentTarget}`);
  if (service.teamLanguages) lines.push('  team:', `    languages: [${service.teamLanguages.join(', ')}]`);
  if (service.dependsOn.length > 0) {
    lines.push('  dependsOn:');
    for (const dependency of service.dependsOn) {
      lines.push(`    - service: ${dependency.service}`, `      call: ${dependency.call}`);
      if (dependency.rpsShare !== undefined) lines.push(`      rpsShare: ${dependency.rpsShare}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** What svc-lint's hot-path-throughput rule reports: Python above 10,000 req/s, ML model serving excepted. */
export function violatesHotPathThroughput(service) {
  return service.language === 'python' && service.workload !== 'ml-serving' && service.peakRps > 10000;
}

/**
 * Writes `count` manifests to dir/services/<name>/service.yaml.
 * Returns what was written, so reports can relate time to files and edges.
 */
export function generateWorkspace(dir, count, seed = 1) {
  const random = createRandom(seed);
  const services = [];
  for (let index = 0; index < count; index++) services.push(describeService(random, index));
  for (let index = 0; index < count; index++) services[index].dependsOn = chooseDependencies(random, index, services);

  let edges = 0;
  let hotPathThroughputViolations = 0;
  for (const service of services) {
    const serviceDir = join(dir, 'services', service.name);
    mkdirSync(serviceDir, { recursive: true });
    writeFileSync(join(serviceDir, 'service.yaml'), toManifestYaml(service));
    edges += service.dependsOn.length;
    if (violatesHotPathThroughput(service)) hotPathThroughputViolations++;
  }
  return { dir: resolve(dir), manifests: count, edges, hotPathThroughputViolations };
}

function runFromCommandLine(argv) {
  const [dir, countText, seedText = '1'] = argv;
  const count = Number(countText);
  const seed = Number(seedText);
  if (!dir || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    console.error('Usage: node bench/generate.mjs <dir> <count> [seed]');
    process.exitCode = 2;
    return;
  }
  console.log(JSON.stringify(generateWorkspace(dir, count, seed)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runFromCommandLine(process.argv.slice(2));
