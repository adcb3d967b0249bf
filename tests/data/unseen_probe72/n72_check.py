import json, glob, re, sys, os
IDS = {"security_guarantees","territory","nato","eu_membership","reconstruction","zaporizhzhia_npp",
       "armed_forces","frozen_assets","ceasefire","sanctions_economy","accountability","process"}
PARTIES = {"United States","Ukraine","Russia","Europe",None}
def norm(s): return re.sub(r'\s+',' ',s)
bad = 0
for jf in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)),'n72_*.json'))):
    g = json.load(open(jf))
    art = os.path.join(os.path.dirname(jf), g['article'])
    text = norm(open(art, encoding='utf-8').read())
    pos = 0
    for i,q in enumerate(g['quotes']):
        t = norm(q['text'])
        k = text.find(t, pos)
        if k < 0:
            k2 = text.find(t)
            print(f"{g['article']} Q{i}: {'NOT FOUND' if k2<0 else 'OUT OF ORDER'}: {t[:70]}"); bad += 1
        else:
            pos = k + 1
        if not q['issues'] or any(x not in IDS for x in q['issues']) or len(q['issues'])>3:
            print(f"{g['article']} Q{i}: bad issues {q['issues']}"); bad += 1
        if q['party'] not in PARTIES: print(f"{g['article']} Q{i}: bad party {q['party']}"); bad += 1
        if q['kind'] not in ("full","fragment"): print("bad kind", i); bad += 1
    for j,e in enumerate(g['events']):
        if any(x not in IDS for x in e['issues']): print(f"{g['article']} E{j}: bad issues {e['issues']}"); bad += 1
        if e['basis'] not in ('stated','relative'): print("bad basis", j); bad += 1
        if e['date'] is not None and not re.fullmatch(r'\d{4}(-\d{2}(-\d{2})?)?', e['date']): print("bad date", e['date']); bad += 1
    # candidate quotes in text, >=3 words, to spot omissions
    gold = [norm(q['text']) for q in g['quotes']]
    cands = re.findall(r'"([^"]+)"|“([^”]+)”|«([^»]+)»|(?<![A-Za-z])‘(.+?)’(?![A-Za-z])', text)
    for c in cands:
        c = next(x for x in c if x)
        if len(c.split()) >= 3 and not any(c in x or x in c for x in gold):
            print(f"{g['article']}: candidate not in gold: {c[:80]}")
    nw = len(open(art, encoding='utf-8').read().split())
    print(f"{g['article']}: {len(g['quotes'])} quotes, {len(g['events'])} events, {nw} words")
print("FAILURES:", bad)
