import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { pinnedToday, todayUtc } from '../text/dates.js';
import { startLanguageServer } from './server.js';

export const languageServerUsage = `Usage: svc-lint lsp --stdio

Speaks the Language Server Protocol on stdin and stdout, for an editor to start: diagnostics of the open manifests
judged against the whole workspace, hovers with each service's decision, and quick fixes. See the README's
"Editors" section for VS Code, Neovim, Helix, Zed and Emacs.
`;

/** What the command needs from the process, which the entry hands in: the protocol owns stdin and stdout. */
export interface LanguageServerHost {
  env: Readonly<Record<string, string | undefined>>;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  writeStderr(text: string): void;
}

/**
 * `svc-lint lsp --stdio`: starts the server on the host's stdin and stdout and returns undefined; the connection
 * ends the process when the client sends `exit`, when stdin closes (a client gone without `shutdown`) and when the
 * process id the client gave in `initialize` no longer runs. Returns an exit code instead when it does not start.
 */
export function runLanguageServerCommand(args: readonly string[], host: LanguageServerHost): number | undefined {
  if (args.includes('--help') || args.includes('-h')) {
    host.stdout.write(languageServerUsage);
    return 0;
  }
  // --clientProcessId is what vscode-languageclient passes; the connection reads it itself.
  const unknown = args.filter((arg) => arg !== '--stdio' && !/^--clientProcessId(=\d+)?$/.test(arg) && !/^\d+$/.test(arg));
  if (unknown.length > 0) {
    host.writeStderr(`svc-lint: lsp speaks over stdio only: unexpected ${unknown.join(' ')} (run svc-lint lsp --stdio)\n`);
    return 2;
  }
  let pinned: string | undefined;
  try {
    pinned = pinnedToday(host.env);
  } catch (error) {
    host.writeStderr(`svc-lint: ${(error as Error).message}\n`);
    return 2;
  }
  const connection = createConnection(ProposedFeatures.all, host.stdin, host.stdout);
  // stdout is the protocol's: anything a dependency logs goes to stderr.
  console.log = console.info = console.warn = console.error;
  startLanguageServer(connection, { today: () => pinned ?? todayUtc() });
  return undefined;
}
