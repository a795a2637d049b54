#!/usr/bin/env node
// The GitHub Action's script (action.yml): runs `bizlang check` on the inputs, turns each finding
// into a workflow command (::error / ::warning / ::notice) so it shows as a pull request
// annotation, writes SARIF for code scanning, appends the Markdown report to the job summary, and
// exits with bizlang's exit code. Document text is untrusted: every value that goes into a
// workflow command is escaped, and bizlang's own log lines are echoed between
// ::stop-commands:: markers, so no sentence and no file name can become a command.
//
// Inputs arrive as INPUT_<NAME> (GitHub's convention, '-' as '_'); BIZLANG_BIN runs a local build
// instead of `npx bizlang@<version>` (this repository's own workflow).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Workflow command data: %, CR and LF escaped. */
export const escapeData = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Workflow command property values: also ':' and ','. */
export const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** One annotation per finding, and one per doc scoring under `minScore`, as workflow commands. */
export function annotations(files, minScore) {
  const out = [];
  for (const f of files) {
    if (minScore !== undefined && f.score && f.score.total < minScore) {
      const text = `Score ${f.score.total}/100 (${f.score.level} ${f.score.levelLabel}) is under the minimum of ${minScore}. Run \`bizlang score\` on it for what each component lacks.`;
      out.push(`::error file=${escapeProperty(f.file)},title=${escapeProperty('Bizlang min-score')}::${escapeData(text)}`);
    }
    for (const m of f.messages) {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`Bizlang ${m.ruleId}`)}`,
      ].join(',');
      // A finding only a looser sensitivity reports says so, as the text report does.
      const reason = m.certainty === 'possible' ? `${m.reason} (possible)` : m.reason;
      out.push(`::${LEVEL[m.severity] ?? 'notice'} ${props}::${escapeData(m.note ? `${reason}\n${m.note}` : reason)}`);
    }
  }
  return out;
}

/** The `bizlang check` arguments for the inputs and the event. */
export function checkArgs(input, env, event) {
  const isPullRequest = /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '');
  const changedInput = input('changed') || 'auto';
  const changed = changedInput === 'auto' ? isPullRequest : changedInput === 'true';
  const args = ['check', ...(input('paths') || '.').split(/\s+/).filter(Boolean)];
  if (changed) {
    const base = event.pull_request?.base?.sha;
    args.push('--changed', ...(base ? [base] : []));
  }
  if (input('baseline')) args.push('--baseline', input('baseline'));
  if (input('sensitivity')) args.push('--sensitivity', input('sensitivity'));
  if (input('min-score')) args.push('--min-score', input('min-score'));
  return args;
}

/** Spawns the CLI: BIZLANG_BIN (a local build) or `npx bizlang@<version>`. */
function spawnBizlang(env, version) {
  const cmd = env.BIZLANG_BIN ? [process.execPath, env.BIZLANG_BIN] : ['npx', '--yes', `bizlang@${version}`];
  return async (args, cwd) => {
    const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { status: r.error ? 2 : (r.status ?? 2), stdout: r.stdout ?? '', stderr: r.error ? `${cmd[0]}: ${r.error.message}\n` : (r.stderr ?? '') };
  };
}

/**
 * Runs the action. `bizlang(args, cwd)` runs the CLI; `write` receives the log (workflow commands
 * included). Resolves to the exit code.
 */
export async function runAction({ env, bizlang, write }) {
  const input = (name) => (env[`INPUT_${name.replace(/[ -]/g, '_').toUpperCase()}`] ?? '').trim();
  const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  const args = checkArgs(input, env, event);
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const run = bizlang ?? spawnBizlang(env, input('version') || 'latest');
  const withFormat = (format) => run([...args, '--format', format], cwd);

  const json = await withFormat('json');
  if (json.stderr) {
    // bizlang's notes (baseline counts, errors naming files) may quote file names: inert here.
    const token = randomUUID();
    write(`::stop-commands::${token}\n${json.stderr.replace(/\n?$/, '\n')}::${token}::\n`);
  }
  if (json.status === 2) {
    const hint = args.includes('--changed') ? ' With changed lines on, check out the history the base needs (actions/checkout with fetch-depth: 0).' : '';
    write(`::error title=Bizlang::${escapeData(`bizlang could not check the documents (exit 2).${hint}`)}\n`);
    return 2;
  }
  const files = JSON.parse(json.stdout);
  const minScore = input('min-score') ? Number(input('min-score')) : undefined;
  for (const line of annotations(files, minScore)) write(`${line}\n`);

  const sarifFile = input('sarif-file');
  if (sarifFile) writeFileSync(resolve(cwd, sarifFile), (await withFormat('sarif')).stdout);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, (await withFormat('markdown')).stdout);
  return json.status;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const env = { INPUT_SARIF_FILE: 'bizlang.sarif', ...process.env };
  runAction({ env, write: (s) => process.stdout.write(s) }).then(
    (code) => process.exit(code),
    (err) => {
      process.stdout.write(`::error title=Bizlang::${escapeData(String(err?.stack ?? err))}\n`);
      process.exit(2);
    },
  );
}
