import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageVersion } from '../package-paths.js';
import type { Finding } from '../types.js';
import { codeActionsFor, placeCursorCommand } from './code-actions.js';
import { diagnosticOf, diagnosticOfProblem, shownFindings } from './diagnostics.js';
import type { WorkspaceFolder } from './folder.js';
import { Folders } from './folders.js';
import { hoverAt } from './hover.js';
import { overlaps, pathOfUri, uriOfPath } from './positions.js';

export interface LanguageServerOptions {
  /** Today's date (YYYY-MM-DD) for expiring suppressions and the date a quick fix writes. */
  today(): string;
}

/** Milliseconds of quiet after a change before the open documents are judged again (initializationOptions.debounceMs). */
export const defaultDebounceMs = 20;

interface InitializationOptions {
  debounceMs?: unknown;
}

/** Files whose change on disk may change a judgment: manifests, configs and baselines. */
const watchedGlobs = ['**/*.{yaml,yml}', '**/.svc-lint.{yaml,yml}', '**/*.json'];

function debounceOf(options: InitializationOptions | undefined): number {
  const value = options?.debounceMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? value : defaultDebounceMs;
}

function folderRootsOf(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null; rootPath?: string | null }): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.map(pathOfUri).filter((path): path is string => path !== undefined);
  return roots.length > 0 || !params.rootPath ? roots : [params.rootPath];
}

/**
 * Serves svc-lint over LSP on `connection`: diagnostics of the open manifests (and of the config they use), judged
 * against the whole workspace held in memory, hovers with each service's decision, and quick fixes as edits the
 * client applies. Never writes a file.
 */
export function startLanguageServer(connection: Connection, options: LanguageServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new Folders(options.today);
  const pending = new Map<WorkspaceFolder, NodeJS.Timeout>();
  /** What was last sent for each URI (as JSON), and which folder sent it. */
  const published = new Map<string, { folder: WorkspaceFolder; diagnostics: string }>();
  /** Documents edited since their folder was last judged: their diagnostics are sent for the new version, changed or not. */
  const edited = new Set<string>();
  let capabilities: ClientCapabilities = {};
  let debounceMs = defaultDebounceMs;

  const report = (what: string, error: unknown) => {
    connection.console.error(`svc-lint: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  const guarded =
    <Args extends unknown[], Result>(what: string, handler: (...args: Args) => Result, fallback: Result) =>
    (...args: Args): Result => {
      try {
        return handler(...args);
      } catch (error) {
        report(what, error);
        return fallback;
      }
    };

  const uriOf = (path: string) => documents.all().find((document) => pathOfUri(document.uri) === path)?.uri ?? uriOfPath(path);

  function diagnosticsOf(folder: WorkspaceFolder): Map<string, Diagnostic[]> {
    const judged = folder.judge();
    const withRelated = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    const byUri = new Map<string, Diagnostic[]>();
    for (const path of folder.openPaths()) byUri.set(uriOf(path), []);
    for (const [path, findings] of judged.findingsByPath) {
      const diagnostics = shownFindings(findings).map((finding) => diagnosticOf(finding, judged.judgment.analysis, folder.root, withRelated));
      const uri = uriOf(path);
      byUri.set(uri, [...(byUri.get(uri) ?? []), ...diagnostics]);
    }
    for (const problem of judged.problems) {
      const uri = uriOf(problem.path);
      byUri.set(uri, [diagnosticOfProblem(problem), ...(byUri.get(uri) ?? [])]);
    }
    return byUri;
  }

  /** Judges the folder's open documents and sends every document's diagnostics that changed, emptied ones too. */
  function publish(folder: WorkspaceFolder): void {
    pending.delete(folder);
    const next = diagnosticsOf(folder);
    const send = (uri: string, diagnostics: Diagnostic[]) => {
      const version = documents.get(uri)?.version;
      void connection.sendDiagnostics({ uri, ...(version !== undefined && { version }), diagnostics });
    };
    // A closed document, or a config that lost its problems: cleared once, then forgotten.
    for (const [uri, sent] of published) {
      if (sent.folder !== folder || next.has(uri)) continue;
      published.delete(uri);
      if (sent.diagnostics !== '[]') send(uri, []);
    }
    for (const [uri, diagnostics] of next) {
      const text = JSON.stringify(diagnostics);
      if (published.get(uri)?.diagnostics === text && !edited.has(uri)) continue;
      edited.delete(uri);
      published.set(uri, { folder, diagnostics: text });
      send(uri, diagnostics);
    }
  }

  const publishGuarded = guarded('judging the open documents', publish, undefined);

  function schedule(folder: WorkspaceFolder): void {
    clearTimeout(pending.get(folder));
    pending.set(
      folder,
      setTimeout(() => publishGuarded(folder), debounceMs),
    );
  }

  /** Judges now what a pending change would judge soon, so a hover or a fix reads the buffer as it is. */
  function settled(folder: WorkspaceFolder): void {
    if (pending.has(folder)) {
      clearTimeout(pending.get(folder));
      publishGuarded(folder);
    }
    if (!folder.last) publishGuarded(folder);
  }

  function openDocument(uri: string): { document: TextDocument; folder: WorkspaceFolder; path: string } | undefined {
    const document = documents.get(uri);
    const path = pathOfUri(uri);
    if (!document || path === undefined) return undefined;
    const folder = folders.folderOf(path);
    if (!folder.isOpen(path)) return undefined;
    settled(folder);
    return { document, folder, path };
  }

  function shownFindingsOf(folder: WorkspaceFolder, path: string): Finding[] {
    return shownFindings(folder.last?.findingsByPath.get(path) ?? []);
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    debounceMs = debounceOf(params.initializationOptions as InitializationOptions | undefined);
    folders.setRoots(folderRootsOf(params));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [placeCursorCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'svc-lint', version: packageVersion() },
    };
  });

  connection.onInitialized(
    guarded('starting', () => {
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchedGlobs.map((globPattern) => ({ globPattern })) });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guarded('changing workspace folders', (event) => {
            const removed = new Set(event.removed.map((folder) => pathOfUri(folder.uri)));
            const roots = folders.declaredRoots().filter((root) => !removed.has(root));
            folders.setRoots([...roots, ...event.added.map((folder) => pathOfUri(folder.uri)).filter((path): path is string => path !== undefined)]);
          }, undefined),
        );
      }
      // Read the declared folders now, so the first document opened is judged at once.
      for (const root of folders.declaredRoots()) folders.folderAt(root);
    }, undefined),
  );

  documents.onDidChangeContent(
    guarded('reading a change', ({ document }) => {
      const path = pathOfUri(document.uri);
      if (path === undefined) return;
      // A config being typed counts as it stands; one that does not load is a diagnostic on it, the last one kept.
      const configured = folders.configBufferChanged(path, document.getText());
      if (configured.length > 0) edited.add(document.uri);
      for (const folder of configured) schedule(folder);
      if (configured.length > 0) return;
      const folder = folders.folderOf(path);
      if (!folder.serves(path)) return;
      folder.setBuffer(path, document.getText());
      edited.add(document.uri);
      schedule(folder);
    }, undefined),
  );

  documents.onDidClose(
    guarded('closing a document', ({ document }) => {
      const path = pathOfUri(document.uri);
      if (path === undefined) return;
      edited.delete(document.uri);
      // A config closed unsaved: the file on disk is the config again.
      for (const folder of folders.configBufferChanged(path, undefined)) schedule(folder);
      const folder = folders.folderOf(path);
      if (!folder.isOpen(path)) return;
      folder.closeBuffer(path);
      schedule(folder);
    }, undefined),
  );

  // A config or baseline saved in the editor counts at once, whether or not the client watches files.
  documents.onDidSave(
    guarded('reading a saved file', ({ document }) => {
      const path = pathOfUri(document.uri);
      if (path !== undefined) filesChanged([path]);
    }, undefined),
  );

  function filesChanged(paths: readonly string[]): void {
    for (const folder of folders.all()) {
      const configChanged = paths.some((path) => folder.isConfigFile(path));
      if (configChanged) folder.reloadConfig();
      const changed = folder.filesChanged(paths);
      if (configChanged || changed || paths.some((path) => folder.isBaselineFile(path))) schedule(folder);
    }
  }

  connection.onDidChangeWatchedFiles(
    guarded('reading changed files', (params) => {
      filesChanged(params.changes.map((change) => pathOfUri(change.uri)).filter((path): path is string => path !== undefined));
    }, undefined),
  );

  connection.onHover(
    guarded('hover', (params) => {
      const open = openDocument(params.textDocument.uri);
      const judged = open?.folder.last;
      if (!open || !judged) return null;
      const services = judged.judgment.services.filter((service) => service.file.path === open.path);
      return hoverAt(services, params.position, judged.judgment.analysis);
    }, null),
  );

  connection.onCodeAction(
    guarded('code actions', (params) => {
      const open = openDocument(params.textDocument.uri);
      const judged = open?.folder.last;
      if (!open || !judged) return [];
      const findings = shownFindingsOf(open.folder, open.path);
      const withRelated = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
      return codeActionsFor(
        findings.filter((finding) => overlaps(diagnosticOf(finding, judged.judgment.analysis, open.folder.root, false).range, params.range)),
        {
          document: open.document,
          today: options.today(),
          canPlaceCursor: capabilities.window?.showDocument?.support === true,
          documentFindings: findings,
          diagnosticOf: (finding) => diagnosticOf(finding, judged.judgment.analysis, open.folder.root, withRelated),
        },
      );
    }, []),
  );

  connection.onExecuteCommand(
    guarded('running a command', (params) => {
      const [uri, position] = (params.arguments ?? []) as [unknown, Position | undefined];
      if (params.command !== placeCursorCommand || typeof uri !== 'string' || !position) return null;
      void connection.window.showDocument({ uri, takeFocus: true, selection: { start: position, end: position } }).catch((error: unknown) => report('moving the cursor', error));
      return null;
    }, null),
  );

  documents.listen(connection);
  connection.listen();
}
