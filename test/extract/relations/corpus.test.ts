import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readFiles } from "../../../src/cli/read-files.js";
import { findMentions } from "../../../src/extract/mentions.js";
import { extractRelations } from "../../../src/extract/relations/index.js";
import type { LanguageCode } from "../../../src/model/document.js";
import type { ExtractedRelation } from "../../../src/model/relation.js";
import { corpusPath } from "../../helpers/corpus.js";

function relationsOf(text: string, language: LanguageCode): ExtractedRelation[] {
  const relations = extractRelations(text, findMentions(text, { language }), { language });
  for (const relation of relations) assert.equal(text.slice(relation.evidence.start, relation.evidence.end), relation.evidence.text);
  return relations;
}

/** The relations read from the report's paragraphs, leaving out those its subject line restates. */
function inBody(relations: readonly ExtractedRelation[]): ExtractedRelation[] {
  return relations.filter((relation) => !/^(?:Subject|موضوع)\s*:/u.test(relation.evidence.text));
}

function names(relation: ExtractedRelation | undefined, role: keyof ExtractedRelation["roles"]): string {
  return (relation?.roles[role] ?? []).join(" | ");
}

describe("relations in the sample archive", () => {
  it("reads the photo-exhibition meeting and the first instalment from the English report", () => {
    const relations = relationsOf(readFileSync("samples/reports/en/report-1393-09-14-karbala.en.txt", "utf8"), "en");
    const meeting = inBody(relations).find((relation) => relation.type === "meeting");
    assert.match(names(meeting, "participant"), /Navid/u);
    assert.match(names(meeting, "participant"), /Zubaidi/u);
    assert.match(names(meeting, "participant"), /Tamimi/u);
    assert.equal(meeting?.date, "2014-12-04");
    assert.match(meeting?.cover ?? "", /photo exhibition/u);
    assert.match(meeting?.counterSurveillance ?? "", /switched taxis twice/u);
    const payment = inBody(relations).find((relation) => relation.type === "payment");
    assert.equal(payment?.amount, 4_000_000);
    assert.equal(payment?.currency, "USD");
    assert.equal(payment?.kind, "installment");
    assert.match(names(payment, "intermediary"), /al-Nakhil/u);
  });

  it("reads the same meeting and instalment from the Persian original", () => {
    const relations = relationsOf(readFileSync("samples/reports/fa/report-1393-09-14-karbala.fa.txt", "utf8"), "fa");
    const meeting = inBody(relations).find((relation) => relation.type === "meeting");
    assert.match(names(meeting, "participant"), /نوید/u);
    assert.match(names(meeting, "participant"), /الزبیدی/u);
    assert.equal(meeting?.date, "2014-12-04");
    assert.match(meeting?.cover ?? "", /نمایشگاه عکس/u);
    assert.match(meeting?.counterSurveillance ?? "", /تاکسی عوض/u);
    const payment = inBody(relations).find((relation) => relation.type === "payment");
    assert.equal(payment?.amount, 4_000_000);
    assert.match(names(payment, "intermediary"), /صرافی النخیل/u);
  });

  it("reads the report withheld from the Fajr Headquarters, in both languages", () => {
    for (const [file, language, body] of [["en/report-1393-09-30-baghdad.en.txt", "en", /Fajr Headquarters/u], ["fa/report-1393-09-30-baghdad.fa.txt", "fa", /قرارگاه فجر/u]] as const) {
      const restrictions = relationsOf(readFileSync(`samples/reports/${file}`, "utf8"), language).filter((relation) => relation.type === "restriction");
      assert.ok(restrictions.length >= 1, file);
      for (const restriction of restrictions) assert.match(names(restriction, "withheldFrom"), body);
    }
  });
});

describe("relations in real cables", () => {
  const folder = corpusPath("cablegate", "paul-mathieu_cablegate-cia-analysis", "cablegate-converted");

  it("reads PolOff's meeting in a Cablegate cable decoded from Windows-1252", { skip: !folder && "needs ../shared/corpus" }, async () => {
    const { documents } = await readFiles([`${folder}/06NEWDELHI5238.txt`]);
    const document = documents[0]!;
    const meetings = relationsOf(document.text, document.language).filter((relation) => relation.type === "meeting");
    assert.ok(meetings.some((meeting) => /Poloff/iu.test(names(meeting, "participant")) && /Aquino Vimal/u.test(names(meeting, "participant"))), JSON.stringify(meetings.map((meeting) => meeting.roles)));
  });

  it("reads no meeting from 'met its obligations' in IAEA cables", { skip: !folder && "needs ../shared/corpus" }, async () => {
    const { documents } = await readFiles([`${folder}/09UNVIEVIENNA281.txt`, `${folder}/09UNVIEVIENNA289.txt`]);
    assert.equal(documents.length, 2);
    for (const document of documents) {
      const meetings = relationsOf(document.text, document.language).filter((relation) => relation.type === "meeting");
      assert.deepEqual(meetings.filter((meeting) => /\bmet (?:its|their|his) obligations?/iu.test(meeting.evidence.text)), []);
    }
  });
});
