// Builds the VS Code extension in editors/vscode (type-checked, then bundled with vscode-languageclient into one
// file) and packages it into a .vsix with @vscode/vsce. Needs nothing beyond `npm ci`: no network.
//   node scripts/package-vscode.mjs [--out <file.vsix>]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { createVSIX } from '@vscode/vsce';

const root = fileURLToPath(new URL('..', import.meta.url));
const extension = resolve(root, 'editors/vscode');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? resolve(extension, 'svc-lint.vsix'));

execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(extension, 'tsconfig.json')], { stdio: 'inherit' });
await build({
  entryPoints: [resolve(extension, 'src/extension.ts')],
  outfile: resolve(extension, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Provided by VS Code to every extension at run time.
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
mkdirSync(dirname(out), { recursive: true });
// vscode-languageclient is bundled into dist/extension.js: the package needs no node_modules.
await createVSIX({ cwd: extension, packagePath: out, dependencies: false });
console.log(`packaged ${out}`);
