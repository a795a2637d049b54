# Word vectors from unlabeled text: co-occurrence in a ±4-word window, positive PMI (context
# distribution smoothed by 0.75), truncated SVD. Usage: python3 vectors.py en|zh VOCAB CONTEXTS.
import numpy as np, re, sys, scipy.sparse as sp
from scipy.sparse.linalg import svds
from collections import Counter
import os; OUT=os.environ.get('EXP_DIR','.cache/exp')
lang=sys.argv[1]; V=int(sys.argv[2]); C=int(sys.argv[3]); W=4
src=f'{OUT}/en.txt' if lang=='en' else f'{OUT}/zh.tok'
tokre=re.compile(r"[a-z][a-z0-9'\-]*[a-z0-9]|[a-z]")
def toks(line):
    if lang=='en': return tokre.findall(line.lower())+['<eol>']
    return line.split()+['<eol>']
cnt=Counter()
with open(src) as f:
    for line in f: cnt.update(toks(line))
print('types',len(cnt),'tokens',sum(cnt.values()),flush=True)
vocab=[w for w,c in cnt.most_common(V+1) if w!='<eol>'][:V]
idx={w:i for i,w in enumerate(vocab)}
M=sp.csr_matrix((V,V),dtype=np.float64)
buf=[]
def flush(buf):
    ids=np.array(buf,dtype=np.int64)
    rows=[];cols=[]
    for k in range(1,W+1):
        a=ids[:-k]; b=ids[k:]
        m=(a>=0)&(b>=0)
        rows.append(a[m]); cols.append(b[m]); rows.append(b[m]); cols.append(a[m])
    r=np.concatenate(rows); c=np.concatenate(cols)
    m=c<C
    return sp.coo_matrix((np.ones(m.sum()),(r[m],c[m])),shape=(V,V)).tocsr()
with open(src) as f:
    for line in f:
        for w in toks(line): buf.append(idx.get(w,-1) if w!='<eol>' else -1)
        if len(buf)>5_000_000: M=M+flush(buf); buf=[]
if buf: M=M+flush(buf)
M=M[:, :C].tocsr()
print('nnz',M.nnz,flush=True)
tot=M.sum(); rs=np.asarray(M.sum(1)).ravel(); cs=np.asarray(M.sum(0)).ravel()**0.75; cs=cs/cs.sum()
M=M.tocoo()
pmi=np.log(M.data/tot/( (rs[M.row]/tot)*cs[M.col] ))
keep=pmi>0
P=sp.csr_matrix((pmi[keep],(M.row[keep],M.col[keep])),shape=(V,C))
U,S,VT=svds(P,k=128)
E=U*np.sqrt(S)
E/=np.linalg.norm(E,axis=1,keepdims=True)+1e-9
np.save(f'{OUT}/{lang}-E.npy',E.astype(np.float32))
open(f'{OUT}/{lang}-vocab.txt','w').write('\n'.join(vocab)+'\n')
print('done',flush=True)
