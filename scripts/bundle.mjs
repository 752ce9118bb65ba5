// Bundles the CLI into two files, so that startup reads two modules instead of a hundred: dist/bin.js, the small
// process side, and dist/cli-worker.js, the CLI, which bin.js runs in a worker thread. `svc-lint lsp` loads a third,
// dist/lsp.js, the language server, which no lint run reads; a large run starts dist/read-thread.js in threads that
// read and parse manifests beside it. Swaps in precompiled schema
// validators and embedded built-in rules so that nothing is compiled or read at startup.
// Runs after `tsc -p tsconfig.build.json`; the library entry (dist/index.js) stays unbundled.
import { build } from 'esbuild';
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

const result = await build({
  entryPoints: { bin: `${root}src/bin.ts`, 'cli-worker': `${root}src/cli-worker.ts`, lsp: `${root}src/lsp/main.ts`, 'read-thread': `${root}src/sources/read-ahead/thread.ts` },
  outdir: `${root}dist`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // fast-glob and its dependencies are CommonJS and call require() for Node's own modules.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  plugins: [precompiled],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

const replaced = Object.keys(result.metafile.inputs).filter((input) => input.startsWith(`${namespace}:`));
if (replaced.length !== Object.keys(replacements).length) {
  throw new Error(`expected to replace ${Object.keys(replacements).length} modules in the bundle, replaced ${replaced.length}`);
}

// The package's bin: npm marks it executable when the package is installed elsewhere, but not in this checkout,
// where `npx svc-lint` runs it directly.
chmodSync(`${root}dist/bin.js`, 0o755);
