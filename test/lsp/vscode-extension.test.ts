import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repositoryRoot, runProcess } from '../integrations/processes.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

/** The entries of a zip file (a .vsix), read from its central directory: name → contents. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// VS Code itself is not on these machines: the extension is built and packaged here, not activated.
describe('the VS Code extension (editors/vscode)', () => {
  let directory: string;
  let entries: Map<string, Buffer>;
  let output: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'svc-lint-vsix-'));
    const vsix = join(directory, 'svc-lint.vsix');
    const run = runProcess(process.execPath, ['scripts/package-vscode.mjs', '--out', vsix], repositoryRoot, { ...process.env, NO_COLOR: '1' }, slowTestTimeout);
    output = run.output;
    expect(run.status, run.output).toBe(0);
    entries = readZip(readFileSync(vsix));
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('packages the bundled extension, its manifest, readme and licence, and nothing else', () => {
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/package.json',
      'extension/readme.md',
    ]);
    expect(output).toContain('Packaged:');
  });

  it('declares the extension VS Code loads: identity, engine, entry point and settings', () => {
    const manifest = entries.get('extension.vsixmanifest')!.toString('utf8');
    expect(manifest).toMatch(/<Identity Language="en-US" Id="svc-lint" Version="0\.1\.0" Publisher="svc-lint"/);
    expect(manifest).toContain('Id="Microsoft.VisualStudio.Code.Engine" Value="^1.91.0"');
    const extension = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Record<string, any>;
    expect(extension.main).toBe('./dist/extension.js');
    expect(Object.keys(extension.contributes.configuration.properties)).toEqual(['svcLint.command', 'svcLint.debounceMs']);
  });

  it('starts svc-lint lsp --stdio through vscode-languageclient, with vscode left to the editor', () => {
    const bundle = entries.get('extension/dist/extension.js')!.toString('utf8');
    expect(bundle).toContain('"lsp","--stdio"');
    expect(bundle).toContain('require("vscode")');
    expect(bundle).not.toMatch(/require\("vscode-languageclient/);
    expect(bundle).toContain('exports');
  });
});
