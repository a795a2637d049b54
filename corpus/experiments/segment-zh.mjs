import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
const DIR = process.env.EXP_DIR ?? '.cache/exp';
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
const out = createWriteStream(`${DIR}/zh.tok`);
const rl = createInterface({ input: createReadStream(`${DIR}/zh.txt`) });
let n = 0;
for await (const line of rl) {
  const ws = [];
  for (const s of seg.segment(line)) {
    if (!s.isWordLike) { if (/[，。；：！？,.;:!?]/.test(s.segment)) ws.push('<p>'); continue; }
    const w = s.segment.toLowerCase();
    ws.push(/[a-z]/.test(w) ? '<latin>' : /^\d/.test(w) ? '<num>' : w);
  }
  if (!out.write(ws.join(' ') + '\n')) await new Promise((r) => out.once('drain', r));
  n++;
}
out.end(); console.log('lines', n);
