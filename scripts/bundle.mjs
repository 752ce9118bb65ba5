// Bundles the CLI so that startup reads three modules instead of a hundred: dist/bin.js, the small process side,
// dist/cli-thread.cjs, the worker thread bin.js starts, and dist/cli-worker.cjs, the CLI, which that thread runs from
// V8's code cache (dist/cli-worker.cjs.code-cache, written by this build and by any run that finds it stale; a
// script, not a module, because Node.js 20 keeps no code cache for modules). `svc-lint lsp` loads another,
// dist/lsp.js, the language server, which no lint run reads; a large run starts dist/read-thread.js in threads that
// read and parse manifests beside it; a run with --cache loads dist/look-ahead.js on the process side, which looks up
// the files the cache names while the lint thread starts. Swaps in precompiled schema
// validators and embedded built-in rules so that nothing is compiled or read at startup.
// Runs after `tsc -p tsconfig.build.json`; the library entry (dist/index.js) stays unbundled.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shippedModule, validatorsModule } from './precompiled-modules.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const namespace = 'svc-lint-precompiled';

/** Source modules replaced in the bundle, by absolute path as esbuild resolves them, with their stand-ins. */
const replacements = {
  [`${root}src/schema/validators.ts`]: { name: 'validators', resolveDir: `${root}src/schema`, source: validatorsModule },
  [`${root}src/ruleset/shipped.ts`]: { name: 'shipped', resolveDir: `${root}src/ruleset`, source: shippedModule },
};

const precompiled = {
  name: namespace,
  setup(bundler) {
    bundler.onResolve({ filter: /\/(validators|shipped)\.js$/ }, async (args) => {
      if (args.pluginData === namespace) return undefined;
      const resolved = await bundler.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: namespace });
      const replacement = replacements[resolved.path];
      return replacement ? { path: replacement.name, namespace, pluginData: replacement } : undefined;
    });
    bundler.onLoad({ filter: /.*/, namespace }, async (args) => ({
      contents: await args.pluginData.source(),
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
    }));
  },
};

const shared = {
  outdir: `${root}dist`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [precompiled],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

await build({
  ...shared,
  entryPoints: {
    bin: `${root}src/bin.ts`,
    lsp: `${root}src/lsp/main.ts`,
    'read-thread': `${root}src/sources/read-ahead/thread.ts`,
    'look-ahead': `${root}src/cli/look-ahead.ts`,
  },
  format: 'esm',
  // fast-glob and its dependencies are CommonJS and call require() for Node's own modules.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
});

const script = await build({
  ...shared,
  entryPoints: { 'cli-worker': `${root}src/cli-worker.ts`, 'cli-thread': `${root}src/cli-thread.ts` },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // A script has no import.meta: its URL is the file's (package-paths.ts finds the package from it).
  define: { 'import.meta.url': 'bundleUrl' },
  banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The CLI is what every run starts: it must hold the precompiled validators and rules.
const replaced = Object.keys(script.metafile.inputs).filter((input) => input.startsWith(`${namespace}:`));
if (replaced.length !== Object.keys(replacements).length) {
  throw new Error(`expected to replace ${Object.keys(replacements).length} modules in the bundle, replaced ${replaced.length}`);
}

// The package's bin: npm marks it executable when the package is installed elsewhere, but not in this checkout,
// where `npx svc-lint` runs it directly.
chmodSync(`${root}dist/bin.js`, 0o755);

// A first run fills the CLI's code cache, so that no run after the build compiles it (and parallel runs do not all
// write it at once). Its findings do not matter; a cache that could not be written only costs time.
const warmUp = spawnSync(process.execPath, [`${root}dist/bin.js`, '--format', 'json', `${root}fixtures/examples`], { cwd: root, encoding: 'utf8' });
if (warmUp.status !== 0 && warmUp.status !== 1) console.warn(`bundle: the warm-up run ended with ${warmUp.status}: ${warmUp.stderr}`);
