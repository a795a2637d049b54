// Fits the sentence network of src/core/judge/net.ts: word vectors (corpus/vectors, learned
// without labels) fine-tuned with one layer of convolution filters, max-pooling and a softmax,
// by minibatch Adam with dropout. Plain JavaScript on Float32Arrays, seeded, so `npm run train`
// and `npm run eval` refit it anywhere Node runs, in every fold. The gradient of a max-pool goes
// to one position per filter, so a step costs about as much as the forward pass.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../../scripts/bench/lib.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rng = (seed) => prng(seed).next;

/** The network's settings: the same in every fold and for the shipped model (BIZLANG_NET, a JSON
 * object, overrides some for experiments; the model file records what it was trained with).
 * Epochs per language: the Chinese training rows are a third of the English ones, and 3 passes
 * over them left the network under-trained (out-of-fold tech AP 0.70 alone, 0.746 with 6). */
export const NET = { dim: 64, words: 10000, widths: [1, 2, 3], filters: 32, epochs: { en: 3, zh: 6 }, batch: 64, lr: 1e-3, dropout: 0.4, mix: 0.4, maxWords: 80, ...JSON.parse(process.env.BIZLANG_NET || '{}') };

/** The settings for one language (epochs may be given per language). */
export const netFor = (lang, opt = NET) => ({ ...opt, epochs: typeof opt.epochs === 'object' ? opt.epochs[lang] : opt.epochs });

/** Words the vectors never saw but the network should learn (numbers, %, currency). */
const EXTRA = { en: ['<num>', '%', '$', '€', '£', '¥'], zh: ['<num>', '%', '<p>', '<latin>'] };

/** The unlabeled word vectors of a language: the first `words` words and their vectors. */
export function loadVectors(lang, { words = NET.words, dim = NET.dim } = {}) {
  const dir = join(ROOT, 'corpus', 'vectors');
  const meta = JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8'));
  if (meta.dim !== dim) throw new Error(`corpus/vectors holds ${meta.dim}-d vectors, the network wants ${dim}`);
  const list = readFileSync(join(dir, `${lang}.words.txt`), 'utf8').split('\n').filter(Boolean).slice(0, words);
  const raw = readFileSync(join(dir, `${lang}.i8`));
  const vec = new Float32Array(list.length * dim);
  for (let i = 0; i < vec.length; i++) vec[i] = ((raw[i] << 24) >> 24) / 127;
  for (const w of EXTRA[lang]) if (!list.includes(w)) list.push(w);
  return { words: list, dim, vec, known: vec.length / dim };
}

/** Word ids of a sentence's networkWords (0 unused, 1 unknown). */
export function encodeWords(words, index, max = NET.maxWords) {
  const n = Math.max(1, Math.min(words.length, max));
  const ids = new Int32Array(n).fill(1);
  for (let i = 0; i < Math.min(words.length, max); i++) ids[i] = index.get(words[i]) ?? 1;
  return ids;
}

export const wordIndex = (words) => new Map(words.map((w, i) => [w, i + 2]));

/**
 * Fits a network on examples `{ ids: Int32Array, y: 0|1|2 }` (OTHER / TECH / BIZ), starting from
 * `vectors` (loadVectors). Returns the decoded form net.ts reads (word vectors as int8).
 */
export function fitNet(examples, vectors, opt = NET, seed = 1) {
  const rand = rng(seed);
  const D = vectors.dim;
  const V = vectors.words.length + 2;
  const F = opt.filters;
  const widths = opt.widths;
  const H = F * widths.length;
  const keep = 1 - opt.dropout;
  const uni = (b) => (rand() * 2 - 1) * b;
  // Parameters: word vectors (scaled by 3, as the norm-1 vectors start too small for the
  // filters' initial weights), filters, output layer.
  const E = new Float32Array(V * D);
  for (let i = 0; i < vectors.known * D; i++) E[2 * D + i] = vectors.vec[i] * 3;
  const conv = widths.map((w) => Float32Array.from({ length: F * w * D }, () => uni(1 / Math.sqrt(w * D))));
  const convB = Float32Array.from({ length: H }, (_, k) => uni(1 / Math.sqrt(widths[Math.floor(k / F)] * D)));
  const out = Float32Array.from({ length: 3 * H }, () => uni(1 / Math.sqrt(H)));
  const outB = Float32Array.from({ length: 3 }, () => uni(1 / Math.sqrt(H)));
  const dense = [...conv, convB, out, outB];
  const grads = dense.map((p) => new Float32Array(p.length));
  const m1 = dense.map((p) => new Float32Array(p.length));
  const m2 = dense.map((p) => new Float32Array(p.length));
  const gE = new Float32Array(V * D);
  const mE = new Float32Array(V * D);
  const vE = new Float32Array(V * D);
  const touched = new Uint8Array(V);
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  const [gConv, gConvB, gOut, gOutB] = [grads.slice(0, widths.length), grads[widths.length], grads[widths.length + 1], grads[widths.length + 2]];

  const maxL = opt.maxWords;
  const x = new Float32Array(maxL * D);
  const mask = new Float32Array(maxL * D);
  const dx = new Float32Array(maxL * D);
  const h = new Float32Array(H);
  const hMask = new Float32Array(H);
  const arg = new Int32Array(H);
  const order = Int32Array.from(examples.keys());
  let t = 0;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < order.length; start += opt.batch) {
      const end = Math.min(order.length, start + opt.batch);
      const scale = 1 / (end - start);
      const touchedList = [];
      for (let q = start; q < end; q++) {
        const { ids, y } = examples[order[q]];
        const L = ids.length;
        // Forward, with dropout on the word vectors and on the pooled features.
        for (let p = 0; p < L; p++) {
          const at = ids[p] * D;
          for (let k = 0; k < D; k++) {
            const mk = rand() < keep ? 1 / keep : 0;
            mask[p * D + k] = mk;
            x[p * D + k] = E[at + k] * mk;
          }
        }
        for (let a = 0; a < widths.length; a++) {
          const w = widths[a];
          const W = conv[a];
          const off = w >> 1;
          for (let f = 0; f < F; f++) {
            let best = 0, bestAt = -1;
            const bias = convB[a * F + f];
            for (let i = 0; i < L; i++) {
              let s = bias;
              for (let j = 0; j < w; j++) {
                const p = i - off + j;
                if (p < 0 || p >= L) continue;
                const wAt = (f * w + j) * D;
                const xAt = p * D;
                for (let k = 0; k < D; k++) s += W[wAt + k] * x[xAt + k];
              }
              if (s > best) { best = s; bestAt = i; }
            }
            const hm = rand() < keep ? 1 / keep : 0;
            hMask[a * F + f] = hm;
            h[a * F + f] = best * hm;
            arg[a * F + f] = bestAt;
          }
        }
        const z = [outB[0], outB[1], outB[2]];
        for (let c = 0; c < 3; c++) for (let k = 0; k < H; k++) z[c] += out[c * H + k] * h[k];
        const mx = Math.max(z[0], z[1], z[2]);
        const e = z.map((v) => Math.exp(v - mx));
        const sum = e[0] + e[1] + e[2];
        const dz = e.map((v, c) => (v / sum - (c === y ? 1 : 0)) * scale);
        // Backward: output layer, then each filter at the one position its maximum came from.
        for (let c = 0; c < 3; c++) {
          gOutB[c] += dz[c];
          for (let k = 0; k < H; k++) gOut[c * H + k] += dz[c] * h[k];
        }
        dx.fill(0, 0, L * D);
        for (let a = 0; a < widths.length; a++) {
          const w = widths[a];
          const W = conv[a];
          const G = gConv[a];
          const off = w >> 1;
          for (let f = 0; f < F; f++) {
            const k0 = a * F + f;
            if (arg[k0] < 0 || hMask[k0] === 0) continue;
            const g = (dz[0] * out[k0] + dz[1] * out[H + k0] + dz[2] * out[2 * H + k0]) * hMask[k0];
            gConvB[k0] += g;
            for (let j = 0; j < w; j++) {
              const p = arg[k0] - off + j;
              if (p < 0 || p >= L) continue;
              const wAt = (f * w + j) * D;
              const xAt = p * D;
              for (let k = 0; k < D; k++) {
                G[wAt + k] += g * x[xAt + k];
                dx[xAt + k] += g * W[wAt + k];
              }
            }
          }
        }
        for (let p = 0; p < L; p++) {
          const id = ids[p];
          const at = id * D;
          for (let k = 0; k < D; k++) gE[at + k] += dx[p * D + k] * mask[p * D + k];
          if (!touched[id]) { touched[id] = 1; touchedList.push(id); }
        }
      }
      // Adam: dense for the filters and output, lazily for the word vectors a batch touched.
      t++;
      const stepSize = opt.lr * Math.sqrt(1 - b2 ** t) / (1 - b1 ** t);
      for (let u = 0; u < dense.length; u++) {
        const P = dense[u], G = grads[u], M = m1[u], S = m2[u];
        for (let i = 0; i < P.length; i++) {
          M[i] = b1 * M[i] + (1 - b1) * G[i];
          S[i] = b2 * S[i] + (1 - b2) * G[i] * G[i];
          P[i] -= (stepSize * M[i]) / (Math.sqrt(S[i]) + eps);
          G[i] = 0;
        }
      }
      for (const id of touchedList) {
        touched[id] = 0;
        if (id === 0) continue;
        for (let i = id * D; i < id * D + D; i++) {
          mE[i] = b1 * mE[i] + (1 - b1) * gE[i];
          vE[i] = b2 * vE[i] + (1 - b2) * gE[i] * gE[i];
          E[i] -= (stepSize * mE[i]) / (Math.sqrt(vE[i]) + eps);
          gE[i] = 0;
        }
      }
    }
  }
  // Word vectors as int8, one scale per word.
  const emb = new Int8Array(V * D);
  const embScale = new Float32Array(V);
  for (let id = 0; id < V; id++) {
    let m = 0;
    for (let k = 0; k < D; k++) m = Math.max(m, Math.abs(E[id * D + k]));
    const s = m / 127 || 1;
    embScale[id] = m ? s : 0;
    for (let k = 0; k < D; k++) emb[id * D + k] = Math.round(E[id * D + k] / s);
  }
  return { words: vectors.words, dim: D, widths, filters: F, maxWords: opt.maxWords, emb, embScale, conv, convBias: convB, out, outBias: outB, mix: opt.mix };
}
