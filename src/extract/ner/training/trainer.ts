/**
 * Trains a NER tagger: a structured averaged perceptron over BILOU labels,
 * Viterbi-decoded, on documents of gold sentences.
 *
 * - Each epoch visits the documents in a new order (a seeded shuffle, so runs
 *   are repeatable) and their sentences in document order, so that the
 *   prediction-history features see what the tagger itself said earlier, as
 *   they will when tagging new text.
 * - The gazetteer and word lexicons of a training sentence come from the
 *   other folds of the data (see resources.ts); the shipped model carries
 *   those built from all of it.
 * - After each epoch the averaged model is handed to `evaluate` (a score on
 *   held-out data); training stops when the score has not improved for
 *   `patience` epochs and the best epoch's model is returned.
 *
 * @example
 * const result = trainTagger(documents, { language: "en", types: ["PER", "ORG", "LOC", "MISC"], epochs: 12,
 *   evaluate: (tagger) => scoreOnDev(tagger) });
 * writeFileSync("models/ner-en.bin.gz", encodeModel(result.contents));
 */
import { DocumentEvidence } from "../document-evidence.js";
import { FEATURE_SET_VERSION, FeatureExtractor, type FeatureResources, type PreparedSentence } from "../features.js";
import { BilouLabels } from "../labels.js";
import type { ModelContents } from "../model-file.js";
import { NerModel } from "../ner-model.js";
import type { NerLanguage } from "../token-forms.js";
import { viterbi, type Lattice } from "../viterbi.js";
import { AveragedWeights } from "./averaged-weights.js";
import { ResourceCounts, type TrainingDocument } from "./resources.js";
import { seededRandom } from "./seeded-random.js";

export interface TrainerOptions {
  language: NerLanguage;
  types: string[];
  /** The most epochs to run. */
  epochs: number;
  /** Stop after this many epochs without a better score. */
  patience?: number;
  /** Parts the data is cut into for the jackknifed gazetteer and lexicons. */
  folds?: number;
  /** The part a document belongs to (default: its index modulo `folds`); a document and its copies must share one. */
  foldOf?: (documentIndex: number) => number;
  seed?: number;
  /** Averaged weights smaller than this are dropped from the model. */
  pruneBelow?: number;
  /** Scores a candidate model on held-out data (higher is better); without it every epoch runs and the last is kept. */
  evaluate?: (tagger: NerModel, contents: ModelContents) => number;
  /** Called after each epoch. */
  progress?: (report: EpochReport) => void;
  /** Written into the model file. */
  trainedOn: string;
}

export interface EpochReport {
  epoch: number;
  /** Training sentences the tagger got wrong during the epoch. */
  mistakes: number;
  score: number | undefined;
  seconds: number;
  features: number;
}

export interface TrainingResult {
  contents: ModelContents;
  bestEpoch: number;
  reports: EpochReport[];
}

interface PreparedDocument {
  sentences: PreparedSentence[];
  gold: Uint8Array[];
  /** Static feature rows of every token of every sentence: sentence s, token i → rows[offsets[s][i]] to rows[offsets[s][i + 1]]. */
  offsets: Uint32Array[];
}

export function trainTagger(documents: readonly TrainingDocument[], options: TrainerOptions): TrainingResult {
  const labels = new BilouLabels(options.types);
  const folds = Math.max(2, options.folds ?? 5);
  const patience = options.patience ?? 3;
  const pruneBelow = options.pruneBelow ?? 0;
  const random = seededRandom(options.seed ?? 1);

  const foldOf = (index: number) => (options.foldOf ? options.foldOf(index) : index) % folds;
  const all = ResourceCounts.count(options.language, options.types, documents);
  const foldResources: FeatureResources[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const part = documents.filter((_, index) => foldOf(index) === fold);
    foldResources.push(all.without(ResourceCounts.count(options.language, options.types, part)).resources());
  }
  const extractor = new FeatureExtractor(options.language, all.resources());
  const weights = new AveragedWeights(labels.size);
  const rows = new RowList();
  const prepared = documents.map((document, index) => {
    extractor.useResources(foldResources[foldOf(index)] as FeatureResources);
    return prepareDocument(document, extractor, labels, weights, rows);
  });
  extractor.useResources(all.resources());

  const reports: EpochReport[] = [];
  let best: { score: number; epoch: number; contents: ModelContents } | undefined;
  const order = prepared.map((_, index) => index);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = performance.now();
    shuffle(order, random);
    let mistakes = 0;
    for (const index of order) mistakes += trainOnDocument(prepared[index] as PreparedDocument, extractor, labels, weights, rows.array);
    const contents = modelContents(weights, pruneBelow, options, all);
    const score = options.evaluate ? options.evaluate(new NerModel(contents), contents) : undefined;
    const report = { epoch, mistakes, score, seconds: (performance.now() - started) / 1000, features: weights.featureCount };
    reports.push(report);
    options.progress?.(report);
    if (!best || score === undefined || score > best.score) best = { score: score ?? 0, epoch, contents };
    else if (epoch - best.epoch >= patience) break;
  }
  if (!best) throw new RangeError("training needs at least one epoch");
  return { contents: best.contents, bestEpoch: best.epoch, reports };
}

function prepareDocument(
  document: TrainingDocument,
  extractor: FeatureExtractor,
  labels: BilouLabels,
  weights: AveragedWeights,
  rows: RowList,
): PreparedDocument {
  const sentences = document.map((sentence) => extractor.prepare(sentence.words));
  const evidence = new DocumentEvidence(labels.types.length);
  for (const sentence of sentences) evidence.observe(sentence);
  const keys: number[] = [];
  const offsets = sentences.map((sentence) => {
    const sentenceOffsets = new Uint32Array(sentence.length + 1);
    for (let i = 0; i < sentence.length; i++) {
      sentenceOffsets[i] = rows.length;
      keys.length = 0;
      extractor.staticKeys(sentence, evidence, i, keys);
      for (const key of keys) rows.push(weights.rowFor(key, true));
    }
    sentenceOffsets[sentence.length] = rows.length;
    return sentenceOffsets;
  });
  return { sentences, gold: document.map((sentence, index) => labels.encode(sentence.spans, sentences[index]?.length ?? 0)), offsets };
}

/** One pass over a document's sentences in order; returns how many it got wrong. */
function trainOnDocument(
  document: PreparedDocument,
  extractor: FeatureExtractor,
  labels: BilouLabels,
  weights: AveragedWeights,
  staticRows: Int32Array,
): number {
  const size = labels.size;
  const evidence = new DocumentEvidence(labels.types.length);
  const keys: number[] = [];
  let mistakes = 0;
  document.sentences.forEach((sentence, s) => {
    const n = sentence.length;
    const offsets = document.offsets[s] as Uint32Array;
    const gold = document.gold[s] as Uint8Array;
    const emissions = new Float32Array(n * size);
    const historyRows: number[][] = [];
    for (let i = 0; i < n; i++) {
      weights.score(staticRows, offsets[i] ?? 0, offsets[i + 1] ?? 0, emissions, i * size);
      keys.length = 0;
      extractor.historyKeys(sentence, evidence, i, keys);
      const tokenRows = keys.map((key) => weights.rowFor(key, true));
      historyRows.push(tokenRows);
      weights.score(tokenRows, 0, tokenRows.length, emissions, i * size);
    }
    const lattice: Lattice = {
      emissions,
      length: n,
      labelCount: size,
      transitions: weights.transitions,
      start: weights.start,
      end: weights.end,
      allowed: labels.allowed,
      allowedFirst: labels.allowedFirst,
      allowedLast: labels.allowedLast,
    };
    const predicted = viterbi(lattice).labels;
    let wrong = false;
    for (let i = 0; i < n; i++) {
      const goldLabel = gold[i] ?? 0;
      const predictedLabel = predicted[i] ?? 0;
      if (goldLabel === predictedLabel) continue;
      wrong = true;
      const from = offsets[i] ?? 0;
      const to = offsets[i + 1] ?? 0;
      const tokenHistory = historyRows[i] ?? [];
      weights.addToRows(staticRows, from, to, goldLabel, 1);
      weights.addToRows(staticRows, from, to, predictedLabel, -1);
      weights.addToRows(tokenHistory, 0, tokenHistory.length, goldLabel, 1);
      weights.addToRows(tokenHistory, 0, tokenHistory.length, predictedLabel, -1);
    }
    if (wrong) {
      mistakes++;
      updateTransitions(weights, gold, predicted);
    }
    weights.tick();
    const types = new Int8Array(n);
    for (let i = 0; i < n; i++) types[i] = labels.typeIndex(predicted[i] ?? 0);
    evidence.record(sentence, types);
  });
  return mistakes;
}

function updateTransitions(weights: AveragedWeights, gold: Uint8Array, predicted: Uint8Array): void {
  const n = gold.length;
  if (n === 0) return;
  if (gold[0] !== predicted[0]) {
    weights.addToStart(gold[0] ?? 0, 1);
    weights.addToStart(predicted[0] ?? 0, -1);
  }
  if (gold[n - 1] !== predicted[n - 1]) {
    weights.addToEnd(gold[n - 1] ?? 0, 1);
    weights.addToEnd(predicted[n - 1] ?? 0, -1);
  }
  for (let i = 1; i < n; i++) {
    const goldFrom = gold[i - 1] ?? 0;
    const goldTo = gold[i] ?? 0;
    const predictedFrom = predicted[i - 1] ?? 0;
    const predictedTo = predicted[i] ?? 0;
    if (goldFrom === predictedFrom && goldTo === predictedTo) continue;
    weights.addToTransition(goldFrom, goldTo, 1);
    weights.addToTransition(predictedFrom, predictedTo, -1);
  }
}

function modelContents(weights: AveragedWeights, pruneBelow: number, options: TrainerOptions, all: ResourceCounts): ModelContents {
  return {
    header: {
      language: options.language,
      types: options.types,
      featureSetVersion: FEATURE_SET_VERSION,
      calibration: { slope: 1, intercept: 0 },
      trainedOn: options.trainedOn,
      gazetteer: all.gazetteerEntries(),
    },
    weights: weights.averaged(pruneBelow),
    casing: all.casing.lexicon().toArrays(),
    entityRates: all.rates.lexicon().toArrays(),
  };
}

/** A growable list of row numbers. */
class RowList {
  array = new Int32Array(1 << 20);
  length = 0;

  push(row: number): void {
    if (this.length >= this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = row;
  }
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
}
