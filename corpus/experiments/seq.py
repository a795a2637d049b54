# Research (nineteenth session): does a sequence reader rank claims better than the shipped
# convolutional network? Fits, per outer fold of `npm run eval` (seq-export.mjs wrote the rows, the
# folds and the n-gram model's out-of-fold probabilities), a network of kind ARCH on the same
# training rows the shipped network sees, starting from the same word vectors (corpus/vectors, the
# first 10,000 words), and scores every held-out sentence. Prints, per reader, tech-value and
# unquantified AP of the rows (a row's score is its sentences' highest, as eval decides) alone and
# averaged with the n-gram model at the shipped share (0.4). Research only: PyTorch (Debian:
# python3-torch), nothing here ships.
#   ARCH=cnn|gru|lstm|qrnn|attn  EP=epochs (en 3, zh 6)  H=hidden units per direction (48)  SEEDS=1
#   SEED0: the first seed (0)  FRAC: share of the training-only rows' repositories kept (1; a learning curve)
#   INIT: ARCH=qrnn's encoder pretrained by lm.py (a .pt file)  LR: Adam's learning rate (1e-3)
#   the CNN: NF filters per width (32), WIDTHS (1,2,3), POOL=max|maxmean; TAG names the saved scores
import json, os, sys, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seqscore import D, load_scored, network_vocab, qrnn_scan, row_scores, summary, word_embedding

torch.set_num_threads(int(os.environ.get('THREADS', 2)))
DIR = os.environ.get('EXP_DIR', '.cache/exp')
ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
lang = sys.argv[1]
ARCH = os.environ.get('ARCH', 'cnn')
EPOCHS = int(os.environ.get('EP', {'en': 3, 'zh': 6}[lang]))
H = int(os.environ.get('H', 48))
SEEDS = int(os.environ.get('SEEDS', 1)); SEED0 = int(os.environ.get('SEED0', 0))  # seeds SEED0 … SEED0 + SEEDS − 1
MIX = float(os.environ.get('MIX', 0.4))
MAXLEN, DROP = 80, 0.4
NF = int(os.environ.get('NF', 32)); WIDTHS = [int(k) for k in os.environ.get('WIDTHS', '1,2,3').split(',')]
QK = int(os.environ.get('QK', 2))  # qrnn: words each gate sees
LR = float(os.environ.get('LR', 1e-3))  # Adam's learning rate
INIT = os.environ.get('INIT')  # ARCH=qrnn: start from lm.py's pretrained encoder (a .pt file)
POOL = os.environ.get('POOL', 'max')  # the CNN's pooling: max (as shipped) or maxmean

index, V, known, vec = network_vocab(ROOT, lang)  # 0 padding, 1 unknown

def enc(words):
    ids = [index.get(w, 1) for w in words[:MAXLEN]]
    return ids or [1]

sc = load_scored(DIR, lang)
tr = [json.loads(l) for l in open(f'{DIR}/{lang}-seq-train.jsonl', encoding='utf8')]
if lang != 'zh': tr = [r for r in tr if not r['rw']]  # the shipped network sees rewrites in Chinese only (NET_REWRITES)
FRAC = float(os.environ.get('FRAC', 1))  # learning curve: keep the training-only rows of this share of their repositories
if FRAC < 1:
    import zlib
    tr = [r for r in tr if zlib.crc32(r['repo'].encode()) % 1000 < FRAC * 1000]
    print(lang, f'FRAC={FRAC}: {len(tr)} training-only rows kept', flush=True)
X_sc = [enc(r['words']) for r in sc]
X_tr = [enc(r['words']) for r in tr]
parts = [[enc(p['w']) for p in r['parts']] for r in sc]

class Net(nn.Module):
    def __init__(s):
        super().__init__()
        s.emb = word_embedding(V, known, vec)
        s.drop = nn.Dropout(DROP)
        if ARCH == 'cnn':
            s.convs = nn.ModuleList([nn.Conv1d(D, NF, k) for k in WIDTHS])
            out = NF * len(WIDTHS) * (2 if POOL == 'maxmean' else 1)
        elif ARCH in ('gru', 'lstm'):
            s.rnn = (nn.GRU if ARCH == 'gru' else nn.LSTM)(D, H, batch_first=True, bidirectional=True)
            out = 4 * H
        elif ARCH == 'qrnn':
            # gates from the words alone (a convolution over QK words), an element-wise recurrence:
            # no hidden-to-hidden matrix, so training and reading cost about what the CNN's do
            s.gates = nn.ModuleList([nn.Conv1d(D, 2 * H, QK) for _ in range(2)])
            out = 4 * H
        elif ARCH == 'attn':
            s.pos = nn.Embedding(MAXLEN, D)
            nn.init.normal_(s.pos.weight, std=0.02)
            layer = nn.TransformerEncoderLayer(D, 4, 2 * D, dropout=0.1, batch_first=True)
            s.enc = nn.TransformerEncoder(layer, int(os.environ.get('LAYERS', 2)))
            out = 2 * D
        s.out = nn.Linear(out, 3)

    def forward(s, x):
        m = (x > 0)
        e = s.drop(s.emb(x))
        if ARCH == 'cnn':
            h = e.transpose(1, 2)
            pooled = []
            for c in s.convs:
                k = c.kernel_size[0]
                hh = h if h.shape[2] >= k else F.pad(h, (0, k - h.shape[2]))
                z = F.relu(c(hh))
                # only windows inside the sentence
                L = m.sum(1)
                valid = torch.arange(z.shape[2])[None, :] <= (L[:, None] - k).clamp(min=0)
                pooled.append(z.masked_fill(~valid[:, None, :], -1e4).max(2).values)
                if POOL == 'maxmean':
                    vf = valid[:, None, :].float()
                    pooled.append((z * vf).sum(2) / vf.sum(2).clamp(min=1))
            return s.out(s.drop(torch.cat(pooled, 1)))
        if ARCH == 'qrnn':
            outs = []
            mf = m.float()
            for d, conv in enumerate(s.gates):
                seq = e if d == 0 else torch.flip(e, [1])  # padding first in the backward direction
                mm = mf if d == 0 else torch.flip(mf, [1])
                g = conv(F.pad(seq.transpose(1, 2), (QK - 1, 0)))  # causal window: this word and QK − 1 before it
                zt, ft = torch.tanh(g[:, :H]), torch.sigmoid(g[:, H:])
                o = qrnn_scan(zt, ft, mm)
                outs.append(o if d == 0 else torch.flip(o, [1]))
            o = torch.cat(outs, 2)
        elif ARCH == 'attn':
            e = e + s.pos(torch.arange(x.shape[1]))[None]
            o = s.enc(e, src_key_padding_mask=~m)
        else:
            lengths = m.sum(1).clamp(min=1)
            packed = nn.utils.rnn.pack_padded_sequence(e, lengths, batch_first=True, enforce_sorted=False)
            o, _ = s.rnn(packed)
            o, _ = nn.utils.rnn.pad_packed_sequence(o, batch_first=True, total_length=x.shape[1])
        mf = m.unsqueeze(-1).float()
        mx = o.masked_fill(mf == 0, -1e4).max(1).values
        mean = (o * mf).sum(1) / mf.sum(1).clamp(min=1)
        return s.out(s.drop(torch.cat([mx, mean], 1)))

def batch(seqs):
    L = max(max(len(r) for r in seqs), 3)
    x = np.zeros((len(seqs), L), dtype=np.int64)
    for i, r in enumerate(seqs): x[i, :len(r)] = r
    return torch.from_numpy(x)

def predict(net, seqs):
    net.eval(); out = np.zeros((len(seqs), 3), dtype=np.float32)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    with torch.no_grad():
        for s in range(0, len(order), 256):
            ii = order[s:s + 256]
            out[ii] = F.softmax(net(batch([seqs[i] for i in ii])), 1).numpy()
    return out

def fit(rows, seed):
    torch.manual_seed(seed); rs = np.random.RandomState(seed)
    net = Net()
    if INIT: net.load_state_dict(torch.load(INIT), strict=False)  # lm.py's pretrained embedding and gates
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    for ep in range(EPOCHS):
        net.train()
        # batches of similar length (less padding), in random order
        perm = rs.permutation(len(rows))
        chunks = [perm[i:i + 64 * 50] for i in range(0, len(perm), 64 * 50)]
        batches = []
        for c in chunks:
            c = sorted(c, key=lambda j: len(rows[j][0]))
            batches += [c[i:i + 64] for i in range(0, len(c), 64)]
        for bi in rs.permutation(len(batches)):
            b = batches[bi]
            x = batch([rows[j][0] for j in b]); y = torch.tensor([rows[j][1] for j in b])
            loss = F.cross_entropy(net(x), y)
            opt.zero_grad(); loss.backward(); opt.step()
    return net

print(lang, 'ngram alone:', summary(sc, *row_scores(sc, None, 0)), flush=True)
t0 = time.time()
folds = sorted(set(r['fold'] for r in sc))
start = np.cumsum([0] + [len(p) for p in parts])  # where each row's sentences begin in a run's array
runs = []
for seed in range(SEED0, SEED0 + SEEDS):
    probs = np.zeros((start[-1], 3), dtype=np.float32)
    for f in folds:
        held = set(r['repo'] for r in sc if r['fold'] == f)
        rows = [(X_sc[i], sc[i]['y']) for i in range(len(sc)) if sc[i]['fold'] != f] + \
               [(X_tr[i], tr[i]['y']) for i in range(len(tr)) if tr[i]['repo'] not in held]
        net = fit(rows, 1000 * seed + f)
        test = [i for i in range(len(sc)) if sc[i]['fold'] == f]
        at = [k for i in test for k in range(start[i], start[i + 1])]
        probs[at] = predict(net, [p for i in test for p in parts[i]])
        print(f'  seed {seed} fold {f} ({len(rows)} rows) {time.time() - t0:.0f}s', flush=True)
    runs.append(probs)
    print(lang, ARCH, f'H={H}' if ARCH != 'cnn' else '', f'EP={EPOCHS}', f'seed {seed}', 'alone:', summary(sc, *row_scores(sc, probs, 1.0)), flush=True)
    print(lang, ARCH, f'seed {seed}', f'blend {MIX}:', summary(sc, *row_scores(sc, probs, MIX)), flush=True)
if SEEDS > 1:
    print(lang, ARCH, f'{SEEDS} seeds averaged, blend {MIX}:', summary(sc, *row_scores(sc, np.mean(runs, 0), MIX)), flush=True)
tag = os.environ.get('TAG', '')
np.save(f'{DIR}/{lang}-{ARCH}{tag}-parts.npy', np.concatenate(runs))
