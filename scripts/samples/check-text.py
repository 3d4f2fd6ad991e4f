#!/usr/bin/env python3
"""Text-level checks of the FICTIONAL sample archive (written for Trove).

Usage: check-text.py SAMPLES_DIR SCRIPTS_SAMPLES_DIR REPO_ROOT
Prints one line per check and the document count; exits 1 on failure.
"""
import email, email.policy, io, json, mailbox, os, re, subprocess, sys, tarfile, zipfile

S, HERE, ROOT = sys.argv[1:4]
MARK = 'FICTIONAL SAMPLE — written for Trove; all people and events are invented.'
MARK_ASCII = 'FICTIONAL SAMPLE - written for Trove'
FA_MARK = 'نمونهٔ ساختگی'
failed = False


def ok(msg):
    print('ok    ' + msg)


def bad(msg):
    global failed
    failed = True
    print('FAIL  ' + msg)


def rel(p):
    return os.path.relpath(p, S)


# ---------------------------------------------------------------- decoding
def decode(path, data):
    """Decode a text sample the way its README entry says it is encoded."""
    if data.startswith(b'\xff\xfe'):
        return data[2:].decode('utf-16-le')
    if path.endswith('.cp1256.txt'):
        return data.decode('cp1256')
    if path.endswith('15BAGHDAD87.txt'):
        return data.decode('cp1252')
    return data.decode('utf-8')


# ---------------------------------------------------------------- documents
docs = []          # (name, text) for every document, archive members and mbox messages included


def add_members():
    z = zipfile.ZipFile(os.path.join(S, 'archives/batch-1394-04.zip'))
    for n in z.namelist():
        if not n.endswith('/'):
            docs.append(('archives/batch-1394-04.zip!' + n, decode(n, z.read(n))))
    t = tarfile.open(os.path.join(S, 'archives/partner-share-2015-07.tar.gz'))
    for m in t.getmembers():
        if m.isfile():
            docs.append(('archives/partner-share-2015-07.tar.gz!' + m.name,
                         decode(m.name, t.extractfile(m).read())))


def message_text(msg):
    parts = []
    for p in msg.walk():
        if p.get_content_type().startswith('text/'):
            parts.append(p.get_content())
    return '\n'.join(parts)


for d, _, fs in os.walk(S):
    for f in sorted(fs):
        p = os.path.join(d, f)
        r = rel(p)
        if r == 'README.md':
            continue
        data = open(p, 'rb').read()
        if f.endswith(('.txt', '.md', '.html')):
            docs.append((r, decode(p, data)))
        elif f.endswith('.eml'):
            m = email.message_from_bytes(data, policy=email.policy.default)
            docs.append((r, message_text(m)))
        elif f.endswith('.mbox'):
            for i, m in enumerate(mailbox.mbox(p, factory=lambda fp: email.message_from_binary_file(fp, policy=email.policy.default))):
                docs.append((f'{r}#{i + 1}', message_text(m)))
        elif f.endswith('.docx'):
            xml = zipfile.ZipFile(p).read('word/document.xml').decode('utf-8')
            docs.append((r, re.sub(r'<[^>]+>', ' ', xml)))
        elif f.endswith(('.pdf', '.jpg')):
            docs.append((r, None))   # checked by check-samples.sh
        elif f.endswith(('.zip', '.tar.gz')):
            pass                      # counted through their members
        else:
            bad(f'unexpected file {r}')
add_members()

# ---------------------------------------------------------------- markers
for name, text in docs:
    if text is None:
        continue
    if MARK not in text and MARK_ASCII not in text:
        bad(f'marker missing: {name}')
missing_fa = [n for n, t in docs if t and ('/fa/' in n) and FA_MARK not in t]
if missing_fa:
    bad(f'Persian marker missing: {missing_fa}')
ok(f'fictional marker present in all {sum(1 for _, t in docs if t is not None)} text documents')

# ---------------------------------------------------------------- report pairs
FA_DIGITS = str.maketrans('۰۱۲۳۴۵۶۷۸۹', '0123456789')
pairs = []
fa_dir, en_dir = os.path.join(S, 'reports/fa'), os.path.join(S, 'reports/en')
for f in sorted(os.listdir(fa_dir)):
    stem = f[:-len('.fa.txt')]
    pairs.append((stem, open(os.path.join(fa_dir, f), encoding='utf-8').read(),
                  open(os.path.join(en_dir, stem + '.en.txt'), encoding='utf-8').read()
                  if os.path.exists(os.path.join(en_dir, stem + '.en.txt')) else None))
for f in os.listdir(en_dir):
    if not os.path.exists(os.path.join(fa_dir, f.replace('.en.txt', '.fa.txt'))):
        bad(f'translation without original: {f}')
zsrc = os.path.join(HERE, 'archives/batch-1394-04/reports')
for f in sorted(os.listdir(os.path.join(zsrc, 'fa'))):
    stem = f[:-len('.fa.txt')]
    pairs.append(('zip:' + stem, open(os.path.join(zsrc, 'fa', f), encoding='utf-8').read(),
                  open(os.path.join(zsrc, 'en', stem + '.en.txt'), encoding='utf-8').read()))

MIXED = {'report-1393-08-20-najaf', 'report-1393-11-18-basra'}
jalali_pairs = []   # (jalali 'y/m/d', gregorian 'YYYY-MM-DD', where)
for stem, fa, en in pairs:
    if en is None:
        bad(f'{stem}: no translation')
        continue
    fa_nums = [int(m.translate(FA_DIGITS)) for m in re.findall(r'^([۰-۹]+)- ', fa, re.M)]
    en_nums = [int(m) for m in re.findall(r'^(\d+)\. ', en, re.M)]
    if fa_nums != en_nums or fa_nums != list(range(1, len(fa_nums) + 1)):
        bad(f'{stem}: paragraphs fa={fa_nums} en={en_nums}')
    for field in ['تاریخ:', 'شماره:', 'طبقه\u200cبندی:', 'موضوع:', 'از:', 'به:']:
        if not re.search('^' + field, fa, re.M):
            bad(f'{stem}: Persian field {field} missing')
    for field in ['Date:', 'Number:', 'Classification:', 'Subject:', 'From:', 'To:', 'Translated by:']:
        if not re.search('^' + field, en, re.M):
            bad(f'{stem}: English field {field} missing')
    fa_date = re.search(r'^تاریخ: ([۰-۹/]+)', fa, re.M).group(1).translate(FA_DIGITS)
    m = re.search(r'^Date: (\d{4}/\d\d/\d\d) \((\d{4}-\d\d-\d\d)\)', en, re.M)
    if not m or m.group(1) != fa_date:
        bad(f'{stem}: Date line differs from the original ({fa_date})')
    if '\u200c' not in fa:
        bad(f'{stem}: no ZWNJ')
    body = fa.split('\n', 2)[2]
    has_arabic = bool(re.search('[\u064a\u0643]', body))
    if has_arabic != (stem.replace('zip:', '') in MIXED):
        bad(f'{stem}: Arabic ي/ك presence {has_arabic} unexpected')
    if re.search('[\u0660-\u0669]', fa):
        bad(f'{stem}: Arabic-Indic digits in a Persian report')
    for j, g in re.findall(r'(1[34]\d\d/\d\d/\d\d) \((\d{4}-\d\d-\d\d)', en):
        jalali_pairs.append((j, g, stem))
ok(f'{len(pairs)} Persian/English report pairs: fields, numbering and paragraph counts match')
ok(f'ZWNJ in every Persian report; Arabic ي/ك only in {sorted(MIXED)}')

# every "1393/07/15 (2014-10-07)" style pair anywhere in the English texts
for name, text in docs:
    if text and not name.startswith('reports/'):
        for j, g in re.findall(r'(1[34]\d\d/\d\d/\d\d) \((\d{4}-\d\d-\d\d)', text):
            jalali_pairs.append((j, g, name))
js = ("const j=require(process.argv[1]);const ps=JSON.parse(require('fs').readFileSync(0,'utf8'));"
      "console.log(JSON.stringify(ps.map(([d])=>{const [y,m,dd]=d.split('/').map(Number);"
      "const g=j.toGregorian(y,m,dd);return `${g.gy}-${String(g.gm).padStart(2,'0')}-${String(g.gd).padStart(2,'0')}`})))")
try:
    res = subprocess.run(['node', '-e', js, os.path.join(ROOT, 'node_modules/jalaali-js')],
                         input=json.dumps(jalali_pairs), capture_output=True, text=True, check=True)
    conv = json.loads(res.stdout)
    wrong = [(j, g, c, w) for (j, g, w), c in zip(jalali_pairs, conv) if g != c]
    if wrong:
        bad(f'Jalali conversions wrong: {wrong}')
    else:
        ok(f'{len(jalali_pairs)} Jalali→Gregorian dates agree with jalaali-js')
except (OSError, subprocess.CalledProcessError) as e:
    print(f'skip  Jalali check (node/jalaali-js unavailable: {e})')

# ---------------------------------------------------------------- cables
cable_files = {f[:-4]: os.path.join(S, 'cables', f) for f in os.listdir(os.path.join(S, 'cables'))}
cable_ids = set(cable_files) | {'15BAGHDAD702', '15ERBIL133', '15BAGHDAD455'}
for cid, p in sorted(cable_files.items()):
    data = open(p, 'rb').read()
    t = decode(p, data)
    yy, post, num = re.match(r'(\d\d)([A-Z]+)(\d+)$', cid).groups()
    need = [r'^VZCZC', r'^DE RUEH[A-Z]{2} #\d{4}', r'^ZNY [CS]{5} ZZH', r'^R \d{6}Z [A-Z]{3} ' + yy,
            r'^FM AM', r'^TO RUEHC/SECSTATE WASHDC', r'^INFO ', r'^SIPDIS', r'^E\.O\. 1\d{4}: DECL:',
            r'^TAGS: ', r'^SUBJECT: ', r'^Classified By: ', r'Reasons\s+1\.4\s+\(b\)\s+and\s+\(d\)',
            rf'^(C O N F I D E N T I A L|S E C R E T)( SECTION 01 OF 0\d)? {post} {int(num):06d}',
            r'^(¶)?1\. \((C|S/NF|C/NF|SBU)\) ']
    for n in need:
        if not re.search(n, t, re.M):
            bad(f'{cid}: header pattern {n!r} missing')
if b'\r\n' in open(cable_files['15BAGHDAD87'], 'rb').read() and b'\xb6' in open(cable_files['15BAGHDAD87'], 'rb').read():
    try:
        open(cable_files['15BAGHDAD87'], 'rb').read().decode('utf-8')
        bad('15BAGHDAD87 decodes as UTF-8 (should be Windows-1252)')
    except UnicodeDecodeError:
        ok('15BAGHDAD87: Windows-1252, CRLF, ¶ as 0xB6')
else:
    bad('15BAGHDAD87: not CRLF / no 0xB6')
ok(f'{len(cable_files)} cables in cables/: routing header, classification line, SIPDIS, E.O., TAGS, SUBJECT, Classified By, paragraphs')

# references between sample cables
refs = []
for name, text in docs:
    if text and ('cables/' in name or 'plusd' in name or '.zip!cables' in name or '.tar.gz!' in name):
        for block in re.findall(r'^REF: .*?(?=\n\n)', text, re.M | re.S):
            for yy, post, num in re.findall(r'(?:(\d\d) )?([A-Z]{4,}) (\d+)', block):
                refs.append((name, (yy or name.split('/')[-1][:2]) + post + num))
resolved = [r for r in refs if r[1] in cable_ids]
ok(f'{len(refs)} REF citations, {len(resolved)} resolve to sample cables '
   f'(unresolved on purpose: {sorted({r[1] for r in refs if r[1] not in cable_ids})})')

# ---------------------------------------------------------------- encodings
raw = open(os.path.join(S, 'encodings/note-1393-10-05-najaf.cp1256.txt'), 'rb').read()
src = open(os.path.join(HERE, 'encodings/note-1393-10-05-najaf.utf8.txt'), encoding='utf-8').read()
if raw.decode('cp1256') == src and raw.decode('cp1256').encode('cp1256') == raw:
    ok('cp1256 note: round trip exact, contains پ چ ژ گ: ' +
       str(all(c in src for c in 'پچژگ')))
else:
    bad('cp1256 note round trip')
raw = open(os.path.join(S, 'encodings/contacts-karbala-office.utf16le.txt'), 'rb').read()
if raw[:2] == b'\xff\xfe' and 'التميمي' in raw[2:].decode('utf-16-le'):
    ok('UTF-16LE contacts: BOM FF FE, decodes')
else:
    bad('UTF-16LE contacts')

# ---------------------------------------------------------------- e-mail specifics
basra = email.message_from_bytes(open(os.path.join(S, 'email/2015-07-14-basra-stringer.eml'), 'rb').read(),
                                 policy=email.policy.default)
if basra.get_content_charset() == 'windows-1256' and basra['Content-Transfer-Encoding'] == 'quoted-printable' \
        and 'التميمي' in basra.get_content():
    ok('windows-1256 quoted-printable e-mail decodes')
else:
    bad('windows-1256 e-mail')
share = email.message_from_bytes(open(os.path.join(S, 'email/2015-07-28-partner-share.eml'), 'rb').read(),
                                 policy=email.policy.default)
atts = [(p.get_filename(), p.get_content_type(), p['Content-Transfer-Encoding']) for p in share.iter_attachments()]
if share.get_content_type() == 'multipart/mixed' and ('name-variants.txt', 'text/plain', 'base64') in atts \
        and ('timeline.pdf', 'application/pdf', 'base64') in atts:
    ok(f'multipart/mixed e-mail: attachments {atts}')
else:
    bad(f'multipart e-mail attachments {atts}')
mb = open(os.path.join(S, 'email/partner-thread-2015.mbox'), 'rb').read()
n = len(re.findall(rb'^From ', mb, re.M))
if n >= 4 and re.search(rb'^>From ', mb, re.M):
    ok(f'mbox: {n} messages, one >From escape')
else:
    bad('mbox')
html = open(os.path.join(S, 'web/euphrates-observer-2014-12-05-karbala-exhibition.html'), encoding='utf-8').read()
visible = re.sub(r'<(script|style)\b.*?</\1>', ' ', html, flags=re.S)
if 'trackerpixelword' in html and 'trackerpixelword' not in visible and 'onclick=' in html:
    ok('HTML: trackerpixelword only inside <script>, inline handler present')
else:
    bad('HTML script word')

# ---------------------------------------------------------------- leftovers and count
for name, text in docs:
    if text and '^' in text and not name.endswith('.html'):
        bad(f'stray ^ (ZWNJ placeholder) in {name}')
print(f'documents: {len(docs)}')
if len(docs) < 45:
    bad('fewer than 45 documents')
sys.exit(1 if failed else 0)
