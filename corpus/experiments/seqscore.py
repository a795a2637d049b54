# Shared by seq.py, seq-combine.py and lm.py (nineteenth and twenty-first sessions): the scored rows
# seq-export.mjs wrote, the figures they print, and the readers' vocabulary and word vectors. A reader's held-out probabilities are one array, a row (OTHER, TECH,
# BIZ) per sentence, in the order of the rows and their sentences. Research only.
import json
import numpy as np

def load_scored(dir, lang):
    return [json.loads(l) for l in open(f'{dir}/{lang}-seq-scored.jsonl', encoding='utf8')]

def cuts(scores, pos):
    o = np.argsort(-scores, kind='stable'); s = scores[o]; p = pos[o].astype(float)
    tp = np.cumsum(p); n = np.arange(1, len(p) + 1)
    last = np.r_[s[1:] != s[:-1], True]  # tied scores are one cut (as corpus/tools/lib.mjs `cuts`)
    return n[last], tp[last]

def ap(scores, pos):
    n, tp = cuts(np.asarray(scores), np.asarray(pos)); prev = np.r_[0, tp[:-1]]
    return float(((tp - prev) / pos.sum() * tp / n).sum())

def recall_at(scores, pos, target):
    n, tp = cuts(np.asarray(scores), np.asarray(pos)); ok = (tp / n >= target) & (tp >= 5)
    return float(tp[ok].max() / pos.sum()) if ok.any() else 0.0

def row_scores(sc, probs, mix):
    """Each row's tech-value and unquantified scores, as eval decides: its highest sentence, the
    n-gram model's probabilities averaged with `probs` at share `mix` (None: the n-gram model alone)."""
    tech = np.zeros(len(sc)); vague = np.zeros(len(sc)); k = 0
    for i, r in enumerate(sc):
        t = b = 0.0
        for p in r['parts']:
            T, B = p['ng']
            if probs is not None: T, B = (1 - mix) * T + mix * probs[k][1], (1 - mix) * B + mix * probs[k][2]
            k += 1
            if not p['mh']: t = max(t, T)
            if not p['q'] and p['o']: b = max(b, B)
        tech[i] = t; vague[i] = b
    return tech, vague

def summary(sc, tech, vague):
    tpos = np.array([r['label'] == 'TECH' for r in sc]); vpos = np.array([r['label'] == 'BIZ_VAGUE' for r in sc])
    return f"techAP {ap(tech, tpos):.3f} R@.88 {recall_at(tech, tpos, .88):.2f} R@.75 {recall_at(tech, tpos, .75):.2f} | vagueAP {ap(vague, vpos):.3f} R@.85 {recall_at(vague, vpos, .85):.2f}"


def qrnn_scan(zt, ft, keep):
    """The QRNN's element-wise recurrence h_t = f_t h_(t-1) + (1 - f_t) z_t, held where keep_t is 0
    (padding). zt, ft: (batch, units, time); keep: (batch, time). Steps over unbound time slices,
    whose gradients cost one slice each (indexing [:, :, t] costs a whole tensor per step)."""
    import torch
    z = zt.permute(2, 0, 1).unbind(0); f = ft.permute(2, 0, 1).unbind(0); k = keep.t().unsqueeze(-1).unbind(0)
    h = torch.zeros(zt.shape[0], zt.shape[1]); hs = []
    for zz, ff, kk in zip(z, f, k):
        h = kk * (ff * h + (1 - ff) * zz) + (1 - kk) * h
        hs.append(h)
    return torch.stack(hs, 1)


EXTRA = {'en': ['<num>', '%', '$', '€', '£', '¥'], 'zh': ['<num>', '%', '<p>', '<latin>']}
WORDS, D = 10000, 64


def network_vocab(root, lang):
    """The shipped network's words (corpus/vectors) and its extra tokens, as the readers index them
    (0 padding, 1 unknown): (index, V, known, vec), where vec holds the first `known` words' vectors.
    One definition, so that lm.py's pretrained weights line up with seq.py's rows."""
    vocab = [w for w in open(f'{root}/corpus/vectors/{lang}.words.txt', encoding='utf8').read().split('\n') if w][:WORDS]
    raw = np.fromfile(f'{root}/corpus/vectors/{lang}.i8', dtype=np.int8)
    known = len(vocab)
    vec = raw[:known * D].reshape(known, D).astype(np.float32) / 127
    for w in EXTRA[lang]:
        if w not in vocab: vocab.append(w)
    return {w: i + 2 for i, w in enumerate(vocab)}, len(vocab) + 2, known, vec


def word_embedding(V, known, vec):
    """The readers' embedding, started from the word vectors (scaled by 3, as the shipped network)."""
    import torch, torch.nn as nn
    emb = nn.Embedding(V, D, padding_idx=0)
    w = np.zeros((V, D), dtype=np.float32); w[2:2 + known] = vec * 3
    emb.weight.data.copy_(torch.from_numpy(w))
    return emb
