# Research (nineteenth session): the held-out sentence probabilities seq.py saved for several
# readers (ARCH[TAG]), averaged together and then with the n-gram model at share MIX (0.4):
#   python3 seq-combine.py zh cnn gru
# Prints the same figures as seq.py, for each reader alone and for their mean; BOOT=n also compares
# the first two readers' tech-value AP on n resamples of the repositories (paired).
import os, sys
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seqscore import ap, load_scored, row_scores, summary

DIR = os.environ.get('EXP_DIR', '.cache/exp')
MIX = float(os.environ.get('MIX', 0.4))
lang, names = sys.argv[1], sys.argv[2:]
sc = load_scored(DIR, lang)
n_parts = sum(len(r['parts']) for r in sc)

loaded = {}
for name in names:
    runs = np.load(f'{DIR}/{lang}-{name}-parts.npy').reshape(-1, n_parts, 3)  # one block per seed
    loaded[name] = runs.mean(0)
    print(lang, name, f'({runs.shape[0]} seed(s)) blend {MIX}:', summary(sc, *row_scores(sc, loaded[name], MIX)))
mean = np.mean(list(loaded.values()), 0)
for mix in (MIX, 0.5, 0.6):
    print(lang, '+'.join(names), f'mean, blend {mix}:', summary(sc, *row_scores(sc, mean, mix)))

BOOT = int(os.environ.get('BOOT', 0))
if BOOT and len(names) >= 2:
    tpos = np.array([r['label'] == 'TECH' for r in sc])
    a, b = (row_scores(sc, loaded[n], MIX)[0] for n in names[:2])
    repos = sorted(set(r['repo'] for r in sc)); by = {q: [] for q in repos}
    for i, r in enumerate(sc): by[r['repo']].append(i)
    rs = np.random.RandomState(1); diffs = []
    for _ in range(BOOT):
        idx = np.concatenate([by[repos[j]] for j in rs.randint(0, len(repos), len(repos))])
        diffs.append(ap(b[idx], tpos[idx]) - ap(a[idx], tpos[idx]))
    diffs = np.array(diffs)
    print(lang, f'{names[1]} − {names[0]} tech-value AP (blend {MIX}): {ap(b, tpos) - ap(a, tpos):+.3f}, 95% [{np.percentile(diffs, 2.5):+.3f}, {np.percentile(diffs, 97.5):+.3f}], higher in {100 * (diffs > 0).mean():.1f}% of {BOOT} repository resamples')
