import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandExists, repositoryRoot, runProcess } from '../integrations/processes.js';
import { slowTestTimeout } from '../timeouts.js';
import { binPath, copyWorkspace, removeWorkspace } from './client.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

interface SeenDiagnostic {
  code: string;
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  severity: number;
  source: string;
  message: string;
}

interface NeovimRun {
  error?: string;
  steps: Record<'opened' | 'edited' | 'fixed', Record<string, SeenDiagnostic[]>>;
  titles: string[];
  cursor: { line: number; col: number };
  shows_documents: boolean;
  has_command: boolean;
  text: string[];
  modified: boolean;
  stopped: boolean;
}

const at = (code: string, line: number, col: number, endLine: number, endCol: number) => ({ code, line, col, end_line: endLine, end_col: endCol, source: 'svc-lint' });

// Debian's neovim (installed by .ci/run) runs its built-in LSP client headless against the built server.
describe.skipIf(!commandExists('nvim'))('Neovim’s LSP client against svc-lint lsp --stdio', () => {
  let root: string;
  let run: NeovimRun;
  let manifestBefore: string;

  beforeAll(() => {
    root = copyWorkspace();
    manifestBefore = readFileSync(join(root, 'pricing/service.yaml'), 'utf8');
    const out = join(root, 'neovim-results.json');
    const nvim = runProcess(
      'nvim',
      ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(repositoryRoot, 'test/lsp/neovim/client.lua')}`],
      root,
      { ...process.env, SVC_LINT_ROOT: root, SVC_LINT_BIN: binPath, SVC_LINT_OUT: out, SVC_LINT_TODAY: '2026-03-01', NO_COLOR: '1' },
      slowTestTimeout,
    );
    expect(nvim.status, nvim.output).toBe(0);
    run = JSON.parse(readFileSync(out, 'utf8')) as NeovimRun;
    // Longer than Neovim's own limit, so that a stuck run fails with what Neovim printed.
  }, 2 * slowTestTimeout);

  afterAll(() => removeWorkspace(root));

  it('ran every step', () => {
    expect(run.error).toBeUndefined();
    expect(run.stopped).toBe(true);
  });

  it('shows the findings of the opened manifests at their exact places', () => {
    expect(run.steps.opened.pricing).toMatchObject([at('inherited-hot-path', 5, 12, 5, 18), at('unused-suppression', 9, 2, 9, 73)]);
    expect(run.steps.opened.pricing![0]!.message).toContain('receives 20,000 req/s through synchronous calls');
    expect(run.steps.opened.pricing![0]!.severity).toBe(1);
    expect(run.steps.opened.orders).toMatchObject([at('latency-budget', 8, 11, 8, 13)]);
  });

  it('updates the callee when the caller’s rpsShare is edited', () => {
    expect(run.steps.edited.pricing).toMatchObject([at('moderate-traffic', 5, 12, 5, 18), at('unused-suppression', 9, 2, 9, 73)]);
    expect(run.steps.edited.pricing![0]!.message).toContain('pricing receives 8,000 req/s');
  });

  it('applies the suppression quick fix to the buffer, never to the file', () => {
    expect(run.titles).toEqual(['Disable moderate-traffic for this line', 'Disable moderate-traffic for this line for 90 days']);
    expect(run.text[5]).toBe('  # svc-lint-disable-next-line moderate-traffic -- traffic reviewed in PLAT-7');
    expect(run.text[6]).toBe('  language: python');
    expect(run.steps.fixed.pricing).toMatchObject([at('unused-suppression', 10, 2, 10, 73)]);
    expect(run.modified).toBe(true);
    expect(readFileSync(join(root, 'pricing/service.yaml'), 'utf8')).toBe(manifestBefore);
  });

  it('moves the cursor to the reason when the client can be asked to (window/showDocument), else offers no command', () => {
    expect(run.has_command).toBe(run.shows_documents);
    if (run.shows_documents) expect(run.cursor).toEqual({ line: 5, col: 51 });
  });
});
