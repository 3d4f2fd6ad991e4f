import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import type { Cable, ParseInput } from "../../src/model/cable.js";
import { cablegateParser } from "../../src/parse/cablegate.js";
import { readFlatRouting, resolveReferences, splitReferences } from "../../src/parse/telegram.js";
import { corpusPath } from "../helpers/corpus.js";
import { extractForTest } from "../helpers/extract.js";
import { tempDir } from "../helpers/temp-dir.js";

function input(text: string, name = "cable.txt", metadata: Record<string, unknown> = {}, type = "text"): ParseInput {
  return { text, name, type, metadata };
}

/** Every paragraph points at its own text in the document. */
function assertTraceable(cable: Cable, text: string): void {
  for (const paragraph of cable.paragraphs) assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
}

// A look-alike telegram as Cablegate's converter wrote it: CRLF, ¶ before paragraph numbers, and a ¶ before
// a wrapped line that happens to start with a number (`¶12.`).
const TELEGRAM = [
  "",
  "VZCZCXRO1234",
  "OO RUEHXX RUEHYY",
  "DE RUEHGB #0456/01 0451230",
  "ZNY SSSSS ZZH",
  "O 141230Z FEB 14",
  "FM AMEMBASSY BAGHDAD",
  "TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234",
  "RHEHNSC/NSC WASHDC IMMEDIATE",
  "INFO RUEHAM/AMEMBASSY AMMAN PRIORITY 0567",
  "RUCNRAQ/IRAQ COLLECTIVE",
  "SECRET SECTION 01 OF 02 BAGHDAD 000456 ",
  " ",
  "NOFORN ",
  "SIPDIS ",
  " ",
  "E.O. 12958: DECL: 02/13/2024 ",
  "TAGS: PREL PGOV",
  "IZ, IR ",
  "SUBJECT: COUNCIL MEMBERS DESCRIBE GIFTS FROM A ",
  "NEIGHBOURING SERVICE ",
  " ",
  "REF: A. BAGHDAD 98 ",
  "     ¶B. 13 STATE 4567 ",
  "     ¶C. SECSTATE 2211 ",
  " ",
  "Classified By: PolCouns A. Example for reasons 1.4 (b) and (d) ",
  " ",
  "¶1. (S/NF) Summary: Two council members told PolOff that visitors ",
  "brought saffron and pistachios.  End Summary. ",
  " ",
  "¶2. (C) The visitors came back on the afternoon of February ",
  "¶12. and asked about the budget. ",
  " ",
  "¶3. (U) Comment: Nothing was promised. End Comment. ",
  " ",
  "EXAMPLE",
].join("\r\n");

describe("cablegateParser on a telegram as sent", () => {
  const cable = cablegateParser.parse(input(TELEGRAM, "14BAGHDAD456.txt"));

  it("reads the routing lines: date-time group, origin, action and information addressees", () => {
    assert.equal(cable.layout, "cablegate");
    assert.deepEqual({ text: cable.date?.text, iso: cable.date?.iso }, { text: "141230Z FEB 14", iso: "2014-02-14" });
    assert.equal(TELEGRAM.slice(cable.date!.start, cable.date!.end), "141230Z FEB 14");
    assert.equal(cable.origin, "AMEMBASSY BAGHDAD");
    assert.deepEqual(cable.to, ["SECSTATE WASHDC", "NSC WASHDC"]);
    assert.deepEqual(cable.info, ["AMEMBASSY AMMAN", "IRAQ COLLECTIVE"]);
  });

  it("reads classification, caveats, tags over two lines and a wrapped subject", () => {
    assert.equal(cable.classification, "SECRET//NOFORN");
    assert.equal(cable.classificationLevel, "SECRET");
    assert.deepEqual(cable.caveats, ["NOFORN", "SIPDIS"]);
    assert.deepEqual(cable.tags, ["PREL", "PGOV", "IZ", "IR"]);
    assert.equal(cable.subject, "COUNCIL MEMBERS DESCRIBE GIFTS FROM A NEIGHBOURING SERVICE");
    assert.deepEqual(cable.otherDates.map((date) => date.iso), ["2024-02-13"]);
  });

  it("resolves lettered references with the cable's year unless they give their own", () => {
    assert.deepEqual(cable.references, [
      { label: "A", text: "BAGHDAD 98", canonical: "14BAGHDAD98" },
      { label: "B", text: "13 STATE 4567", canonical: "13STATE4567" },
      { label: "C", text: "SECSTATE 2211", canonical: "14STATE2211" },
    ]);
  });

  it("numbers paragraphs in sequence with their markings, ignoring a ¶ before a wrapped number", () => {
    assert.deepEqual(cable.paragraphs.map((paragraph) => [paragraph.number, paragraph.marking]), [["1", "S/NF"], ["2", "C"], ["3", "U"]]);
    assert.match(cable.paragraphs[1]!.text, /^The visitors came back .*¶12\. and asked about the budget\.$/s);
    assertTraceable(cable, TELEGRAM);
    assert.equal(cable.signer, "EXAMPLE");
    assert.deepEqual(cable.warnings, []);
  });

  it("forms the reference from the file name, else the classification line, else the routing line", () => {
    assert.equal(cable.reference, "14BAGHDAD456");
    assert.equal(cablegateParser.parse(input(TELEGRAM, "report.txt")).reference, "14BAGHDAD456");
    const noLine = TELEGRAM.replace("SECRET SECTION 01 OF 02 BAGHDAD 000456 ", "SECRET");
    assert.equal(cablegateParser.parse(input(noLine, "report.txt")).reference, "14BAGHDAD456");
    const renamed = cablegateParser.parse(input(TELEGRAM, "14BAGHDAD999.txt"));
    assert.equal(renamed.reference, "14BAGHDAD999");
    assert.ok(renamed.warnings.some((warning) => warning.includes("14BAGHDAD456")));
  });

  it("reads the Windows-1252 bytes Cablegate ships, through Trove's own reader", async () => {
    const file = path.join(tempDir(), "14BAGHDAD456.txt");
    writeFileSync(file, iconv.encode(TELEGRAM, "windows-1252"));
    const { documents } = await extractForTest(file);
    const document = documents[0]!;
    const read = cablegateParser.parse({ text: document.text, name: document.name, type: document.type, metadata: document.metadata });
    assert.equal(read.paragraphs.length, 3);
    assert.equal(read.subject, cable.subject);
    assertTraceable(read, document.text);
  });
});

describe("cablegateParser on a scraper's flattened body", () => {
  const body =
    "S E C R E T SECTION 01 OF 03 BAGHDAD 000789  NOFORN SIPDIS  E.O. 12958: DECL: 03/02/2029 TAGS: PREL PGOV IZSUBJECT: (C) MINISTER ASKS FOR HELP WITH " +
    "THE GRID  REF: A. BAGHDAD 700      ¶B. 08 STATE 1234   BAGHDAD 00000789  001.2 OF 003   Classified By: Ambassador Z. Example; reasons 1.4 (b,d)  " +
    "¶1. (S/NF) Summary: The minister said the grid would fail in summer. End summary.  ¶2. (C) He added that generators were late.  ¶3. (U) Nothing more.  JONES";
  const header = "VZCZCXRO0001PP RUEHBC DE RUEHGB #0789/01 0611200ZNY SSSSS ZZHP 021200Z MAR 09FM AMEMBASSY BAGHDADTO RUEHC/SECSTATE WASHDC PRIORITY 1111RUEKJCS/SECDEF WASHDCINFO RUCNRAQ/IRAQ COLLECTIVE";
  const cable = cablegateParser.parse(input(body, "dump.json#7", { header, date_time: "2009-03-02 12:12" }));

  it("takes date, origin and addressees from the record's glued routing header", () => {
    assert.equal(cable.date?.iso, "2009-03-02");
    assert.equal(cable.date?.text, "021200Z MAR 09");
    assert.equal(cable.date?.start, undefined, "a date from the metadata has no offsets into the text");
    assert.equal(cable.origin, "AMEMBASSY BAGHDAD");
    assert.deepEqual(cable.to, ["SECSTATE WASHDC", "SECDEF WASHDC"]);
    assert.deepEqual(cable.info, ["IRAQ COLLECTIVE"]);
  });

  it("unglues labels, closes letter spacing and stops the subject at a page header", () => {
    assert.equal(cable.reference, "09BAGHDAD789");
    assert.equal(cable.classification, "SECRET//NOFORN");
    assert.deepEqual(cable.tags, ["PREL", "PGOV", "IZ"]);
    assert.equal(cable.subject, "(C) MINISTER ASKS FOR HELP WITH THE GRID");
    assert.deepEqual(cable.references.map((reference) => reference.canonical), ["09BAGHDAD700", "08STATE1234"]);
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.marking), ["S/NF", "C", "U"]);
    assertTraceable(cable, body);
    assert.equal(cable.signer, "JONES");
  });

  it("reads a body whose case was changed, dating it by the record when no date-time group survives", () => {
    const lower = "C o n f i d e n t i a l section 01 of 02 basra 000045Sipdis E.o. 12958: decl: 01/07/2019 Tags: prel, pgov, iz Subject: governor meets tribal sheikhs?(U) Classified by Consul General; reasons 1.4 (b).¶1. (C) Summary: The governor met sheikhs. End summary.¶2. (C) More followed.";
    const read = cablegateParser.parse(input(lower, "dump.json#8", { date_time: "1/8/2009 10:10" }));
    assert.equal(read.reference, "09BASRA45");
    assert.equal(read.classification, "CONFIDENTIAL");
    assert.deepEqual(read.caveats, ["SIPDIS"]);
    assert.deepEqual(read.tags, ["PREL", "PGOV", "IZ"]);
    assert.equal(read.subject, "governor meets tribal sheikhs?");
    assert.equal(read.date?.iso, "2009-01-08");
    assert.ok(read.warnings.some((warning) => warning.includes("reader's metadata")));
  });

  it("splits a flattened addressee list with or without routing indicators", () => {
    assert.deepEqual(readFlatRouting("R 311525Z OCT 08FM SECSTATE WASHDCTO AMEMBASSY TEL AVIV AMCONSUL JERUSALEM INFO AMEMBASSY AMMAN").to, ["AMEMBASSY TEL AVIV", "AMCONSUL JERUSALEM"]);
    assert.equal(readFlatRouting("ZZHR 121349Z FEB 10 ZDKFM AMEMBASSY ROMETO RUEHC/SECSTATE WASHDC 8302").origin, "AMEMBASSY ROME");
  });
});

describe("cablegateParser on a PDF's layout text", () => {
  const text = [
    "R 051200Z MAR 01",
    "FM AMEMBASSY VALLETTA",
    "TO SECSTATE WASHDC 0321",
    "INFO AMEMBASSY ROME",
    "",
    "C O N F I D E N T I A L SECTION 01 OF 02 VALLETTA 000321",
    "",
    "E.O. 12958: DECL: 03/05/11",
    "TAGS: PREL MT",
    "SUBJECT: MINISTER ON MIGRATION: \"A SMALL ISLAND, NOT A",
    "          HARBOUR FOR ALL\"",
    "REF: A) STATE 12345, B) VALLETTA 300, C) ROME",
    "4321",
    "(U) CLASSIFIED BY AMBASSADOR A. B. EXAMPLE, REASON 1.5 (B) AND (D).",
    "",
    "¶1. (C) SUMMARY: THE MINISTER ASKED FOR SHIPS. END SUMMARY.",
    "¶2. (C) HE REPEATED IT.",
    "EXAMPLE",
  ].join("\n");
  const cable = cablegateParser.parse(input(text, "01VALLETTA321.pdf", {}, "pdf"));

  it("reads spaced classification letters, an indented subject and a REF list wrapped mid-entry", () => {
    assert.equal(cable.classification, "CONFIDENTIAL");
    assert.equal(cable.subject, "MINISTER ON MIGRATION: \"A SMALL ISLAND, NOT A HARBOUR FOR ALL\"");
    assert.deepEqual(cable.references.map((reference) => [reference.label, reference.canonical]), [["A", "01STATE12345"], ["B", "01VALLETTA300"], ["C", "01ROME4321"]]);
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.number), ["1", "2"]);
    assert.equal(cable.signer, "EXAMPLE");
  });
});

describe("cablegateParser on damaged input", () => {
  it("warns of a header cut off after the routing lines, and takes no addressee for a signer", () => {
    const cut = "O 131830Z JUN 00\nFM AMEMBASSY NICOSIA\nTO SECSTATE WASHDC IMMEDIATE 1438\nINFO AMEMBASSY ATHENS\nAMEMBASSY ANKARA\n";
    const cable = cablegateParser.parse(input(cut, "00NICOSIA3013.pdf", {}, "pdf"));
    assert.equal(cable.reference, "00NICOSIA3013");
    assert.equal(cable.date?.iso, "2000-06-13");
    assert.deepEqual(cable.to, ["SECSTATE WASHDC"]);
    assert.equal(cable.classification, undefined);
    assert.equal(cable.subject, undefined);
    assert.equal(cable.signer, undefined);
    assert.ok(cable.warnings.some((warning) => warning.startsWith("header cut off")));
  });

  it("keeps what it read of a header cut off in the middle of its TAGS line", () => {
    const cut = "R 020900Z MAY 00\nFM AMEMBASSY NICOSIA\nTO SECSTATE WASHDC 1500\n\nCONFIDENTIAL SECTION 01 OF 03 NICOSIA 000777\n\nE.O. 12958: DECL: 1/1/10\nTAGS: PRE";
    const cable = cablegateParser.parse(input(cut, "notes.txt"));
    assert.equal(cable.reference, "00NICOSIA777");
    assert.equal(cable.classification, "CONFIDENTIAL");
    assert.deepEqual(cable.tags, ["PRE"]);
    assert.ok(cable.warnings.includes("no SUBJECT"));
  });

  it("keeps an impossible date-time group as written, with a warning and no ISO date", () => {
    const cable = cablegateParser.parse(input(TELEGRAM.replace("141230Z FEB 14", "301230Z FEB 14"), "14BAGHDAD456.txt"));
    assert.equal(cable.date?.text, "301230Z FEB 14");
    assert.equal(cable.date?.iso, undefined);
    assert.ok(cable.warnings.some((warning) => warning.includes("no day 30")));
    assert.equal(cable.reference, "14BAGHDAD456");
  });

  it("returns a cable with warnings for empty or unrelated text", () => {
    const empty = cablegateParser.parse(input(""));
    assert.equal(empty.layout, "cablegate");
    assert.ok(empty.warnings.length > 0);
    assert.equal(cablegateParser.parse(input("\u0000\uFFFD".repeat(50))).reference, undefined);
  });

  it("never throws, and every paragraph it finds points at its text", () => {
    const token = fc.constantFrom("FM ", "TO ", "INFO ", "\n", "\r\n", "  ", "SUBJECT:", "SUBJ:", "REF: ", "A. ", "(B) ", "¶1. ", "2. ", "(C) ", "SECRET ", "C O N F I D E N T I A L ",
      "BAGHDAD ", "000123", "TAGS: ", "E.O. 12958: ", "161902Z FEB 07", "999999Z XYZ 99", "RUEHC/", "SECTION 01 OF 02 ", "NOFORN", "SMITH", "DE RUEHGB #", "x");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }).map((tokens) => tokens.join("")), fc.string({ maxLength: 200 }), (telegram, noise) => {
        for (const text of [telegram, noise + telegram, telegram + noise]) {
          const cable = cablegateParser.parse(input(text, "09X1.txt"));
          assertTraceable(cable, text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads a hostile run of capitals without the time exploding", { timeout: 20_000 }, () => {
    const capitals = `SUBJECT: ${"ABCDEFGHIJ ".repeat(20_000)}`;
    const cable = cablegateParser.parse(input(`S E C R E T STATE 000123  E.O. 12958: DECL: 1/1/20 TAGS: PREL ${capitals}`, "dump.json#1"));
    assert.equal(cable.classification, "SECRET");
  });
});

describe("REF lists", () => {
  it("splits lettered, colon- and semicolon-separated entries, and keeps a comma inside a date", () => {
    assert.deepEqual(splitReferences("TEHRAN 1091: TEHRAN 263; STATE CA-3400 NOV 2, 1966"), [{ text: "TEHRAN 1091" }, { text: "TEHRAN 263" }, { text: "STATE CA-3400 NOV 2, 1966" }]);
    assert.deepEqual(splitReferences("REF A:  DUBAI 006053, REF B:  IRPO 0009"), [{ label: "A", text: "DUBAI 006053" }, { label: "B", text: "IRPO 0009" }]);
    assert.deepEqual(splitReferences("09 STATE 96625; A. A)STATE 70789"), [{ text: "09 STATE 96625" }, { label: "A", text: "STATE 70789" }]);
  });

  it("reads a post's short form of its own name as the post, but not another post's name", () => {
    const refs = resolveReferences([{ text: "UNVIE 109" }, { text: "EMBASSY VIENNA 1450" }, { text: "RPO DUBAI 0008" }, { text: "DUBAI 1217" }, { text: "FBIS GMP20000614000164" }], "09", "IRAN RPO DUBAI");
    assert.deepEqual(refs.map((reference) => reference.canonical), ["09UNVIEVIENNA109", "09VIENNA1450", "09IRANRPODUBAI8", "09DUBAI1217", undefined]);
  });
});

describe("recognising telegrams", () => {
  it("claims telegrams and flattened bodies, not e-mails or CIA memoranda", () => {
    assert.equal(cablegateParser.recognises(input(TELEGRAM)), true);
    assert.equal(cablegateParser.recognises(input("S E C R E T STATE 123456  E.O. 12958: DECL: 1/1/20 TAGS: PREL XXSUBJECT: TEST  ¶1. (S) Text.")), true);
    assert.equal(cablegateParser.recognises(input("From: a@example.org\nTo: b@example.org\nSubject: lunch\n\nSee you.")), false);
    assert.equal(cablegateParser.recognises(input("Approved For Release 2003/08/20 : CIA-RDP80B01676R002400040058-1\n\nMEMORANDUM FOR: Director\nSUBJECT: Meetings")), false);
  });
});

const cablegate = corpusPath("cablegate");

describe("cablegateParser on the real Cablegate files", { skip: !cablegate && "../shared/corpus is absent" }, () => {
  const converted = cablegate && path.join(cablegate, "paul-mathieu_cablegate-cia-analysis", "cablegate-converted");
  const pdfs = cablegate && path.join(cablegate, "paul-mathieu_cablegate-cia-analysis", "cablegate-pdf");
  const dumps = cablegate && path.join(cablegate, "None-later_Wikileaks_Processing");

  async function parseFile(file: string): Promise<{ cable: Cable; text: string }> {
    const { documents } = await extractForTest(file);
    const document = documents[0]!;
    return { cable: cablegateParser.parse({ text: document.text, name: document.name, type: document.type, metadata: document.metadata }), text: document.text };
  }

  it("reads all 24 converted cables (Windows-1252, CRLF) whole", async () => {
    const files = readdirSync(converted!).filter((name) => name.endsWith(".txt"));
    assert.equal(files.length, 24);
    for (const name of files) {
      const { cable, text } = await parseFile(path.join(converted!, name));
      assert.equal(cable.reference, name.replace(/\.txt$/, ""), name);
      assert.equal(cable.date?.iso?.slice(2, 4), name.slice(0, 2), name);
      assert.ok(cable.classification && cable.subject && cable.origin && cable.to.length > 0 && cable.tags.length > 0, name);
      assert.ok(cable.paragraphs.length > 0, name);
      assertTraceable(cable, text);
      assert.deepEqual(cable.warnings, [], name);
    }
  });

  it("reads the 14 PDFs, warning of the one cut off after its routing lines and of the one without a month", async () => {
    const files = readdirSync(pdfs!).filter((name) => name.endsWith(".pdf"));
    assert.equal(files.length, 14);
    for (const name of files) {
      const { cable, text } = await parseFile(path.join(pdfs!, name));
      assert.equal(cable.reference, name.replace(/\.pdf$/, ""), name);
      assertTraceable(cable, text);
      if (name === "00DAMASCUS3013.pdf") assert.ok(cable.warnings.some((warning) => warning.startsWith("header cut off")));
      else if (name === "00HANOI686.pdf") assert.deepEqual([cable.date?.iso, cable.date?.precision], ["2000", "year"]);
      else assert.ok(cable.subject && cable.classification && cable.date?.precision === "day", name);
    }
  });

  it("reads every record of the JSON-lines dumps; the id in wikileaks-11-28-10.json agrees, the unreliable one in iran.json~ is not used", () => {
    const records = (file: string) => readFileSync(path.join(dumps!, file), "utf8").split("\n").filter((line) => line.trim());
    let read = 0;
    for (const line of records("wikileaks-11-28-10.json")) {
      const { body, ...fields } = JSON.parse(line) as Record<string, string>;
      const cable = cablegateParser.parse(input(body!, "wikileaks-11-28-10.json", fields));
      assert.equal(cable.reference, fields.reference_id);
      assert.equal(cable.date?.iso, fields.date_time!.slice(0, 10));
      read++;
    }
    assert.equal(read, 219);
    const iran = records("iran.json~").slice(0, 222).map((line) => JSON.parse(line) as Record<string, string>);
    const cables = iran.map(({ body, ...fields }) => cablegateParser.parse(input(body!, "iran.json~", fields)));
    assert.ok(cables.every((cable) => cable.reference && cable.subject && cable.classification));
    assert.equal(cables[1]!.reference, "06IRANRPODUBAI10", "the record's _id 06CARACAS3257 is its REF");
  });
});
