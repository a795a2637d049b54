// Minimal CLI (temporary): check --format json FILE.
import { readFileSync } from 'node:fs';
import { analyze } from './core/index.js';
const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--format' && a !== 'check');
const out = files.map((file) => ({ file, ...analyze(readFileSync(file, 'utf8')) }));
console.log(JSON.stringify(out, null, 2));
