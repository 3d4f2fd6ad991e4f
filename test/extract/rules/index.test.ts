import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findRuleMentions } from "../../../src/extract/rules/index.js";
import type { EntityType, Mention } from "../../../src/model/entity.js";
import { corpusPath } from "../../helpers/corpus.js";
import { assertSaneMentions } from "./mention-invariants.js";

function rules(text: string): Mention[] {
  const found = findRuleMentions(text);
  assertSaneMentions(text, found);
  return found;
}

const typesAndTexts = (mentions: Mention[]) => mentions.map((mention): [EntityType, string] => [mention.type, mention.text]);

describe("all rule mentions of a text", () => {
  it("finds every type in one text, in order", () => {
    const text = "Source 134832 was paid $16 million on ۱۳۹۳/۰۹/۱۰; tel +964 780 412 7731, desk@example.org.";
    assert.deepEqual(typesAndTexts(rules(text)), [
      ["source", "Source 134832"],
      ["money", "$16 million"],
      ["date", "۱۳۹۳/۰۹/۱۰"],
      ["phone", "+964 780 412 7731"],
      ["email", "desk@example.org"],
    ]);
  });

  it("finds them in a Persian field report", () => {
    const text = "۱- در تاریخ ۱۳۹۳/۰۷/۱۳ با منبع ۱۳۴۶۱۷ (نخل) دیدار شد و مبلغ ۵۰۰ دلار پرداخت شد. شمارهٔ تماس او ۰۷۸۰۴۱۲۷۷۳۱ است.";
    assert.deepEqual(
      rules(text).map((mention) => [mention.type, mention.normalized]),
      [["date", "2014-10-05"], ["source", "source:134617"], ["source", "source:134617"], ["money", "500 USD"], ["phone", "07804127731"]],
    );
  });

  it("lets the more specific rule win where two overlap", () => {
    assert.deepEqual(typesAndTexts(rules("07712640388@example.com")), [["email", "07712640388@example.com"]]);
    assert.deepEqual(typesAndTexts(rules("informant 1234567 and Tel 1234567")), [["source", "informant 1234567"], ["phone", "1234567"]]);
  });

  it("passes the calendar on to dates", () => {
    assert.equal(findRuleMentions("15/07/93").length, 0);
    assert.equal(findRuleMentions("15/07/93", { calendar: "jalali" })[0]?.normalized, "2014-10-07");
  });
});

describe("hostile input", () => {
  it("gives sane output on empty, huge and odd text", () => {
    const line = "Source 134832 paid $16 million (۱۶ میلیون دلار) on 1393/09/10, tel +964 780 412 7731, desk@example.org. ";
    for (const text of [
      "",
      " ",
      line.repeat(Math.ceil(1_048_576 / line.length)),
      "1".repeat(100_000),
      "$".repeat(100_000),
      "۱".repeat(100_000),
      "a".repeat(1_048_576),
      "منبعSource۱۳۴۸۳۲dollarsتومان$5",
      "\uD800\uDC00\uD800 \uDFFF5 dollars\uDBFF",
      "\u0000\u200C\u200F\u202E 5 \u202C dollars",
    ]) {
      rules(text);
    }
  });

  it("keeps its invariants on random text in the scripts and symbols it reads", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ ,.٫٬/-+()$€@#:منبعدلارتومانsourceSOURCEnodlar\u200C\uD800\n".split("")), maxLength: 80 }), (text) => {
        rules(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the sample archive", () => {
  const reports = path.resolve("samples/reports");

  it("finds the same informants, sums, phones and addresses in each Persian report and its translation", { skip: !existsSync(reports) }, () => {
    const kinds: EntityType[] = ["source", "money", "phone", "email"];
    const valuesOf = (text: string, type: EntityType) =>
      [...new Set(rules(text).filter((mention) => mention.type === type && !(type === "source" && !/^source:\d+$/.test(mention.normalized))).map((mention) => mention.normalized))].sort();
    let compared = 0;
    for (const file of readdirSync(path.join(reports, "fa"))) {
      const persian = readFileSync(path.join(reports, "fa", file), "utf8");
      const english = readFileSync(path.join(reports, "en", file.replace(".fa.", ".en.")), "utf8");
      for (const type of kinds) {
        assert.deepEqual(valuesOf(persian, type), valuesOf(english, type), `${type} in ${file}`);
        compared += valuesOf(persian, type).length;
      }
    }
    assert.ok(compared > 30, `${compared} values compared`);
  });

  it("reads the expense report's total in both languages", { skip: !existsSync(reports) }, () => {
    for (const file of ["fa/report-1393-08-12-erbil-expenses.fa.txt", "en/report-1393-08-12-erbil-expenses.en.txt"]) {
      const money = rules(readFileSync(path.join(reports, file), "utf8")).filter((mention) => mention.type === "money");
      assert.ok(money.some((mention) => mention.normalized === "87.5 EUR"), file);
    }
  });
});

describe("real documents", () => {
  /** A few real documents of each kind, decoded leniently as ingest would have. */
  function realDocuments(): Array<{ name: string; text: string }> | undefined {
    const root = corpusPath();
    if (!root) return undefined;
    const pick = (folder: string, count: number, suffix = "") =>
      readdirSync(path.join(root, folder))
        .filter((name) => name.endsWith(suffix))
        .sort()
        .slice(0, count)
        .map((name) => ({ name, text: new TextDecoder("utf-8").decode(readFileSync(path.join(root, folder, name))) }));
    const fars = JSON.parse(readFileSync(path.join(root, "persian-text/language-ml_course-nlp-ir-1-text-exploring/fa/fars-news-1.json"), "utf8")) as Array<{ title: string; abstract: string; paragraphs: string[] }>;
    return [
      ...pick("cablegate/paul-mathieu_cablegate-cia-analysis/cablegate-converted", 8, ".txt"),
      ...pick("crest/paul-mathieu_cablegate-cia-analysis/cia-converted", 3, ".txt"),
      ...pick("email/jpvance123_Amdocs_ML_Email_Analytics/enron", 3),
      ...pick("plusd/MarkChips_cablegate-search-app/test-set/1975/03", 1, ".html"),
      { name: "fars-news-1.json", text: fars.map((item) => [item.title, item.abstract, ...item.paragraphs].join("\n")).join("\n\n") },
    ];
  }

  it("keeps its invariants and finds what real cables, e-mails and Persian news hold", (context) => {
    const documents = realDocuments();
    if (!documents) return context.skip("no corpus");
    const counts = new Map<EntityType, number>();
    for (const { text } of documents) {
      for (const mention of rules(text)) counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
    }
    assert.ok((counts.get("date") ?? 0) > 20, "cables are dated");
    assert.ok((counts.get("email") ?? 0) > 20, "e-mails carry addresses");
    assert.ok((counts.get("money") ?? 0) > 50, "the news reports sums in tomans, rials and dollars");
    assert.ok((counts.get("phone") ?? 0) > 0, "e-mails carry phone numbers");
  });

  it("reads Persian news sums with Persian and Arabic letter forms", (context) => {
    const fars = realDocuments()?.find((document) => document.name === "fars-news-1.json");
    if (!fars) return context.skip("no corpus");
    const currencies = new Set(rules(fars.text).filter((mention) => mention.type === "money").map((mention) => mention.attributes.currency));
    for (const currency of ["toman", "IRR", "USD"]) assert.ok(currencies.has(currency), currency);
  });
});
