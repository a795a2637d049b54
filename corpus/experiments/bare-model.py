# Research (twentieth session): the judgment's out-of-fold ranking on the rows of the bare-sentence
# pass (corpus/BARE_PASS_BRIEF.md, corpus/tools/bare.mjs), beside the bare reader's own figures.
# Needs seq-export.mjs's {lang}-seq-scored.jsonl and {lang}-ids.txt (the rows' ids in the same
# order) and optionally a saved
# network's held-out probabilities ({lang}-{TAG}-parts.npy from seq.py, averaged in at 0.4).
#   python3 corpus/experiments/bare-model.py en [cnn]
import glob, json, os, sys
import numpy as np
from seqscore import load_scored, row_scores, recall_at, ap

lang = sys.argv[1]; tag = sys.argv[2] if len(sys.argv) > 2 else None
D = os.environ.get('EXP_DIR', '.cache/exp')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
sc = load_scored(D, lang)
ids = open(f'{D}/{lang}-ids.txt').read().split()
probs = np.load(f'{D}/{lang}-{tag}-parts.npy') if tag else None
tech, vague = row_scores(sc, probs, 0.4)
bare = {}
for f in sorted(glob.glob(f'{ROOT}/corpus/agreement/bare/out/{lang}-*.jsonl')):
    for l in open(f, encoding='utf8'):
        if l.strip(): r = json.loads(l); bare[r['id']] = r
idx = [i for i, x in enumerate(ids) if x in bare]
gold = np.array([sc[i]['label'] for i in idx]); rb = np.array([bare[ids[i]]['label'] for i in idx])
unclear = np.array(['unclear' in bare[ids[i]].get('note', '') for i in idx])
t = tech[idx]; g = gold == 'TECH'; b = rb == 'TECH'
p_bare = (g & b).sum() / max(b.sum(), 1); r_bare = (g & b).sum() / g.sum()
print(f'{lang}: {len(idx)} rows, {g.sum()} TECH; bare reader tech-value P {p_bare:.2f} R {r_bare:.2f}; rows marked unclear role {unclear.sum()} (TECH among them {(g & unclear).sum()})')
print(f'  judgment out of fold on the same rows ({"n-gram + " + tag if tag else "n-gram alone"}): tech AP {ap(t, g):.3f}; '
      f'R at P 0.88 {recall_at(t, g, .88):.2f}, at the bare reader\'s P {p_bare:.2f}: {recall_at(t, g, p_bare):.2f} (best cut on these rows: optimistic)')
sel = g & b
print(f'  TECH rows the bare reader also calls TECH ({sel.sum()}): mean rank percentile of the judgment {np.mean([(t < t[i]).mean() for i in np.where(sel)[0]]):.2f}; '
      f'TECH rows it does not ({(g & ~b).sum()}): {np.mean([(t < t[i]).mean() for i in np.where(g & ~b)[0]]):.2f}')
# The judgment's precision-recall if only bare-readable TECH rows count as positives (the others dropped).
keep = ~(g & ~b)
print(f'  judgment with the TECH rows the bare reader misses left out: tech AP {ap(t[keep], sel[keep]):.3f}, R at P 0.88 {recall_at(t[keep], sel[keep], .88):.2f}')
