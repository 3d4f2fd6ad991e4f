/**
 * Evaluates Trove's NER models on the test splits of the gold sets, beside
 * peers run in the same process on the same sentences: `npm run eval:ner`.
 *
 * - English: CoNLL-2003 eng.testb, Trove's English model beside `compromise`
 *   and `wink-nlp` (with wink-eng-lite-web-model); then the same sentences
 *   upper-cased, as many cables are written.
 * - Persian: ArmanPersoNER test_fold1 (the model is trained on train_fold1
 *   only); neither peer reads Persian, so Trove runs alone.
 *
 * Scores are entity-level by the conlleval rules (exact span and type),
 * overall and per type, plus a span-only F1 that ignores the type. Speed is
 * tokens per second of CPU time of this single-threaded process while
 * tagging the whole split a second time (models loaded; the first pass warms
 * the JIT compiler up, and its rate is kept in the JSON), with the wall-clock
 * rate beside it. CPU time, not wall time, is the figure per core: it does
 * not count time the process spent waiting for a shared core. How the peers' types map to PER/ORG/LOC/MISC is
 * in eval/README.md. Prints a table and writes eval/results/ner-latest.json.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import winkNLP from "wink-nlp";
import winkModel from "wink-eng-lite-web-model";
import { spansFromIob, type Span } from "../src/extract/ner/labels.js";
import { loadNerModel, nerModelPath, recogniseEntities } from "../src/extract/ner/recognise.js";
import { groupByDateline, groupByDocStart, groupInBlocks, readConll, type ConllSentence } from "../src/extract/ner/training/conll-reader.js";
import type { NerLanguage } from "../src/extract/ner/token-forms.js";
import { scoreSpans, type Counts, type SpanScore } from "./conlleval.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(HERE, "results", "ner-latest.json");
const CORPUS = path.resolve(process.cwd(), "../shared/corpus");
const ENGLISH_TEST = path.join(CORPUS, "ner-en/NguyenHoangAn0511_Name-entity-recognition-using-BERT/conll2003/eng.testb");
const PERSIAN_TEST = path.join(CORPUS, "ner-fa/HaniehP_PersianNER/ArmanPersoNERCorpus/test_fold1.txt");
/** As in training: Arman has no document boundaries, so blocks of consecutive sentences stand in for documents. */
const PERSIAN_BLOCK = 20;

const TARGETS = { englishF1: 0.88, persianF1: 0.85, tokensPerSecond: 50_000 };

/** A system under test: tags documents of token lists, returning spans per sentence. */
interface System {
  name: string;
  note: string;
  tag(documents: readonly (readonly string[])[][]): Span[][];
}

interface SystemResult {
  name: string;
  note: string;
  typed: SpanScore;
  /** Span-only: right boundaries, any type. */
  untyped: Counts;
  tokensPerCpuSecond: number;
  tokensPerWallSecond: number;
  /** The rate of the first pass, while the JIT compiler was still warming up. */
  firstPassTokensPerCpuSecond: number;
}

interface SplitResult {
  language: NerLanguage;
  split: string;
  documents: string;
  sentences: number;
  tokens: number;
  systems: SystemResult[];
}

async function main(): Promise<void> {
  const english = readDocuments(ENGLISH_TEST, (sentences) => groupByDocStart(sentences) ?? groupByDateline(sentences));
  const persian = readDocuments(PERSIAN_TEST, (sentences) => groupInBlocks(sentences, PERSIAN_BLOCK));
  const models = (["en", "fa"] as const).map((language) => {
    const started = performance.now();
    const model = loadNerModel(language);
    return {
      language,
      file: path.relative(process.cwd(), nerModelPath(language)),
      bytes: statSync(nerModelPath(language)).size,
      features: model.featureCount,
      loadMilliseconds: Math.round(performance.now() - started),
      trainedOn: model.trainedOn,
    };
  });

  const englishResult = evaluateSplit("en", "CoNLL-2003 eng.testb", "stories recovered from Reuters datelines", english, [
    troveSystem("en"),
    compromiseSystem(),
    winkSystem(),
  ]);
  const capitals = english.map((document) => document.map((sentence) => ({ ...sentence, tokens: sentence.tokens.map((token) => token.toUpperCase()) })));
  const capitalsResult = evaluateSplit("en", "CoNLL-2003 eng.testb in capitals", "as above; every token upper-cased, as in all-capitals cables", capitals, [
    troveSystem("en"),
    compromiseSystem(),
    winkSystem(),
  ]);
  const persianResult = evaluateSplit("fa", "ArmanPersoNER test_fold1", `blocks of ${PERSIAN_BLOCK} consecutive sentences`, persian, [troveSystem("fa")]);
  const endToEnd = (["en", "fa"] as const).map((language) => recogniseSpeed(language, language === "en" ? english : persian));

  for (const result of [englishResult, capitalsResult, persianResult]) printSplit(result);
  console.log("\nrecogniseEntities, text in and mentions out (tokenising, sentence splitting, tagging, confidences):");
  for (const speed of endToEnd) {
    console.log(
      `  ${speed.language}: ${format(speed.tokensPerCpuSecond)} tokens/s per core (CPU), ${format(speed.tokensPerWallSecond)} wall, ` +
        `${format(speed.firstPassTokensPerCpuSecond)} on the first pass; ${speed.mentions} mentions`,
    );
  }
  console.log("\nmodels:");
  for (const model of models) console.log(`  ${model.file}: ${(model.bytes / 1e6).toFixed(2)} MB, ${model.features} features, loaded in ${model.loadMilliseconds} ms; ${model.trainedOn}`);

  const trove = (result: SplitResult) => result.systems[0] as SystemResult;
  const targets = [
    { target: "English F1 (eng.testb)", minimum: TARGETS.englishF1, value: trove(englishResult).typed.overall.f1 },
    { target: "Persian F1 (test_fold1)", minimum: TARGETS.persianF1, value: trove(persianResult).typed.overall.f1 },
    { target: "English tokens/s per core", minimum: TARGETS.tokensPerSecond, value: trove(englishResult).tokensPerCpuSecond },
    { target: "Persian tokens/s per core", minimum: TARGETS.tokensPerSecond, value: trove(persianResult).tokensPerCpuSecond },
  ].map((target) => ({ ...target, met: target.value >= target.minimum }));
  console.log("\ntargets:");
  for (const target of targets) console.log(`  ${target.met ? "met   " : "missed"} ${target.target}: ${format(target.value)} (target ${format(target.minimum)})`);

  const results = {
    generatedAt: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, node: process.version },
    method:
      "conlleval rules: an entity is correct when its span and type equal a gold entity's; speed is tokens per second of process CPU time " +
      "while tagging the whole split a second time (the first pass warms the JIT compiler up; its rate is kept as firstPass…), single-threaded",
    english: englishResult,
    englishInCapitals: capitalsResult,
    persian: persianResult,
    recogniseEntities: endToEnd,
    models,
    targets,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

function readDocuments(file: string, group: (sentences: ConllSentence[]) => ConllSentence[][]): ConllSentence[][] {
  try {
    return group(readConll(readFileSync(file, "utf8")));
  } catch (error) {
    console.error(`eval:ner needs the gold sets beside the project: ${file} (${(error as Error).message})`);
    process.exit(1);
  }
}

function evaluateSplit(language: NerLanguage, split: string, documents: string, gold: ConllSentence[][], systems: System[]): SplitResult {
  const sentences = gold.flat();
  const goldSpans = sentences.map((sentence) => spansFromIob(sentence.tags));
  const tokens = sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0);
  const words = gold.map((document) => document.map((sentence) => sentence.tokens));
  const goldTypes = new Set(goldSpans.flat().map((span) => span.type));
  const results = systems.map((system) => {
    const cold = timed(tokens, () => system.tag(words));
    const warm = timed(tokens, () => system.tag(words));
    const predicted = warm.result;
    const untype = (spans: readonly (readonly Span[])[]) => spans.map((list) => list.map((span) => ({ ...span, type: "ANY" })));
    return {
      name: system.name,
      note: system.note,
      typed: scoreSpans(goldSpans, predicted.map((list) => list.filter((span) => goldTypes.has(span.type)))),
      untyped: scoreSpans(untype(goldSpans), untype(predicted)).overall,
      tokensPerCpuSecond: warm.tokensPerCpuSecond,
      tokensPerWallSecond: warm.tokensPerWallSecond,
      firstPassTokensPerCpuSecond: cold.tokensPerCpuSecond,
    };
  });
  return { language, split, documents, sentences: sentences.length, tokens, systems: results };
}

function troveSystem(language: NerLanguage): System {
  const model = loadNerModel(language);
  return {
    name: "trove",
    note: "Trove's averaged perceptron (models/), documents tagged in order",
    tag: (documents) => documents.flatMap((document) => model.tagDocument(document).map((tagged) => tagged.spans)),
  };
}

/** compromise: people() → PER, organizations() → ORG, places() → LOC; it has no MISC. */
function compromiseSystem(): System {
  const views = [
    ["PER", (document: CompromiseDocument) => document.people()],
    ["ORG", (document: CompromiseDocument) => document.organizations()],
    ["LOC", (document: CompromiseDocument) => document.places()],
  ] as const;
  return {
    name: "compromise",
    note: "compromise 14, sentence by sentence; people → PER, organizations → ORG, places → LOC",
    tag: (documents) =>
      documents.flat().map((tokens) => {
        const text = tokens.join(" ");
        const document = nlp(text) as unknown as CompromiseDocument;
        const found: CharacterSpan[] = [];
        for (const [type, view] of views) {
          for (const match of view(document).json({ offset: true })) {
            if (match.offset) found.push({ start: match.offset.start, end: match.offset.start + match.offset.length, type });
          }
        }
        return toTokenSpans(tokens, found);
      }),
  };
}

/**
 * wink-nlp's English lite model names no people, organisations or places
 * (its entities are dates, times, money, numbers, e-mails, URLs, hashtags…),
 * so none of its entities map to a CoNLL type. For the span-only score each
 * run of proper nouns (PROPN) counts as an entity; its type, PROPN, is no
 * gold type, so the typed score leaves it out.
 */
function winkSystem(): System {
  const wink = winkNLP(winkModel);
  const its = wink.its;
  return {
    name: "wink-nlp",
    note: "wink-nlp 2 with wink-eng-lite-web-model, sentence by sentence; no entity type of its maps to PER/ORG/LOC/MISC; runs of PROPN tokens count as untyped spans",
    tag: (documents) =>
      documents.flat().map((tokens) => {
        const text = tokens.join(" ");
        const document = wink.readDoc(text);
        const values = document.tokens().out(its.value) as string[];
        const tags = document.tokens().out(its.pos) as string[];
        const found: CharacterSpan[] = [];
        let cursor = 0;
        let run: CharacterSpan | undefined;
        values.forEach((value, index) => {
          const start = text.indexOf(value, cursor);
          if (start < 0) return;
          cursor = start + value.length;
          if (tags[index] === "PROPN") {
            if (run) run.end = cursor;
            else run = { start, end: cursor, type: "PROPN" };
          } else if (run) {
            found.push(run);
            run = undefined;
          }
        });
        if (run) found.push(run);
        return toTokenSpans(tokens, found);
      }),
  };
}

interface CompromiseDocument {
  people(): CompromiseView;
  organizations(): CompromiseView;
  places(): CompromiseView;
}

interface CompromiseView {
  json(options: { offset: true }): { offset?: { start: number; length: number } }[];
}

interface CharacterSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Maps character spans in `tokens.join(" ")` to token spans: an entity covers
 * every token it overlaps. Of overlapping entities the first found is kept.
 */
function toTokenSpans(tokens: readonly string[], found: readonly CharacterSpan[]): Span[] {
  const starts: number[] = [];
  let at = 0;
  for (const token of tokens) {
    starts.push(at);
    at += token.length + 1;
  }
  const spans: Span[] = [];
  for (const entity of found) {
    let first = -1;
    let last = -1;
    tokens.forEach((token, index) => {
      const start = starts[index] ?? 0;
      if (start < entity.end && entity.start < start + token.length) {
        if (first < 0) first = index;
        last = index;
      }
    });
    if (first < 0) continue;
    const span = { start: first, end: last + 1, type: entity.type };
    if (!spans.some((other) => other.start < span.end && span.start < other.end)) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** recogniseEntities on the split's text (one text per document, a sentence a line), timed the same way. */
function recogniseSpeed(language: NerLanguage, documents: ConllSentence[][]) {
  const texts = documents.map((document) => document.map((sentence) => sentence.tokens.join(" ")).join("\n"));
  const tokens = documents.flat().reduce((sum, sentence) => sum + sentence.tokens.length, 0);
  const run = () => texts.reduce((mentions, text) => mentions + recogniseEntities(text).length, 0);
  const cold = timed(tokens, run);
  const warm = timed(tokens, run);
  return {
    language,
    mentions: warm.result,
    tokensPerCpuSecond: warm.tokensPerCpuSecond,
    tokensPerWallSecond: warm.tokensPerWallSecond,
    firstPassTokensPerCpuSecond: cold.tokensPerCpuSecond,
  };
}

/** Runs `work` once, measuring tokens per second of this process's CPU time and of wall-clock time. */
function timed<T>(tokens: number, work: () => T): { result: T; tokensPerCpuSecond: number; tokensPerWallSecond: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = work();
  const cpuUsed = process.cpuUsage(cpu);
  return {
    result,
    tokensPerCpuSecond: Math.round(tokens / ((cpuUsed.user + cpuUsed.system) / 1e6)),
    tokensPerWallSecond: Math.round(tokens / ((performance.now() - wall) / 1000)),
  };
}

function printSplit(result: SplitResult): void {
  console.log(`\n${result.split}: ${result.sentences} sentences, ${result.tokens} tokens; documents: ${result.documents}`);
  const header = ["system", "type", "gold", "found", "right", "P", "R", "F1", "span F1", "tokens/s (CPU)", "(wall)", "(1st pass)"];
  const rows: string[][] = [];
  for (const system of result.systems) {
    const { overall, byType } = system.typed;
    rows.push([
      system.name,
      "all",
      ...countCells(overall),
      system.untyped.f1.toFixed(4),
      format(system.tokensPerCpuSecond),
      format(system.tokensPerWallSecond),
      format(system.firstPassTokensPerCpuSecond),
    ]);
    for (const [type, counts] of Object.entries(byType)) rows.push(["", type, ...countCells(counts), "", "", "", ""]);
  }
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const system of result.systems) console.log(`  ${system.name}: ${system.note}`);
}

function countCells(counts: Counts): string[] {
  const rate = (value: number, defined: boolean) => (defined ? value.toFixed(4) : "–");
  return [
    String(counts.gold),
    String(counts.predicted),
    String(counts.correct),
    rate(counts.precision, counts.predicted > 0),
    rate(counts.recall, counts.gold > 0),
    rate(counts.f1, counts.predicted > 0 && counts.gold > 0),
  ];
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(4);
}

await main();
