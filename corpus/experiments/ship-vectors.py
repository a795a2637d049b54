# Writes the word vectors the sentence network starts from (corpus/vectors): the first VOCAB
# words of vectors.py's output, projected on their first DIM principal components, normalized,
# as int8 (× 127) with the word list beside them. Usage: python3 ship-vectors.py en|zh VOCAB DIM.
import numpy as np, os, sys
OUT = os.environ.get('EXP_DIR', '.cache/exp')
HERE = os.path.dirname(os.path.abspath(__file__))
lang, V, D = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
E = np.load(f'{OUT}/{lang}-E.npy')[:V]
words = [w for w in open(f'{OUT}/{lang}-vocab.txt').read().split('\n') if w][:V]
if D < E.shape[1]:
    U, S, VT = np.linalg.svd(E - E.mean(0), full_matrices=False)
    E = E @ VT[:D].T
E = E / (np.linalg.norm(E, axis=1, keepdims=True) + 1e-9)
dest = os.path.join(HERE, '..', 'vectors')
np.clip(np.round(E * 127), -127, 127).astype(np.int8).tofile(os.path.join(dest, f'{lang}.i8'))
open(os.path.join(dest, f'{lang}.words.txt'), 'w').write('\n'.join(words) + '\n')
print(lang, E.shape)
