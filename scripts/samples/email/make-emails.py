#!/usr/bin/env python3
"""Build the generated e-mail samples (FICTIONAL data written for Trove).

  samples/email/2015-07-14-basra-stringer.eml   text/plain; charset=windows-1256, quoted-printable
  samples/email/2015-07-28-partner-share.eml    multipart/mixed: text body, base64 text attachment,
                                                base64 PDF attachment (a tiny hand-built PDF)

Everything is written byte-for-byte by hand (no email.generator) so the
output is reproducible and the headers look like a real mail client's.
Usage: make-emails.py SRC_DIR OUT_DIR
"""
import base64, quopri, sys, os
from email.header import Header

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

def crlf(text):
    return text.replace('\r\n', '\n').replace('\n', '\r\n')

def b64lines(data):
    s = base64.b64encode(data).decode('ascii')
    return '\n'.join(s[i:i + 76] for i in range(0, len(s), 76))

# --- 1. windows-1256, quoted-printable -------------------------------------
body = open(os.path.join(src, 'basra-stringer.body.txt'), encoding='utf-8').read()
raw = body.encode('cp1256')            # fails loudly if a character is not in cp1256
assert raw.decode('cp1256') == body    # round trip
qp = quopri.encodestring(raw.replace(b'\n', b'\r\n')).decode('ascii')
qp = qp.replace('\r\n', '\n').replace('=0D\n', '\n')
from_name = Header('حيدر البصري', 'windows-1256').encode()
subject = Header('صرافة النخيل - معلومات (خاص)', 'windows-1256').encode()
msg = f"""Return-Path: <haidar.basra@example.net>
Received: from mail.example.net (mail.example.net [192.0.2.25])
	by mx.example.org with ESMTP id 7F3A21C0042
	for <leila.rahnavard@example.org>; Tue, 14 Jul 2015 09:31:12 +0000
Message-ID: <20150714123112.4411.haidar@mail.example.net>
Date: Tue, 14 Jul 2015 12:31:12 +0300
From: {from_name} <haidar.basra@example.net>
To: Leila Rahnavard <leila.rahnavard@example.org>
Subject: {subject}
X-Mailer: Microsoft Outlook Express 6.00.2900.5931
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1256
Content-Transfer-Encoding: quoted-printable

{qp.rstrip()}
"""
open(os.path.join(out, '2015-07-14-basra-stringer.eml'), 'wb').write(crlf(msg).encode('ascii'))

# --- 2. tiny PDF (text layer, Helvetica, one page) ---------------------------
def tiny_pdf(lines):
    content = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td']
    for ln in lines:
        esc = ln.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')
        content.append(f'({esc}) Tj T*')
    content.append('ET')
    stream = '\n'.join(content).encode('latin-1')
    objs = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R '
        b'/Resources << /Font << /F1 5 0 R >> >> >>',
        b'<< /Length ' + str(len(stream)).encode() + b' >>\nstream\n' + stream + b'\nendstream',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
        b'<< /Title (Timeline of the Zubaidi instalments - FICTIONAL SAMPLE) /Producer (make-emails.py) >>',
    ]
    pdf = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(pdf))
        pdf += f'{i} 0 obj\n'.encode() + o + b'\nendobj\n'
    xref = len(pdf)
    pdf += f'xref\n0 {len(objs) + 1}\n0000000000 65535 f \n'.encode()
    for off in offsets:
        pdf += f'{off:010d} 00000 n \n'.encode()
    pdf += (f'trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\n'
            f'startxref\n{xref}\n%%EOF\n').encode()
    return bytes(pdf)

pdf = tiny_pdf([
    'FICTIONAL SAMPLE - written for Trove; all people and events are invented.',
    '',
    'Harbor Post - timeline of the payments to MP Harith al-Zubaidi',
    '',
    '2014-10-18  Zaytoun mall, Baghdad: framework agreed, USD 16 million in 4 x 4 million',
    '2014-12-01  Instalment 1 (USD 4 million) via al-Nakhil exchange, Basra',
    '2014-12-04  Photo exhibition "Footsteps to Karbala": Zubaidi, al-Tamimi, Iranian officer',
    '2014-12-28  Instalment 2 (USD 4 million)',
    '2015-02-03  Instalment 3 (USD 4 million), cash from Umm Qasr to Karbala',
    '2015-04-29  Instalment 4 (USD 4 million) via al-Rawda exchange, Beirut (hawala)',
    '',
    'Sources: reports 1393/07/28, 1393/09/14, 1393/10/22, 1393/11/18, 1394/02/08, 1394/03/10;',
    'cables 14BAGHDAD1911, 15BASRAH31, 15BEIRUT388.',
])

# --- 3. multipart/mixed ------------------------------------------------------
text = open(os.path.join(src, 'partner-share.body.txt'), encoding='utf-8').read()
att = open(os.path.join(src, 'name-variants.txt'), encoding='utf-8').read().encode('utf-8')
boundary = '----=_Part_20150728_5512_trove'
msg = f"""Return-Path: <i.okoro@example.net>
Message-ID: <CAF7tq0x9Lw3=partner.share@mail.example.net>
Date: Tue, 28 Jul 2015 17:02:45 +0100
From: Ines Okoro <i.okoro@example.net>
To: Leila Rahnavard <leila.rahnavard@example.org>
Cc: Tom Castellan <tom.castellan@example.org>
Subject: Partner share: name variants + instalment timeline
In-Reply-To: <55B0F1A2.9030104@example.org>
References: <55ACB3E1.3010507@example.org> <55B0F1A2.9030104@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="{boundary}"

This is a multi-part message in MIME format.

--{boundary}
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

{text.rstrip()}

--{boundary}
Content-Type: text/plain; charset=utf-8; name="name-variants.txt"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="name-variants.txt"

{b64lines(att)}

--{boundary}
Content-Type: application/pdf; name="timeline.pdf"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="timeline.pdf"

{b64lines(pdf)}

--{boundary}--
"""
open(os.path.join(out, '2015-07-28-partner-share.eml'), 'wb').write(crlf(msg).encode('utf-8'))
print('make-emails.py: wrote 2 messages to', out)
