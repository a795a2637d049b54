# Research (nineteenth session): the held-out sentence probabilities seq.py saved for several
# readers (ARCH[TAG]), averaged together and then with the n-gram model at share MIX (0.4):
#   python3 seq-combine.py zh cnn gru
# Prints the same figures as seq.py, for each reader alone and for their mean; BOOT=n also compares
# the first two readers' tech-value AP on n resamples of the repositories (paired).
import json, os, sys
import numpy as np

DIR = os.environ.get('EXP_DIR', '.cache/exp')
MIX = float(os.environ.get('MIX', 0.4))
lang, names = sys.argv[1], sys.argv[2:]
sc = [json.loads(l) for l in open(f'{DIR}/{lang}-seq-scored.jsonl', encoding='utf8')]
n_parts = sum(len(r['parts']) for r in sc)
tpos = np.array([r['label'] == 'TECH' for r in sc]); vpos = np.array([r['label'] == 'BIZ_VAGUE' for r in sc])

def cuts(scores, pos):
    o = np.argsort(-scores, kind='stable'); s = scores[o]; p = pos[o].astype(float)
    tp = np.cumsum(p); n = np.arange(1, len(p) + 1)
    last = np.r_[s[1:] != s[:-1], True]
    return n[last], tp[last]

def ap(scores, pos):
    n, tp = cuts(np.asarray(scores), np.asarray(pos)); prev = np.r_[0, tp[:-1]]
    return float(((tp - prev) / pos.sum() * tp / n).sum())

def recall_at(scores, pos, target):
    n, tp = cuts(np.asarray(scores), np.asarray(pos)); ok = (tp / n >= target) & (tp >= 5)
    return float(tp[ok].max() / pos.sum()) if ok.any() else 0.0

def rows(flat, mix):
    tech = np.zeros(len(sc)); vague = np.zeros(len(sc)); k = 0
    for i, r in enumerate(sc):
        t = b = 0.0
        for p in r['parts']:
            T = (1 - mix) * p['ng'][0] + mix * flat[k][1]; B = (1 - mix) * p['ng'][1] + mix * flat[k][2]; k += 1
            if not p['mh']: t = max(t, T)
            if not p['q'] and p['o']: b = max(b, B)
        tech[i] = t; vague[i] = b
    return tech, vague

def summary(tech, vague):
    return f"techAP {ap(tech, tpos):.3f} R@.88 {recall_at(tech, tpos, .88):.2f} R@.75 {recall_at(tech, tpos, .75):.2f} | vagueAP {ap(vague, vpos):.3f} R@.85 {recall_at(vague, vpos, .85):.2f}"

loaded = {}
for name in names:
    a = np.load(f'{DIR}/{lang}-{name}-parts.npy')
    runs = a.reshape(-1, n_parts, 3)  # one block per seed
    loaded[name] = runs.mean(0)
    print(lang, name, f'({runs.shape[0]} seed(s)) blend {MIX}:', summary(*rows(loaded[name], MIX)))
mean = np.mean(list(loaded.values()), 0)
print(lang, '+'.join(names), f'mean, blend {MIX}:', summary(*rows(mean, MIX)))
for mix in (0.5, 0.6):
    print(lang, '+'.join(names), f'mean, blend {mix}:', summary(*rows(mean, mix)))

BOOT = int(os.environ.get('BOOT', 0))
if BOOT and len(names) >= 2:
    a, b = (rows(loaded[n], MIX)[0] for n in names[:2])
    repos = sorted(set(r['repo'] for r in sc)); by = {q: [] for q in repos}
    for i, r in enumerate(sc): by[r['repo']].append(i)
    rs = np.random.RandomState(1); diffs = []
    for _ in range(BOOT):
        idx = np.concatenate([by[repos[j]] for j in rs.randint(0, len(repos), len(repos))])
        diffs.append(ap(b[idx], tpos[idx]) - ap(a[idx], tpos[idx]))
    diffs = np.array(diffs)
    print(lang, f'{names[1]} − {names[0]} tech-value AP (blend {MIX}): {ap(b, tpos) - ap(a, tpos):+.3f}, 95% [{np.percentile(diffs, 2.5):+.3f}, {np.percentile(diffs, 97.5):+.3f}], higher in {100 * (diffs > 0).mean():.1f}% of {BOOT} repository resamples')
