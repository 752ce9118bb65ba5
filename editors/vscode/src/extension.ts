import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The configured command, else the workspace's own svc-lint (the version its lockfile pins), else the one on PATH. */
function serverCommand(): { command: string; args: string[] } {
  const configured = workspace.getConfiguration('svcLint').get<string[]>('command', []);
  if (configured.length > 0) return { command: configured[0]!, args: [...configured.slice(1), 'lsp', '--stdio'] };
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder === undefined ? undefined : join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'svc-lint.cmd' : 'svc-lint');
  return { command: local !== undefined && existsSync(local) ? local : 'svc-lint', args: ['lsp', '--stdio'] };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const { command, args } = serverCommand();
  // No `transport`: vscode-languageclient would add a second --stdio. On Windows, svc-lint is a .cmd script, which
  // Node.js starts only through the shell.
  const windows = process.platform === 'win32';
  const serverOptions: ServerOptions = {
    command: windows && command.includes(' ') ? `"${command}"` : command,
    args,
    options: { shell: windows },
  };
  const clientOptions: LanguageClientOptions = {
    // svc-lint decides which YAML files are manifests (names, content and the config's include).
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    initializationOptions: { debounceMs: workspace.getConfiguration('svcLint').get<number>('debounceMs', 20) },
  };
  client = new LanguageClient('svc-lint', 'svc-lint', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
