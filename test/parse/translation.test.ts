import assert from "node:assert/strict";
import { referenceKey } from "../../src/text/reference-key.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InputError } from "../../src/errors.js";
import type { Cable, CableParagraph } from "../../src/model/cable.js";
import { fieldReportParser } from "../../src/parse/field-report.js";
import {
  alignParagraphs,
  compareTranslations,
  pairTranslations,
  readTranslationManifest,
  type TranslationCandidate,
} from "../../src/parse/translation.js";
import { detectLanguage } from "../../src/text/language.js";

const REPORTS = path.resolve("samples/reports");

/** Every file of the sample reports folder, as the archive would hand it over. */
function sampleReports(): TranslationCandidate[] {
  return ["fa", "en"]
    .flatMap((folder) => readdirSync(path.join(REPORTS, folder)).map((name) => path.join(REPORTS, folder, name)))
    .map((file, index) => {
      const text = readFileSync(file, "utf8");
      const name = path.basename(file);
      return { id: index + 1, name, path: file, language: detectLanguage(text), cable: fieldReportParser.parse({ text, name, type: "text", metadata: {} }) };
    });
}

function candidate(id: number, filePath: string, language: string, cable?: Cable): TranslationCandidate {
  return { id, name: path.posix.basename(filePath), path: filePath, language, ...(cable && { cable }) };
}

/** A cable with only what alignment and comparison look at. */
function cableOf(paragraphs: (string | [string, string])[], reference?: string): Cable {
  let offset = 0;
  const parsed: CableParagraph[] = paragraphs.map((paragraph) => {
    const [number, text] = typeof paragraph === "string" ? [undefined, paragraph] : paragraph;
    const start = offset;
    offset += text.length + 2;
    return { ...(number !== undefined && { number }), text, start, end: start + text.length };
  });
  return { layout: "field-report", ...(reference && { reference }), otherDates: [], to: [], info: [], caveats: [], tags: [], references: [], paragraphs: parsed, sources: [], language: "en", warnings: [] };
}

describe("readTranslationManifest", () => {
  it("reads the entries with their optional credits", () => {
    const manifest = readTranslationManifest('[{"original": "fa/a.fa.txt", "translation": "en/a.en.txt", "translator": "Translator 2", "reviewer": "Reviewer 1"}, {"original": "b.txt", "translation": "b-english.txt"}]');
    assert.deepEqual(manifest, [
      { original: "fa/a.fa.txt", translation: "en/a.en.txt", translator: "Translator 2", reviewer: "Reviewer 1" },
      { original: "b.txt", translation: "b-english.txt" },
    ]);
  });

  it("rejects what is not a manifest with a typed error", () => {
    for (const json of ["{not json", '{"original": "a"}', '["a.txt"]', '[{"original": "a.fa.txt"}]', '[{"original": "a", "translation": 3}]', '[{"original": "a.txt", "translation": "./a.txt"}]', '[{"original": "a", "translation": "b", "translator": ""}]']) {
      assert.throws(() => readTranslationManifest(json), (error: unknown) => error instanceof InputError && error.code === "damaged", json);
    }
  });
});

describe("pairTranslations", () => {
  it("pairs the 13 sample reports with their translations by file name, with the translators' credits", () => {
    const documents = sampleReports();
    const pairs = pairTranslations(documents);
    assert.equal(pairs.length, 13);
    const byId = new Map(documents.map((document) => [document.id, document]));
    for (const pair of pairs) {
      const original = byId.get(pair.originalId)!;
      const translation = byId.get(pair.translationId)!;
      assert.equal(pair.method, "file-name");
      assert.equal(original.language, "fa");
      assert.equal(translation.language, "en");
      assert.equal(original.name.replace(".fa.", "."), translation.name.replace(".en.", "."));
      assert.deepEqual(pair.credit, translation.cable!.translation);
      assert.ok(pair.credit?.translator && pair.credit.reviewer);
    }
  });

  it("aligns every sample pair paragraph by paragraph, number for number", () => {
    const documents = sampleReports();
    const byId = new Map(documents.map((document) => [document.id, document]));
    for (const pair of pairTranslations(documents)) {
      const original = byId.get(pair.originalId)!.cable!;
      const translation = byId.get(pair.translationId)!.cable!;
      const aligned = alignParagraphs(original, translation);
      assert.equal(aligned.length, original.paragraphs.length);
      for (const { method, original: left, translation: right } of aligned) {
        assert.equal(method, "number");
        assert.equal(Number(left!.number!.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))), Number(right!.number));
      }
    }
  });

  it("also pairs X-fa / X_en and Arabic originals, and leaves a file without a counterpart alone", () => {
    const pairs = pairTranslations([
      candidate(1, "in/memo-fa.txt", "fa"),
      candidate(2, "in/memo_EN.txt", "en"),
      candidate(3, "in/clipping.ar.html", "ar"),
      candidate(4, "in/clipping.en.txt", "en"),
      candidate(5, "in/lonely.fa.txt", "fa"),
      candidate(6, "in/garden.txt", "en"),
    ]);
    assert.deepEqual(pairs, [
      { originalId: 1, translationId: 2, method: "file-name" },
      { originalId: 3, translationId: 4, method: "file-name" },
    ]);
  });

  it("prefers the original in the nearer folder and gives up on a tie", () => {
    const near = pairTranslations([candidate(1, "a/fa/x.fa.txt", "fa"), candidate(2, "b/fa/x.fa.txt", "fa"), candidate(3, "a/en/x.en.txt", "en")]);
    assert.deepEqual(near.map((pair) => pair.originalId), [1]);
    const tie = pairTranslations([candidate(1, "a/x.fa.txt", "fa"), candidate(2, "b/x.fa.txt", "fa"), candidate(3, "c/x.en.txt", "en")]);
    assert.deepEqual(tie, []);
  });

  it("pairs by manifest first, with the manifest's credit", () => {
    const translated = cableOf([]);
    translated.translation = { translator: "Translator 9", reviewer: "Reviewer 9" };
    const documents = [candidate(1, "box/original.txt", "fa"), candidate(2, "box/english-version.txt", "en", translated), candidate(3, "box/x.fa.txt", "fa"), candidate(4, "box/x.en.txt", "en")];
    const manifest = readTranslationManifest('[{"original": "original.txt", "translation": "box/english-version.txt", "reviewer": "Reviewer 1"}, {"original": "x.fa.txt", "translation": "missing.txt"}]');
    assert.deepEqual(pairTranslations(documents, manifest), [
      { originalId: 1, translationId: 2, method: "manifest", credit: { translator: "Translator 9", reviewer: "Reviewer 1" } },
      { originalId: 3, translationId: 4, method: "file-name" },
    ]);
  });

  it("does not pair a translation twice when the manifest already did", () => {
    const documents = [candidate(1, "x.fa.txt", "fa"), candidate(2, "x.en.txt", "en"), candidate(3, "y.fa.txt", "fa")];
    const manifest = readTranslationManifest('[{"original": "y.fa.txt", "translation": "x.en.txt"}]');
    assert.deepEqual(pairTranslations(documents, manifest), [{ originalId: 3, translationId: 2, method: "manifest" }]);
  });

  it("pairs by a shared report number across scripts and digits", () => {
    const documents = [
      candidate(1, "scan-0001.txt", "fa", cableOf([], "ک/۴۱۷/۹۳")),
      candidate(2, "draft-translation.txt", "en", cableOf([], "K/417/93")),
      candidate(3, "other.txt", "en", cableOf([], "B/417/93")),
      candidate(4, "same-language.txt", "fa", cableOf([], "ب/۴۱۷/۹۳")),
      candidate(5, "unsure.txt", "und", cableOf([], "K/417/93")),
    ];
    assert.deepEqual(pairTranslations(documents), [
      { originalId: 1, translationId: 2, method: "reference" },
      { originalId: 4, translationId: 3, method: "reference" },
    ]);
  });
});

describe("referenceKey", () => {
  it("compares report numbers whatever the script of their letters and digits", () => {
    assert.equal(referenceKey("ک/۴۱۷/۹۳"), referenceKey("K/417/93"));
    assert.equal(referenceKey("ص/۴۷/۹۳"), referenceKey("S/47/93"));
    assert.equal(referenceKey("ا/١٢٢/٩٣"), referenceKey("A-122-93"));
    assert.equal(referenceKey("ك/417/93"), referenceKey("k 417 93"));
    assert.notEqual(referenceKey("ک/۴۱۷/۹۳"), referenceKey("B/417/93"));
  });
});

describe("alignParagraphs", () => {
  it("aligns by number and lists what has no counterpart, in reading order", () => {
    const aligned = alignParagraphs(cableOf([["۱", "a"], ["۲", "b"], ["۴", "d"]]), cableOf([["1", "A"], ["3", "C"], ["4", "D"]]));
    assert.deepEqual(
      aligned.map((entry) => [entry.method, entry.original?.text, entry.translation?.text]),
      [["number", "a", "A"], ["unmatched", "b", undefined], ["unmatched", undefined, "C"], ["number", "d", "D"]],
    );
    assert.deepEqual(aligned.map((entry) => entry.number), ["۱", "۲", "3", "۴"]);
  });

  it("aligns unnumbered paragraphs in order when both sides have as many, and not otherwise", () => {
    assert.deepEqual(alignParagraphs(cableOf(["a", "b"]), cableOf(["A", "B"])).map((entry) => [entry.method, entry.original?.text, entry.translation?.text]), [["position", "a", "A"], ["position", "b", "B"]]);
    assert.deepEqual(alignParagraphs(cableOf(["a", "b"]), cableOf(["A"])).map((entry) => entry.method), ["unmatched", "unmatched", "unmatched"]);
  });

  it("accounts for every paragraph of both sides exactly once", () => {
    const sides = fc.array(fc.oneof(fc.constantFrom("1", "2", "3", "۲", "۳", "A"), fc.constant(undefined)), { maxLength: 8 });
    fc.assert(
      fc.property(sides, sides, (left, right) => {
        const original = cableOf(left.map((number, index) => (number === undefined ? `o${index}` : [number, `o${index}`])));
        const translation = cableOf(right.map((number, index) => (number === undefined ? `t${index}` : [number, `t${index}`])));
        const aligned = alignParagraphs(original, translation);
        assert.deepEqual(aligned.flatMap((entry) => (entry.original ? [entry.original] : [])), original.paragraphs);
        assert.deepEqual(aligned.flatMap((entry) => (entry.translation ? [entry.translation] : [])).sort((a, b) => a.start - b.start), translation.paragraphs);
      }),
    );
  });
});

describe("compareTranslations", () => {
  const original = cableOf([["۱", "متن یک"], ["۲", "متن دو"], ["۳", "متن سه"]]);
  const first = cableOf([
    ["1", "Zubaidi confirmed that the first instalment of four million dollars was delivered to his representative on 1393/09/10 through the al-Nakhil exchange office in Basra."],
    ["2", "To reach the venue the undersigned switched taxis twice and walked the last part of the way past the old bazaar."],
    ["3", "A box of pistachios was given to Tamimi."],
  ]);

  it("passes two faithful renderings, even when one writes the amount in figures", () => {
    const second = cableOf([
      ["1", "Zubaidi confirmed that the first instalment of USD 4 million was handed to his representative on 1393/09/10 through the al-Nakhil exchange office in Basra."],
      ["2", "To reach the venue the undersigned changed taxis twice and walked the final part of the way past the old bazaar."],
      ["3", "A box of pistachios was given to Tamimi as a gift."],
    ]);
    const differences = compareTranslations(first, second, original);
    assert.deepEqual(differences.map((difference) => difference.disagrees), [false, false, false]);
    assert.ok(differences.every((difference) => difference.similarity >= 0.5 && difference.similarity < 1));
    assert.deepEqual(differences.map((difference) => difference.original?.text), ["متن یک", "متن دو", "متن سه"]);
  });

  it("flags a changed amount and a changed name, and shows what each side has", () => {
    const second = cableOf([
      ["1", "Zubaidi confirmed that the first instalment of forty million dollars was delivered to his representative on 1393/09/10 through the al-Nakhil exchange office in Basra."],
      ["2", "To reach the venue the undersigned switched taxis twice and walked the last part of the way past the old bazaar."],
      ["3", "A box of pistachios was given to Temimi."],
    ]);
    const [amount, same, name] = compareTranslations(first, second);
    assert.deepEqual([amount!.disagrees, amount!.reasons], [true, ["facts"]]);
    assert.deepEqual(amount!.onlyInFirst, [{ kind: "amount", text: "four million dollars" }]);
    assert.deepEqual(amount!.onlyInSecond, [{ kind: "amount", text: "forty million dollars" }]);
    assert.ok(amount!.similarity > 0.8, "the wording alone would not have told");
    assert.equal(same!.disagrees, false);
    assert.equal(same!.similarity, 1);
    assert.deepEqual([name!.onlyInFirst, name!.onlyInSecond], [[{ kind: "name", text: "Tamimi" }], [{ kind: "name", text: "Temimi" }]]);
  });

  it("flags a passage one translation leaves out, changed figures and a rewritten passage", () => {
    const second = cableOf([
      ["1", "Zubaidi confirmed that the first instalment of four million dollars was delivered to his representative on 1393/09/11 through the al-Nakhil exchange office in Basra."],
      ["2", "He came by car, alone, at noon."],
    ]);
    const [date, rewritten, missing] = compareTranslations(first, second);
    assert.deepEqual(date!.onlyInFirst, [{ kind: "number", text: "1393/09/10" }]);
    assert.deepEqual(date!.onlyInSecond, [{ kind: "number", text: "1393/09/11" }]);
    assert.deepEqual(rewritten!.reasons, ["wording"]);
    assert.ok(rewritten!.similarity < 0.3);
    assert.deepEqual([missing!.number, missing!.reasons, missing!.second, missing!.similarity], ["3", ["missing"], undefined, 0]);
  });

  it("scores any two passages between 0 and 1, and a passage against itself as 1 with no difference", () => {
    const words = fc.array(fc.constantFrom("$", "€", "4", "2,500", "۸۷٫۵", "million", "dollars", "USD", "and", "a", "half", "Tamimi", "al-Zubaidi", ".", " ", "-", "US", "1393/09/10"), { maxLength: 30 });
    const passage = fc.oneof(fc.string({ unit: "binary" }), words.map((parts) => parts.join(" ")));
    fc.assert(
      fc.property(passage, passage, (left, right) => {
        const [difference] = compareTranslations(cableOf([["1", left]]), cableOf([["1", right]]));
        assert.ok(difference!.similarity >= 0 && difference!.similarity <= 1);
        const [same] = compareTranslations(cableOf([["1", left]]), cableOf([["1", left]]));
        assert.deepEqual([same!.similarity, same!.disagrees], [1, false]);
      }),
      { numRuns: 300 },
    );
  });

  it("reads amounts however they are written", () => {
    const amounts = cableOf([["1", "Paid $16 million, 2,500 dollars a month, €87.5 and eighty-seven and a half euros."]]);
    const same = cableOf([["1", "Paid USD 16,000,000, 2500 US dollars monthly, 87.5 euros and EUR 87.5."]]);
    const [difference] = compareTranslations(amounts, same);
    assert.deepEqual([difference!.onlyInFirst, difference!.onlyInSecond], [[], []]);
  });
});
