# A convolutional sentence classifier over the word vectors of vectors.py, fitted per fold of the
# split export.mjs wrote (the held-out fold's repositories also leave the training-only rows), and
# its out-of-fold tech-value AP alone and averaged with the n-gram model's. Research only.
import json, sys, numpy as np, torch, torch.nn as nn, torch.nn.functional as F, time, os
torch.set_num_threads(2); torch.manual_seed(0); np.random.seed(0)
OUT=os.environ.get('EXP_DIR','.cache/exp')
lang=sys.argv[1]; EPOCHS=int(os.environ.get('EP',3)); ARCH=os.environ.get('ARCH','cnn'); FOLDS=os.environ.get('FOLDS')
sc=[json.loads(l) for l in open(f'{OUT}/{lang}-scored.jsonl')]
tr=[json.loads(l) for l in open(f'{OUT}/{lang}-train.jsonl')]
vocab=open(f'{OUT}/{lang}-vocab.txt').read().split('\n')
E0=np.load(f'{OUT}/{lang}-E.npy')
vocab=[v for v in vocab if v][:len(E0)]; E0=E0[:len(vocab)]
VMAX=int(os.environ.get('VMAX',len(vocab))); vocab=vocab[:VMAX]; E0=E0[:VMAX]
DIM=int(os.environ.get('DIM',E0.shape[1]))
if DIM<E0.shape[1]:
    U,S,VT=np.linalg.svd(E0-E0.mean(0),full_matrices=False); E0=(E0@VT[:DIM].T).astype(np.float32); E0/=np.linalg.norm(E0,axis=1,keepdims=True)+1e-9
NF=int(os.environ.get('NF',100)); WID=[int(x) for x in os.environ.get('WIDTHS','1,2,3,4').split(',')]
idx={w:i+2 for i,w in enumerate(vocab)}  # 0 pad, 1 unk
MAXLEN=80
def enc(t):
    ids=[idx.get(w,1) for w in t][:MAXLEN]
    return ids or [1]
def batchify(rows):
    L=max(len(r) for r in rows); L=max(L,5)
    x=np.zeros((len(rows),L),dtype=np.int64)
    for i,r in enumerate(rows): x[i,:len(r)]=r
    return torch.from_numpy(x)
class Net(nn.Module):
    def __init__(s):
        super().__init__()
        D=E0.shape[1]
        s.emb=nn.Embedding(len(vocab)+2,D,padding_idx=0)
        w=np.zeros((len(vocab)+2,D),dtype=np.float32); w[2:]=E0*3
        s.emb.weight.data.copy_(torch.from_numpy(w))
        if ARCH=='cnn':
            s.convs=nn.ModuleList([nn.Conv1d(D,NF,k,padding=k//2) for k in WID])
            s.out=nn.Linear(NF*len(WID),3)
        else:
            s.rnn=nn.LSTM(D,96,batch_first=True,bidirectional=True)
            s.out=nn.Linear(192*2,3)
        s.drop=nn.Dropout(0.4)
    def forward(s,x):
        m=(x>0).float().unsqueeze(-1)
        e=s.drop(s.emb(x))
        if ARCH=='cnn':
            h=e.transpose(1,2)
            hs=[]
            for c in s.convs:
                z=F.relu(c(h))[:,:,:x.shape[1]]
                z=z.masked_fill(m.transpose(1,2)==0,-1e4)
                hs.append(z.max(2).values)
            return s.out(s.drop(torch.cat(hs,1)))
        o,_=s.rnn(e)
        mx=o.masked_fill(m==0,-1e4).max(1).values
        mean=(o*m).sum(1)/m.sum(1)
        return s.out(s.drop(torch.cat([mx,mean],1)))
def ap(scores,pos):
    o=np.argsort(-np.asarray(scores)); p=np.asarray(pos)[o]; tp=np.cumsum(p); return float((tp/np.arange(1,len(p)+1))[p==1].sum()/p.sum())
X_sc=[enc(r['t']) for r in sc]; X_tr=[enc(r['t']) for r in tr]
oof=np.zeros((len(sc),3)); done=np.zeros(len(sc),bool)
folds=sorted(set(r['fold'] for r in sc)) if not FOLDS else [int(f) for f in FOLDS.split(',')]
t0=time.time()
for f in folds:
    held=set(r['repo'] for r in sc if r['fold']==f)
    tri=[(X_sc[i],sc[i]['y']) for i in range(len(sc)) if sc[i]['fold']!=f]+[(X_tr[i],tr[i]['y']) for i in range(len(tr)) if tr[i]['repo'] not in held]
    net=Net(); opt=torch.optim.Adam(net.parameters(),lr=1e-3)
    for ep in range(EPOCHS):
        net.train(); perm=np.random.permutation(len(tri))
        for s in range(0,len(perm),64):
            b=[tri[j] for j in perm[s:s+64]]
            x=batchify([r for r,_ in b]); y=torch.tensor([c for _,c in b])
            loss=F.cross_entropy(net(x),y)
            opt.zero_grad(); loss.backward(); opt.step()
    net.eval()
    te=[i for i in range(len(sc)) if sc[i]['fold']==f]
    with torch.no_grad():
        for s in range(0,len(te),256):
            ii=te[s:s+256]; p=F.softmax(net(batchify([X_sc[i] for i in ii])),1).numpy()
            oof[ii]=p; done[ii]=True
    print('fold',f,'t',round(time.time()-t0),flush=True)
pos=[r['label']=='TECH' for r in sc]
d=np.where(done)[0]
lr=np.array([r['lr']['tech'] for r in sc])
P=np.array(pos)
def rat(sc,pos,t):
    o=np.argsort(-np.asarray(sc)); p=np.asarray(pos)[o].astype(float); tp=np.cumsum(p); prec=tp/np.arange(1,len(p)+1); ok=(prec>=t)&(tp>=5); return float(tp[ok].max()/p.sum()) if ok.any() else 0.0
print('R@.88 lr',round(rat(lr[d],P[d],.88),3),'ens',round(rat(0.5*oof[d,1]+0.5*lr[d],P[d],.88),3),'R@.75 lr',round(rat(lr[d],P[d],.75),3),'ens',round(rat(0.5*oof[d,1]+0.5*lr[d],P[d],.75),3))
print(lang,ARCH,'EP',EPOCHS,'nn techAP',round(ap(oof[d,1],P[d]),3),'lr techAP',round(ap(lr[d],P[d]),3), 'avg', ' '.join(f'{a}:{ap(a*oof[d,1]+(1-a)*lr[d],P[d]):.3f}' for a in (0.3,0.5)))
np.save(f'{OUT}/{lang}-{ARCH}-{os.environ.get("TAG","")}oof.npy',oof)
