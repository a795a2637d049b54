// Bundles the VS Code extension (imported by scripts/build.mjs, or run on its own):
// - dist/extension.cjs: desktop extension host (Node, CommonJS; .cjs because package.json says
//   "type": "module" and the host loads `main` with require()).
// - dist/web/extension.js: web worker extension host (vscode.dev): browser platform, CommonJS
//   format as the web host expects, no Node built-ins.
// `vscode` is provided by the host and stays external.
//
// `node scripts/build-extension.mjs --package` (npm run package) then stages exactly what the
// extension needs in dist/vsix/ and runs vsce there, offline, writing bizlang-<version>.vsix at
// the repository root. Staging keeps package.json's npm "files" (the CLI's) out of the .vsix:
// vsce refuses a .vscodeignore next to "files". `--ls` lists the staged package's files instead.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV !== 'development';
/** Output folder (tests build elsewhere with BIZLANG_EXTENSION_OUT). */
const out = process.env.BIZLANG_EXTENSION_OUT ? resolve(process.env.BIZLANG_EXTENSION_OUT) : join(root, 'dist');
mkdirSync(join(out, 'web'), { recursive: true });

const common = {
  absWorkingDir: root,
  entryPoints: ['src/vscode/extension.ts'],
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  outfile: join(out, 'extension.cjs'),
  platform: 'node',
  target: 'node20',
});

await build({
  ...common,
  outfile: join(out, 'web', 'extension.js'),
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // 'worker' first: the web extension host is a web worker (no DOM), e.g. decode-named-character-reference
  // ships a DOM-based build under 'browser' and a plain one under 'worker'.
  conditions: ['worker', 'browser'],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  // Fail the build if anything pulls in a Node built-in: the web host has none.
  plugins: [
    {
      name: 'no-node-builtins',
      setup(b) {
        b.onResolve({ filter: /^node:|^(fs|path|os|child_process|crypto|util|url|process|buffer|stream|events)$/ }, (args) => ({
          errors: [{ text: `web extension must not import Node built-in "${args.path}" (from ${args.importer})` }],
        }));
      },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Packaging

/** What the .vsix holds besides package.json; `true` marks files the extension cannot do without. */
const PACKAGED = [
  ['dist/extension.cjs', true],
  ['dist/web/extension.js', true],
  // The sentence networks (scripts/build.mjs copies them from src/core/data when the model has them).
  ['dist/net-en.bin', false],
  ['dist/net-zh.bin', false],
  ['media/report.js', true],
  ['media/report.css', true],
  ['media/icon.png', true],
  ['media/walkthrough', true],
  ['l10n', true],
  ['snippets', true],
  ['package.nls.json', true],
  ['package.nls.zh-cn.json', true],
  ['schema/bizlangrc.schema.json', false],
  ['examples/design-doc.en.md', false],
  ['examples/design-doc.zh.md', false],
  ['README.md', false],
  ['CHANGELOG.md', false],
  ['LICENSE', false],
  ['LICENSE.md', false],
];

/** The extension manifest: package.json minus the npm package's own fields. */
export function extensionManifest(pkg) {
  const m = { ...pkg };
  for (const key of ['files', 'bin', 'scripts', 'dependencies', 'devDependencies', 'exports', 'types', 'optionalDependencies', 'peerDependencies']) delete m[key];
  // vsce checks @types/vscode against engines.vscode; keep that one entry so the check still runs.
  if (pkg.devDependencies?.['@types/vscode']) m.devDependencies = { '@types/vscode': pkg.devDependencies['@types/vscode'] };
  return m;
}

function stage() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dir = join(root, 'dist', 'vsix');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(extensionManifest(pkg), null, 2)}\n`);
  const missing = [];
  for (const [path, required] of PACKAGED) {
    const from = join(root, path);
    if (!existsSync(from)) {
      if (required) missing.push(path);
      else if (!path.startsWith('LICENSE') && path !== 'CHANGELOG.md') console.warn(`build-extension: ${path} not found; packaging without it`);
      continue;
    }
    cpSync(from, join(dir, path), { recursive: true });
  }
  if (missing.length) throw new Error(`build-extension: cannot package, missing ${missing.join(', ')}`);
  // The stage holds only what ships; this keeps vsce from asking, and drops editor leftovers.
  writeFileSync(join(dir, '.vscodeignore'), '**/*.map\n**/tsconfig.json\n**/.DS_Store\n');
  return { dir, pkg };
}

function vsce(args, cwd) {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vsce ${args[0]} failed (exit ${r.status})`);
}

const isMain = process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (isMain && (process.argv.includes('--package') || process.argv.includes('--ls'))) {
  const { dir, pkg } = stage();
  const license = existsSync(join(dir, 'LICENSE')) || existsSync(join(dir, 'LICENSE.md')) ? [] : ['--skip-license'];
  if (process.argv.includes('--ls')) {
    vsce(['ls', '--no-dependencies'], dir);
  } else {
    const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
    vsce(['package', '--no-dependencies', ...license, '-o', out], dir);
  }
}
