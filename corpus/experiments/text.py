# The Markdown prose of every fetched repository snapshot except the scored and reserved ones,
# one paragraph per line, split by script into en.txt / zh.txt (unlabeled text for vectors.py).
# Usage: python3 text.py [bytes per repository]. Research only.
import os, re, subprocess, sys, random
M=os.environ.get('MIRRORS','/work/.mirror'); OUT=os.environ.get('EXP_DIR','.cache/exp')
scored=set(l.strip() for l in open(os.path.join(OUT,'scored-repos.txt')) if l.strip())
HERE=os.path.dirname(os.path.abspath(__file__))
RES=[l.strip().lower().replace('/*','/') for l in open(os.path.join(HERE,'..','reserved.txt')) if l.strip() and not l.startswith('#')]
def reserved(r):
    for p in RES:
        if p.endswith('/'):
            if r.startswith(p): return True
        elif r==p or r.startswith(p+'-'): return True
    return False
CAP=int(sys.argv[1]) if len(sys.argv)>1 else 2_000_000
out={'en':open(os.path.join(OUT,'en.txt'),'w'),'zh':open(os.path.join(OUT,'zh.txt'),'w')}
n=0; skipped=0
cjk=re.compile(r'[\u4e00-\u9fff]')
for d in sorted(os.listdir(M)):
    repo=d.replace('+','/',1).lower()
    if repo in scored or reserved(repo): skipped+=1; continue
    g=os.path.join(M,d,'repo')
    if not os.path.isdir(g): continue
    try:
        ls=subprocess.run(['git','--git-dir',g,'ls-tree','-r','-l','HEAD'],capture_output=True,text=True,timeout=60).stdout.splitlines()
    except Exception: continue
    files=[]
    for l in ls:
        meta,path=l.split('\t',1)
        parts=meta.split()
        if len(parts)<4 or parts[1]!='blob' or parts[3]=='-': continue
        if not re.search(r'\.(md|mdx|markdown|rst|txt)$',path,re.I): continue
        if not parts[3].isdigit(): continue
        sz=int(parts[3])
        if sz<200 or sz>400_000: continue
        files.append((path,parts[2]))
    random.Random(repo).shuffle(files)
    got=0
    p=subprocess.Popen(['git','--git-dir',g,'cat-file','--batch'],stdin=subprocess.PIPE,stdout=subprocess.PIPE)
    for path,oid in files:
        if got>=CAP: break
        p.stdin.write((oid+'\n').encode()); p.stdin.flush()
        hdr=p.stdout.readline().split()
        if len(hdr)<3: continue
        data=p.stdout.read(int(hdr[2])); p.stdout.read(1)
        t=data.decode('utf8','ignore')
        t=re.sub(r'^---\n.*?\n---\n','',t,flags=re.S)
        t=re.sub(r'```.*?```','\n',t,flags=re.S)
        t=re.sub(r'<[^>]+>',' ',t)
        t=re.sub(r'!?\[([^\]]*)\]\([^)]*\)',r'\1',t)
        t=re.sub(r'https?://\S+',' ',t)
        for para in re.split(r'\n\s*\n',t):
            para=' '.join(x.strip().lstrip('#>*-+|').strip() for x in para.splitlines())
            if len(para)<20: continue
            lang='zh' if len(cjk.findall(para))>len(para)*0.2 else 'en'
            out[lang].write(para+'\n'); got+=len(para)
    p.stdin.close(); p.wait()
    n+=1
print('repos',n,'skipped',skipped)
