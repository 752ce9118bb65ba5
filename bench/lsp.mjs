// The "lsp" group: svc-lint lsp --stdio in a generated workspace, driven over vscode-jsonrpc as an editor would.
// A caller and its callee are open; each edit changes the caller's rpsShare so that the callee's findings change, and
// the time from the didChange to the publishDiagnostics of the edited document and of the callee is measured, with
// the server's resident memory at the end.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateWorkspace } from './generate.mjs';
import { median } from './measure.mjs';

/** Goals of issue 16: median milliseconds from a didChange to the diagnostics, by workspace size. */
export const lspGoalsMs = { 1000: 50, 10000: 250 };

const caller = (rpsShare) => `apiVersion: svc-lint/v1
kind: Service
metadata:
  name: bench-edge
spec:
  language: go
  workload: api
  traffic:
    peakRps: 40000
  dependsOn:
    - service: bench-pricing
      call: sync
      rpsShare: ${rpsShare}
`;

const callee = `apiVersion: svc-lint/v1
kind: Service
metadata:
  name: bench-pricing
spec:
  language: python
  workload: api
`;

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

async function session(dir, options) {
  const server = spawn(process.execPath, [options.svcLintScript, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiting = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    for (const waiter of waiting.splice(0)) waiter(params, at);
  });
  connection.listen();
  const next = (uri, accept) =>
    new Promise((resolve) => {
      const listen = (params, at) => (params.uri === uri && accept(params) ? resolve(at) : waiting.push(listen));
      waiting.push(listen);
    });
  const uri = (path) => pathToFileURL(join(dir, path)).href;
  const callerUri = uri('bench/edge/service.yaml');
  const calleeUri = uri('bench/pricing/service.yaml');
  try {
    const started = performance.now();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: { debounceMs: options.debounceMs },
    });
    await connection.sendNotification('initialized', {});
    const opened = Promise.all([next(callerUri, () => true), next(calleeUri, (params) => params.diagnostics.length > 0)]);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: callerUri, languageId: 'yaml', version: 1, text: caller(0.5) } });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: calleeUri, languageId: 'yaml', version: 1, text: callee } });
    await opened;
    const firstDiagnosticsMs = performance.now() - started;
    const edited = [];
    const callees = [];
    for (let version = 2; version < 2 + options.edits; version++) {
      // 0.5 sends 20,000 req/s (inherited-hot-path), 0.2 sends 8,000 (moderate-traffic): the callee changes every time.
      const hot = version % 2 === 0;
      const callerPublished = next(callerUri, (params) => params.version === version);
      const calleePublished = next(calleeUri, (params) => params.diagnostics.some((item) => item.code === (hot ? 'moderate-traffic' : 'inherited-hot-path')));
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: callerUri, version }, contentChanges: [{ text: caller(hot ? 0.2 : 0.5) }] });
      const [callerAt, calleeAt] = await Promise.all([callerPublished, calleePublished]);
      edited.push(callerAt - sent);
      callees.push(calleeAt - sent);
      // A pause between edits, as between keystrokes.
      await new Promise((resume) => setTimeout(resume, 60));
    }
    const memory = rssOf(server.pid);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const round = (value) => Math.round(value * 10) / 10;
    return {
      debounceMs: options.debounceMs,
      edits: options.edits,
      firstDiagnosticsMs: round(firstDiagnosticsMs),
      editedMedianMs: round(median(edited)),
      calleeMedianMs: round(median(callees)),
      editedMaxMs: round(Math.max(...edited)),
      calleeMaxMs: round(Math.max(...callees)),
      ...memory,
    };
  } finally {
    connection.dispose();
    server.kill();
  }
}

export async function runLsp(options, workRoot) {
  const results = [];
  for (const size of options.sizes) {
    const dir = join(workRoot, `lsp-${size}`);
    const workspace = generateWorkspace(dir, size, options.seed);
    mkdirSync(join(dir, 'bench/edge'), { recursive: true });
    mkdirSync(join(dir, 'bench/pricing'), { recursive: true });
    writeFileSync(join(dir, 'bench/edge/service.yaml'), caller(0.5));
    writeFileSync(join(dir, 'bench/pricing/service.yaml'), callee);
    const edits = size >= 10_000 ? 15 : 30;
    const sessions = {};
    for (const debounceMs of [20, 0]) {
      process.stderr.write(`lsp at ${size} manifests, debounce ${debounceMs} ms\n`);
      sessions[`debounce${debounceMs}`] = await session(dir, { ...options, debounceMs, edits });
    }
    results.push({ size, manifests: workspace.manifests + 2, edges: workspace.edges + 1, goalMs: lspGoalsMs[size] ?? null, ...sessions });
  }
  return results;
}

export function formatLsp(results) {
  const lines = ['| manifests | debounce | first diagnostics | edited doc (median / max) | callee (median / max) | goal | RSS (peak) |', '|---|---|---|---|---|---|---|'];
  for (const result of results) {
    for (const [key, run] of Object.entries(result).filter(([name]) => name.startsWith('debounce'))) {
      lines.push(
        `| ${result.manifests.toLocaleString('en-US')} | ${run.debounceMs} ms | ${run.firstDiagnosticsMs} ms | ${run.editedMedianMs} / ${run.editedMaxMs} ms | ` +
          `${run.calleeMedianMs} / ${run.calleeMaxMs} ms | ${result.goalMs === null ? '–' : `< ${result.goalMs} ms`} | ${run.rssMb} MB (${run.peakRssMb} MB) |`,
      );
      void key;
    }
  }
  return lines.join('\n');
}
