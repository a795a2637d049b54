# Research (twenty-first session): pretrain seq.py's bidirectional QRNN reader as a language model on
# unlabeled prose ({lang}.lm.txt from lm-tokens.mjs: training-only and unlabeled repositories,
# never a scored or reserved one). The forward direction, having read words 1..t, predicts word
# t+1; the backward direction, having read words n..t, predicts word t−1 (as ELMo / ULMFiT do).
# The output layer maps a state to the word-vector space and scores words against the input
# embedding (tied), so the only weights kept — the embedding and the two gate convolutions — are
# exactly seq.py's ARCH=qrnn encoder: `INIT=<the .pt written here> ARCH=qrnn seq.py` starts from them.
#   MINUTES: training time (20)  H, QK: as seq.py (48, 2)  LR (2e-3)  BATCH sentences (128)
#   NEG: words sampled for the softmax in training (1000; 0: all)  THREADS (2)  MAXS: sentences read at most (all)
import os, sys, time, random
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seqscore import D, network_vocab, qrnn_scan, word_embedding

torch.set_num_threads(int(os.environ.get('THREADS', 2)))
DIR = os.environ.get('EXP_DIR', '.cache/exp')
ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
lang = sys.argv[1]
H = int(os.environ.get('H', 48)); QK = int(os.environ.get('QK', 2))
MINUTES = float(os.environ.get('MINUTES', 20)); LR = float(os.environ.get('LR', 2e-3))
BATCH = int(os.environ.get('BATCH', 128)); NEG = int(os.environ.get('NEG', 1000)); MAXS = int(os.environ.get('MAXS', 10**9))
index, V, known, vec = network_vocab(ROOT, lang)

sents = []
for i, line in enumerate(open(f'{DIR}/{lang}.lm.txt', encoding='utf8')):
    if i >= MAXS: break
    ids = [index.get(w, 1) for w in line.split()]
    if sum(1 for x in ids if x > 1) >= 3: sents.append(ids)
random.Random(0).shuffle(sents)
dev, sents = sents[:2000], sents[2000:]
counts = np.bincount(np.concatenate(sents), minlength=V).astype(np.float64); counts[:2] = 0
UNIGRAM = torch.tensor(counts ** 0.75 + 1e-9)
print(lang, len(sents), 'sentences', sum(map(len, sents)), 'words', flush=True)

class LM(nn.Module):
    def __init__(s):
        super().__init__()
        s.emb = word_embedding(V, known, vec)
        s.gates = nn.ModuleList([nn.Conv1d(D, 2 * H, QK) for _ in range(2)])  # seq.py's names and shapes
        s.head = nn.ModuleList([nn.Linear(H, D) for _ in range(2)])
        s.bias = nn.Parameter(torch.zeros(V))
        s.drop = nn.Dropout(0.1)

    def forward(s, x):
        m = (x > 0).float()
        e = s.drop(s.emb(x))
        loss, n = 0.0, 0
        for d, conv in enumerate(s.gates):
            seq = e if d == 0 else torch.flip(e, [1])
            mm = m if d == 0 else torch.flip(m, [1])
            xx = x if d == 0 else torch.flip(x, [1])
            g = conv(F.pad(seq.transpose(1, 2), (QK - 1, 0)))
            zt, ft = torch.tanh(g[:, :H]), torch.sigmoid(g[:, H:])
            o = qrnn_scan(zt, ft, mm)[:, :-1]        # the state after word t …
            target = xx[:, 1:]                       # … predicts the next word read
            sel = target > 0
            if d == 1: sel = sel & (mm[:, :-1] > 0)  # backward: no prediction from the padding before the sentence
            z = s.head[d](s.drop(o[sel])); y = target[sel]
            if s.training and NEG:
                # sampled softmax: the batch's own target words and NEG words drawn by frequency^0.75
                # (this machine's BLAS makes the full 10,000-word softmax the whole cost)
                cand = torch.unique(torch.cat([y, torch.multinomial(UNIGRAM, NEG, replacement=True)]))
                y = torch.searchsorted(cand, y)
                logits = z @ s.emb.weight[cand].t() + s.bias[cand]  # (no sampling correction: only the states are kept)
            else:
                logits = z @ s.emb.weight.t() + s.bias
            loss = loss + F.cross_entropy(logits, y, reduction='sum'); n += len(y)
        return loss, n

def batches(rows, rs):
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]) + rs.random())
    bs = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    rs.shuffle(bs)
    for b in bs:
        L = max(len(rows[i]) for i in b)
        x = np.zeros((len(b), L), dtype=np.int64)
        for k, i in enumerate(b): x[k, :len(rows[i])] = rows[i]
        yield torch.from_numpy(x)

def dev_ppl(net):
    net.eval(); tot, n = 0.0, 0
    with torch.no_grad():
        for x in batches(dev, random.Random(1)):
            l, k = net(x); tot += float(l); n += k
    net.train()
    return float(np.exp(tot / n))

torch.manual_seed(0)
net = LM(); opt = torch.optim.Adam(net.parameters(), lr=LR)
print('dev perplexity before', round(dev_ppl(net), 1), flush=True)
t0, step, ep, seen = time.time(), 0, 0, 0
done = False
while not done:
    rs = random.Random(100 + ep)
    for x in batches(sents, rs):
        loss, n = net(x)
        opt.zero_grad(); (loss / n).backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1.0); opt.step()
        step += 1; seen += n
        if step % 200 == 0:
            print(f'  step {step} epoch {ep} words {seen} loss {float(loss) / n:.3f} {time.time() - t0:.0f}s', flush=True)
        if time.time() - t0 > MINUTES * 60: done = True; break
    ep += 1
print('dev perplexity after', round(dev_ppl(net), 1), 'steps', step, 'words', seen, flush=True)
tag = os.environ.get('TAG', '')
torch.save({k: v for k, v in net.state_dict().items() if k.startswith(('emb.', 'gates.'))}, f'{DIR}/{lang}-lm-qrnn{tag}.pt')
