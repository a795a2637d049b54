// Child of `npm run bench` (section "review", target 9): what `--changed` costs. Builds a git
// repository of 600 real Markdown files (the first 600 KEPs of the corpus), commits it on `main`,
// then a branch that edits a paragraph in 3 files; times, as whole processes and alternating,
// `bizlang check --changed main` against `bizlang check <the 3 changed files>` (same findings).
// Prints one JSON line {files, changedFiles, changed: [ms…], named: [ms…], sameFindings}.
//   node scripts/bench/changed.mjs BIN CORPUS_DIR SCRATCH REPS
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { markdownFiles } from './lib.mjs';

const [bin, corpus, scratch, repsArg] = process.argv.slice(2);
const reps = Number(repsArg) || 10;
const FILES = 600;
const root = join(scratch, 'changed-repo');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (...args) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });

const sources = markdownFiles(corpus).slice(0, FILES);
if (sources.length < FILES) throw new Error(`need ${FILES} Markdown files under ${corpus}, found ${sources.length}`);
const rels = sources.map((src, i) => {
  const rel = join('docs', String(i).padStart(3, '0') + '-' + relative(corpus, src).replace(/[\\/]/g, '_'));
  mkdirSync(join(root, 'docs'), { recursive: true });
  cpSync(src, join(root, rel));
  return rel;
});
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'main');
git('checkout', '-q', '-b', 'feature');
const edited = [rels[10], rels[300], rels[590]];
for (const rel of edited) {
  const text = readFileSync(join(root, rel), 'utf8');
  const at = text.indexOf('\n\n', Math.floor(text.length / 2));
  writeFileSync(join(root, rel), `${text.slice(0, at)}\n\nWe unified permission management across services and improved API performance.${text.slice(at)}`);
}
git('commit', '-q', '-am', 'edit three docs');

const run = (args) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status === 2) throw new Error(`bizlang ${args.join(' ')}: ${r.stderr}`);
  return { ms, out: JSON.parse(r.stdout) };
};
const changed = [];
const named = [];
let sameFindings = true;
for (let i = 0; i < reps + 1; i++) {
  const a = run(['--changed', 'main']);
  const b = run(edited);
  if (i === 0) {
    // --changed keeps only the changed lines' findings: they must be among the named files' ones.
    const key = (f, m) => `${f.file}:${m.line}:${m.column}:${m.ruleId}`;
    const all = new Set(b.out.flatMap((f) => f.messages.map((m) => key(f, m))));
    sameFindings = a.out.length === edited.length && a.out.every((f) => f.messages.every((m) => all.has(key(f, m))));
    continue; // warm-up
  }
  changed.push(a.ms);
  named.push(b.ms);
}
rmSync(root, { recursive: true, force: true });
console.log(JSON.stringify({ files: FILES, changedFiles: edited.length, changed, named, sameFindings }));
