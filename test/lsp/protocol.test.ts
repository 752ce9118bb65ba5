import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver';
import { slowTestTimeout } from '../timeouts.js';
import { codes, copyWorkspace, LspClient, removeWorkspace, uriOf } from './client.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

let root: string;
let client: LspClient;

beforeEach(async () => {
  root = copyWorkspace();
  client = new LspClient({ root });
  await client.initialize();
});

afterEach(() => {
  client.dispose();
  removeWorkspace(root);
});

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

/** The text after applying the edits of one action to `text` (edits on one document, in any order). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: { line: number; character: number }) =>
    lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))
    .reduce((result, edit) => result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end)), text);
}

async function actionsAt(uri: string, line: number, character: number): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: range(line, character, line, character),
    context: { diagnostics: [] },
  });
}

describe('svc-lint lsp --stdio', () => {
  it('answers initialize with what it serves', async () => {
    const other = new LspClient({ root });
    try {
      const result = (await other.initialize()) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
      expect(result.serverInfo.name).toBe('svc-lint');
      expect(result.capabilities).toMatchObject({
        textDocumentSync: { openClose: true, change: 2 },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: ['svc-lint.placeCursor'] },
      });
    } finally {
      other.dispose();
    }
  });

  it('publishes an opened manifest’s findings with exact ranges, codes, severities and source', async () => {
    const uri = await client.open('search/service.yaml');
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics).toEqual([
      {
        range: range(5, 12, 5, 18),
        severity: 2,
        code: 'misspelled-language',
        source: 'svc-lint',
        message: 'pyhton is not a known language; did you mean python? The language rules skip search until it is fixed',
        data: { messageId: 'default', values: { language: 'pyhton', suggestion: 'python', service: 'search' } },
      },
      {
        range: range(7, 2, 7, 8),
        severity: 1,
        code: 'manifest-schema',
        source: 'svc-lint',
        message: 'spec.traffc is not a known property (did you mean traffic?)',
        data: { messageId: 'default', values: { path: 'spec.traffc', problem: 'is not a known property (did you mean traffic?)' } },
      },
    ]);
  });
});
