// Builds what the bench runs from the current sources into .cache/bench/ (never dist/, which
// other tools and tests use): the core as one ES module, the CLI as `npm run build` bundles it
// (with a copy of bin/bizlang.js and package.json beside it, so `bizlang` runs as installed), the
// VS Code extension as it is packaged (minified), and a CommonJS bundle of the tests' `vscode`
// fake for the activation and extension-host measurements.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SCRATCH } from './lib.mjs';

const common = { absWorkingDir: REPO, bundle: true, sourcemap: false, legalComments: 'none', logLevel: 'silent', target: 'node20', platform: 'node' };

/** Builds everything; returns the paths (missing parts have an `error`). */
export async function buildAll() {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(join(SCRATCH, 'cli', 'dist'), { recursive: true });
  mkdirSync(join(SCRATCH, 'cli', 'bin'), { recursive: true });
  const out = { core: join(SCRATCH, 'core.mjs'), cli: join(SCRATCH, 'cli', 'bin', 'bizlang.js'), errors: [] };

  await build({ ...common, entryPoints: ['src/core/index.ts'], outfile: out.core, format: 'esm' });

  // Same options as scripts/build.mjs.
  await build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: join(SCRATCH, 'cli', 'dist', 'cli.js'),
    format: 'esm',
    banner: { js: "import { createRequire as __bizCreateRequire } from 'node:module'; const require = __bizCreateRequire(import.meta.url);" },
  });
  copyFileSync(join(REPO, 'bin', 'bizlang.js'), out.cli);
  copyFileSync(join(REPO, 'package.json'), join(SCRATCH, 'cli', 'package.json'));
  // The sentence networks beside the bundle, as `npm run build` puts them.
  for (const lang of ['en', 'zh']) {
    const net = join(REPO, 'src', 'core', 'data', `net-${lang}.bin`);
    rmSync(join(SCRATCH, 'cli', 'dist', `net-${lang}.bin`), { force: true });
    if (existsSync(net)) copyFileSync(net, join(SCRATCH, 'cli', 'dist', `net-${lang}.bin`));
  }

  // The extension, as packaged (scripts/build-extension.mjs, production = minified).
  const constants = join(REPO, 'src', 'vscode', 'constants.ts');
  if (existsSync(join(REPO, 'src', 'vscode', 'extension.ts')) && existsSync(join(REPO, 'scripts', 'build-extension.mjs'))) {
    const extOut = join(SCRATCH, 'ext');
    const r = spawnSync(process.execPath, ['scripts/build-extension.mjs'], {
      cwd: REPO,
      env: { ...process.env, BIZLANG_EXTENSION_OUT: extOut, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    if (r.status === 0 && existsSync(join(extOut, 'extension.cjs'))) {
      out.extension = join(extOut, 'extension.cjs');
      out.extensionBytes = statSync(out.extension).size;
      out.webExtensionBytes = existsSync(join(extOut, 'web', 'extension.js')) ? statSync(join(extOut, 'web', 'extension.js')).size : undefined;
    } else {
      out.errors.push(`extension build failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(0, 5).join(' | ')}`);
    }
    try {
      out.harness = join(SCRATCH, 'vscode-harness.cjs');
      await build({ ...common, entryPoints: ['scripts/bench/vscode-harness.mjs'], outfile: out.harness, format: 'cjs' });
    } catch (e) {
      out.harness = undefined;
      out.errors.push(`vscode fake (test/vscode/vscode-mock.ts) did not bundle: ${String(e.message).split('\n')[0]}`);
    }
  } else {
    out.errors.push('no src/vscode/extension.ts or scripts/build-extension.mjs');
  }
  // The slice length the extension passes to analyzeAsync.
  const m = existsSync(constants) ? /SLICE_MS\s*=\s*(\d+)/.exec(readFileSync(constants, 'utf8')) : null;
  out.sliceMs = m ? Number(m[1]) : 20;
  out.sliceMsSource = m ? 'src/vscode/constants.ts' : 'default (20 ms; SLICE_MS not found)';
  return out;
}
