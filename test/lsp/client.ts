import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { repositoryRoot } from '../integrations/processes.js';

export const binPath = join(repositoryRoot, 'dist', 'bin.js');
export const fixtureWorkspace = join(repositoryRoot, 'test', 'lsp', 'workspace');

/** A copy of the fixture workspace in a temporary directory, so a test may change files on disk. */
export function copyWorkspace(source = fixtureWorkspace): string {
  const directory = mkdtempSync(join(tmpdir(), 'svc-lint-lsp-'));
  cpSync(source, directory, { recursive: true });
  return directory;
}

export const uriOf = (path: string) => pathToFileURL(path).href;

export interface ServerOptions {
  root: string;
  env?: Record<string, string>;
  capabilities?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
}

/** `svc-lint lsp --stdio` spawned from the built package, driven over vscode-jsonrpc as an editor would. */
export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Requests the server sent to the client (showDocument, registerCapability), by method. */
  readonly requests: { method: string; params: unknown }[] = [];
  stderr = '';
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();

  constructor(readonly options: ServerOptions) {
    this.process = spawn(process.execPath, [binPath, 'lsp', '--stdio'], {
      cwd: options.root,
      env: { ...process.env, NO_COLOR: '1', SVC_LINT_TODAY: '2026-03-01', ...options.env },
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onRequest((method, params) => {
      this.requests.push({ method, params });
      this.wake();
      return method === 'window/showDocument' ? { success: true } : null;
    });
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  async initialize(): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(this.options.root),
      workspaceFolders: [{ uri: uriOf(this.options.root), name: 'workspace' }],
      capabilities: this.options.capabilities ?? {
        textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
        window: { showDocument: { support: true } },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      },
      ...(this.options.initializationOptions && { initializationOptions: this.options.initializationOptions }),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens a file of the workspace with its text on disk (or `text`). */
  async open(relativePath: string, text?: string): Promise<string> {
    const path = join(this.options.root, relativePath);
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: text ?? readFileSync(path, 'utf8') },
    });
    return uri;
  }

  /** Replaces the whole buffer; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The latest diagnostics published for `uri`. */
  latest(uri: string): Diagnostic[] | undefined {
    for (let index = this.published.length - 1; index >= 0; index--) if (this.published[index]!.uri === uri) return this.published[index]!.diagnostics;
    return undefined;
  }

  /** Waits until something received satisfies `check` (which returns its value), for at most `timeoutMs`. */
  async until<T>(check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resume) => {
        this.waiters.push(resume);
        setTimeout(resume, 200);
      });
    }
  }

  /** Waits for a publication for `uri` after the `after`-th publication whose diagnostics satisfy `accept`. */
  diagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, after = 0): Promise<Diagnostic[]> {
    return this.until(() => {
      for (let index = this.published.length - 1; index >= after; index--) {
        const params = this.published[index]!;
        if (params.uri === uri) return accept(params.diagnostics) ? params.diagnostics : undefined;
      }
      return undefined;
    }, `diagnostics of ${uri}`);
  }

  /** Sends shutdown and exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return exited;
  }

  dispose(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

export function removeWorkspace(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

export const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code).sort();
