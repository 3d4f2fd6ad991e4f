import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Cable, ParseInput } from "../../src/model/cable.js";
import { crestParser, reconcileSubject } from "../../src/parse/crest.js";
import { corpusPath } from "../helpers/corpus.js";
import { extractForTest } from "../helpers/extract.js";

function input(text: string, name = "memo_djvu.txt"): ParseInput {
  return { text, name, type: "text", metadata: {} };
}

function assertTraceable(cable: Cable, text: string): void {
  for (const paragraph of cable.paragraphs) assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
}

// A look-alike of archive.org's OCR of a DCI memorandum: stamps with stray spaces, blank lines between
// lines, stacked SUBJECT and REFERENCE labels, `l958` for 1958, `Z.` for 2., `SECRFT` for SECRET.
const MEMO = `j^ 

Approved For Release 2004/05/12 : CIA-RDP80B01676R0007 00120031-4 


12 June l958 


MEMORANDUM FOR: Deputy Director (Plans) 


SUBJECT 


REFERENCE 


(1) Travel of the Budget Staff 
to Field Stations 

(2) Accounting for Gifts 

Memo from DD/S dated 2 June 1958 


STAT 


1. The Budget Staff has asked to visit three stations this summer 
and to see their books. 

Z. Gifts of cologne and saffron must be recorded. 


^Allen W. Example 
Inspector General 


SECRFT 

Approved For Release 2004/05/12 : CIA-RDP80B01676R000700120031-4 
`;
const MEMO_NAME = "(1) TRAVEL OF THE BUDGET STAFF TO FIELD STATIONS (2) ACCOUNTING FOR RDP80B01676R000700120031-4_djvu.txt";

const CABLE = `CENTRAL INTELLIGENCE AGENCY 

Intelligence Information Cable 

ROUTINE 

PAGE 1 OF 1 PAGES 

DIST 3 MARCH 1966 

COUNTRY EXAMPLELAND 

SUBJECT 

PLANS OF THE OPPOSITION FOR A GENERAL STRIKE 

SOURCE A MEMBER OF THE OPPOSITION 

1. THE OPPOSITION PLANS A STRIKE FOR APRIL. 

CONFIDENTIAL 
`;

describe("crestParser on a DCI memorandum", () => {
  const cable = crestParser.parse(input(MEMO, MEMO_NAME));

  it("reads the RDP number through OCR's spaces, and the memo's date through OCR's digits", () => {
    assert.equal(cable.layout, "crest");
    assert.equal(cable.reference, "CIA-RDP80B01676R000700120031-4");
    assert.deepEqual({ text: cable.date?.text, iso: cable.date?.iso }, { text: "12 June l958", iso: "1958-06-12" });
    assert.equal(MEMO.slice(cable.date!.start, cable.date!.end), "12 June l958");
    assert.deepEqual(cable.otherDates.map((date) => date.iso), ["1958-06-02", "2004-05-12"]);
  });

  it("reads MEMORANDUM FOR, a SUBJECT below stacked labels, and the office under the signature", () => {
    assert.deepEqual(cable.to, ["Deputy Director (Plans)"]);
    assert.equal(cable.subject, "(1) Travel of the Budget Staff to Field Stations (2) Accounting for Gifts");
    assert.equal(cable.origin, "Inspector General");
    assert.equal(cable.signer, "Allen W. Example");
  });

  it("reads a classification banner within one OCR error, and numbered paragraphs", () => {
    assert.equal(cable.classification, "SECRET");
    assert.equal(cable.classificationLevel, "SECRET");
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.number), ["1", "2"]);
    assertTraceable(cable, MEMO);
    assert.deepEqual(cable.warnings, []);
  });

  it("has no addressee for a memorandum for the record", () => {
    assert.deepEqual(crestParser.parse(input(MEMO.replace("MEMORANDUM FOR: Deputy Director (Plans)", "MEMORANDUM FOR THE RECORD"), MEMO_NAME)).to, []);
  });
});

describe("crestParser on an Intelligence Information Cable", () => {
  it("takes the Agency as origin, the DIST date, and the reading-room number from the file name", () => {
    const cable = crestParser.parse(input(CABLE, "PLANS OF THE OPPOSITION FOR A GENERAL STRIKE DOC_0001234567_djvu.txt"));
    assert.equal(cable.reference, "DOC_0001234567");
    assert.equal(cable.origin, "CENTRAL INTELLIGENCE AGENCY");
    assert.equal(cable.date?.iso, "1966-03-03");
    assert.equal(cable.subject, "PLANS OF THE OPPOSITION FOR A GENERAL STRIKE");
    assert.equal(cable.classification, "CONFIDENTIAL");
  });
});

describe("reconciling an OCR subject with the catalogue title", () => {
  it("mends OCR damage from the title but keeps the text's short words", () => {
    assert.equal(
      reconcileSubject("(l) Organisatlon of the Staff (2) Request of Consultamts", "(1) ORGANIZATION OF THE STAFF (2) REQUEST ON CONSULTANTS"),
      "(1) ORGANIZATION of the Staff (2) Request of CONSULTANTS",
    );
  });

  it("completes a title cut short from the text, and drops OCR junk past its end", () => {
    assert.equal(reconcileSubject("(1) Handling of Mail (2) Handling of Congressional Mail", "(1) HANDLING OF MAIL (2) HANDLING OF"), "(1) Handling of Mail (2) Handling of Congressional Mail");
    assert.equal(reconcileSubject("CUBAN PROMISE TO STE F_ W PACE ACliVnY ■", "CUBAN PROMISE TO STEP UP PACE ACTIVITY"), "CUBAN PROMISE TO STEP UP PACE ACTIVITY");
    assert.equal(reconcileSubject(undefined, "TITLE ONLY"), "TITLE ONLY");
  });
});

describe("crestParser on damaged input", () => {
  it("warns of what it cannot read, without throwing", () => {
    const cable = crestParser.parse(input("MEMORANDUM FOR: Director\n\nSUBJECT: Nothing much\n", "memo.txt"));
    assert.equal(cable.reference, undefined);
    assert.equal(cable.subject, "Nothing much");
    assert.ok(cable.warnings.includes("no CIA-RDP number in the release stamps or the file name"));
    assert.ok(cable.warnings.includes("no date legible"));
  });

  it("keeps an impossible date as written, with a warning", () => {
    const cable = crestParser.parse(input(MEMO.replace("12 June l958", "31 June l958"), MEMO_NAME));
    assert.equal(cable.date?.text, "31 June l958");
    assert.equal(cable.date?.iso, undefined);
    assert.ok(cable.date?.warning);
  });

  it("never throws on OCR noise", () => {
    const token = fc.constantFrom("SUBJECT", "SUBJECT: ", "MEMORANDUM FOR", " THE RECORD", "\n", "\n\n", "(1) ", "Z. ", "1. ", "CIA-RDP80B0", "1676R0031 00300023-2", "12 June l958", "I 96 Z", "Inspector General", "^Name Here", "SECRFT", "■", "x");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join("")), fc.string({ maxLength: 100 }), (text, name) => {
        const cable = crestParser.parse(input(text, name));
        assertTraceable(cable, text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("recognising CREST documents", () => {
  it("claims stamped memoranda and Agency cables, not State Department telegrams", () => {
    assert.equal(crestParser.recognises(input(MEMO)), true);
    assert.equal(crestParser.recognises(input(CABLE)), true);
    assert.equal(crestParser.recognises(input("CONFIDENTIAL STATE 123456\nE.O. 12958: DECL: 1/1/20\nTAGS: PREL\nSUBJECT: CIA WASHDC, INTELLIGENCE AGENCY LIAISON")), false);
  });
});

const crest = corpusPath("crest");
const hasTesseract = spawnSync("tesseract", ["--version"]).status === 0;

describe("crestParser on the real CREST files", { skip: !crest && "../shared/corpus is absent" }, () => {
  it("reads the four OCR texts: the id in the file name, a date, a subject, a sender", async () => {
    const folder = path.join(crest!, "paul-mathieu_cablegate-cia-analysis", "cia-converted");
    const files = readdirSync(folder).filter((name) => name.endsWith("_djvu.txt"));
    assert.equal(files.length, 4);
    for (const name of files) {
      const { documents } = await extractForTest(path.join(folder, name));
      const document = documents[0]!;
      const parsed = { text: document.text, name: document.name, type: document.type, metadata: document.metadata };
      assert.equal(crestParser.recognises(parsed), true, name);
      const cable = crestParser.parse(parsed);
      const id = /(RDP\S+|DOC_\d+)_djvu\.txt$/.exec(name)![1]!;
      assert.ok(cable.reference?.endsWith(id), `${name}: ${cable.reference}`);
      assert.match(cable.date?.iso ?? "", /^196\d-\d\d-\d\d$/, name);
      assert.ok(cable.subject && cable.origin, name);
      assertTraceable(cable, document.text);
    }
  });

  it("reads the release stamp of a scanned index card through Trove's OCR", { skip: !hasTesseract && "tesseract is not installed", timeout: 120_000 }, async () => {
    const scan = path.join(crest!, "mnyrop_hlab-ipy", "sample_pdfs", "CIA-RDP86-00513R000204310015-5.pdf");
    const { documents } = await extractForTest(scan, { maxOcrPages: 1 });
    const document = documents[0]!;
    const parsed = { text: document.text, name: document.name, type: document.type, metadata: document.metadata };
    assert.equal(crestParser.recognises(parsed), true);
    assert.equal(crestParser.parse(parsed).reference, "CIA-RDP86-00513R000204310015-5");
  });
});
