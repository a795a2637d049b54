# k-means (cosine) over the word vectors; writes {lang}-clusters.json: word -> cluster id per K.
# Usage: python3 clusters.py en|zh 64,256,1024
import numpy as np, sys, json
import os; OUT=os.environ.get('EXP_DIR','.cache/exp')
lang=sys.argv[1]; Ks=[int(k) for k in sys.argv[2].split(',')]
E=np.load(f'{OUT}/{lang}-E.npy'); vocab=open(f'{OUT}/{lang}-vocab.txt').read().split('\n')[:len(E)]
res={}
for K in Ks:
    rng=np.random.default_rng(0)
    Cn=E[rng.choice(len(E),K,replace=False)].copy()
    for it in range(25):
        a=np.empty(len(E),dtype=np.int64)
        for s in range(0,len(E),10000):
            a[s:s+10000]=np.argmax(E[s:s+10000]@Cn.T,axis=1)
        for k in range(K):
            m=a==k
            if m.any(): c=E[m].mean(0); Cn[k]=c/(np.linalg.norm(c)+1e-9)
    res[K]=a
    # sample
    for k in [0,1,2,3,4,5,6,7]:
        print(K,k,' '.join(vocab[i] for i in np.where(a==k)[0][:15]))
json.dump({w:[int(res[K][i]) for K in Ks] for i,w in enumerate(vocab)},open(f'{OUT}/{lang}-clusters.json','w'))
