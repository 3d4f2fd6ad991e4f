import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { scoreSpans } from "../../../eval/conlleval.js";
import { spansFromIob } from "../../../src/extract/ner/labels.js";
import { loadNerModel } from "../../../src/extract/ner/recognise.js";
import { groupByDateline, groupInBlocks, readConll, type ConllSentence } from "../../../src/extract/ner/training/conll-reader.js";
import type { NerLanguage } from "../../../src/extract/ner/token-forms.js";
import { corpusPath } from "../../helpers/corpus.js";

const english = corpusPath("ner-en", "NguyenHoangAn0511_Name-entity-recognition-using-BERT", "conll2003", "eng.testb");
const persian = corpusPath("ner-fa", "HaniehP_PersianNER", "ArmanPersoNERCorpus", "test_fold1.txt");

function f1(language: NerLanguage, documents: ConllSentence[][]): number {
  const model = loadNerModel(language);
  const gold = documents.flat().map((sentence) => spansFromIob(sentence.tags));
  const predicted = documents.flatMap((document) => model.tagDocument(document.map((sentence) => sentence.tokens)).map((tagged) => tagged.spans));
  return scoreSpans(gold, predicted).overall.f1;
}

describe("the shipped models on the test splits of the gold sets", () => {
  it("tag the first 800 sentences of CoNLL-2003 eng.testb with entity F1 above 0.8", { skip: !english || !existsSync(english) }, () => {
    const sentences = readConll(readFileSync(english ?? "", "utf8")).slice(0, 800);
    assert.equal(sentences.length, 800);
    const score = f1("en", groupByDateline(sentences));
    assert.ok(score > 0.8, `F1 ${score}`);
  });

  it("tag the first 600 sentences of ArmanPersoNER test_fold1 with entity F1 above 0.6", { skip: !persian || !existsSync(persian) }, () => {
    const sentences = readConll(readFileSync(persian ?? "", "utf8")).slice(0, 600);
    assert.equal(sentences.length, 600);
    const score = f1("fa", groupInBlocks(sentences, 20));
    assert.ok(score > 0.6, `F1 ${score}`);
  });
});
