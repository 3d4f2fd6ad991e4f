/**
 * A loaded NER model: tags the sentences of one document with entity spans.
 * Sentences are tagged in order so that what the tagger said about a word
 * earlier in the document informs later sentences; capitalisation and run
 * evidence come from the whole document first.
 *
 * @example
 * const model = new NerModel(decodeModel(readFileSync("models/ner-en.bin.gz")));
 * model.tagDocument([["Jane", "Doe", "met", "Roe", "."]])
 * // → [{ spans: [{ start: 0, end: 2, type: "PER", confidence: 0.97 }, { start: 3, end: 4, type: "PER", … }] }]
 */
import { DocumentEvidence } from "./document-evidence.js";
import { FEATURE_SET_VERSION, FeatureExtractor, type PreparedSentence } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { BilouLabels, type Span } from "./labels.js";
import { ModelFileError, type ConfidenceCalibration, type ModelContents } from "./model-file.js";
import type { NerLanguage } from "./token-forms.js";
import { margins, viterbi, type Decoded, type Lattice } from "./viterbi.js";
import { SparseWeights } from "./weights.js";
import { WordClasses } from "./word-classes.js";

export interface TaggedSpan extends Span {
  /** 0–1, from the margin by which the tagger preferred this reading. */
  confidence: number;
  /** The smallest margin over the span's tokens between the best labelling and the best one that labels the token otherwise. */
  margin: number;
}

export interface TaggedSentence {
  spans: TaggedSpan[];
}

export interface TagOptions {
  /** Compute each span's confidence (costs a second pass over the lattice); otherwise confidence is 1. */
  confidence?: boolean;
}

export class NerModel {
  readonly language: NerLanguage;
  readonly labels: BilouLabels;
  readonly trainedOn: string;
  private readonly weights: SparseWeights;
  private readonly extractor: FeatureExtractor;
  private readonly calibration: ConfidenceCalibration;

  constructor(contents: ModelContents) {
    const { header } = contents;
    if (header.featureSetVersion !== FEATURE_SET_VERSION) {
      throw new ModelFileError(`the model uses feature set ${header.featureSetVersion}; this program computes ${FEATURE_SET_VERSION}`);
    }
    this.language = header.language;
    this.labels = new BilouLabels(header.types);
    if (contents.weights.labelCount !== this.labels.size) throw new ModelFileError("the model's labels disagree with its types");
    this.trainedOn = header.trainedOn;
    this.weights = new SparseWeights(contents.weights);
    this.calibration = header.calibration;
    this.extractor = new FeatureExtractor(header.language, {
      gazetteer: new Gazetteer(header.gazetteer),
      casing: WordClasses.fromArrays(contents.casing),
      entityRates: WordClasses.fromArrays(contents.entityRates),
    });
  }

  get featureCount(): number {
    return this.weights.featureCount;
  }

  /** Tags the sentences (each a list of token strings) of one document, in order. */
  tagDocument(sentences: readonly (readonly string[])[], options: TagOptions = {}): TaggedSentence[] {
    const prepared = sentences.map((words) => this.extractor.prepare(words));
    const evidence = new DocumentEvidence(this.labels.types.length);
    for (const sentence of prepared) evidence.observe(sentence);
    return prepared.map((sentence) => {
      const lattice = this.lattice(sentence, evidence);
      const decoded = viterbi(lattice);
      evidence.record(sentence, this.typesOf(decoded.labels));
      return { spans: this.spansOf(lattice, decoded, options.confidence === true) };
    });
  }

  private lattice(sentence: PreparedSentence, evidence: DocumentEvidence): Lattice {
    const size = this.labels.size;
    const emissions = new Float32Array(sentence.length * size);
    const keys: number[] = [];
    for (let i = 0; i < sentence.length; i++) {
      keys.length = 0;
      this.extractor.staticKeys(sentence, evidence, i, keys);
      this.extractor.historyKeys(sentence, evidence, i, keys);
      this.weights.addScores(keys, emissions, i * size);
    }
    return {
      emissions,
      length: sentence.length,
      labelCount: size,
      transitions: this.weights.transitions,
      start: this.weights.start,
      end: this.weights.end,
      allowed: this.labels.allowed,
      allowedFirst: this.labels.allowedFirst,
      allowedLast: this.labels.allowedLast,
    };
  }

  private typesOf(labels: Uint8Array): Int8Array {
    const types = new Int8Array(labels.length);
    for (let i = 0; i < labels.length; i++) types[i] = this.labels.typeIndex(labels[i] ?? 0);
    return types;
  }

  private spansOf(lattice: Lattice, decoded: Decoded, withConfidence: boolean): TaggedSpan[] {
    const spans = this.labels.decode(decoded.labels);
    if (!withConfidence) return spans.map((span) => ({ ...span, confidence: 1, margin: Infinity }));
    const tokenMargins = margins(lattice, decoded);
    return spans.map((span) => {
      let margin = Infinity;
      for (let i = span.start; i < span.end; i++) margin = Math.min(margin, tokenMargins[i] ?? 0);
      return { ...span, confidence: confidenceOf(margin, this.calibration), margin };
    });
  }
}

function confidenceOf(margin: number, calibration: ConfidenceCalibration): number {
  if (!Number.isFinite(margin)) return 1;
  const z = calibration.slope * margin + calibration.intercept;
  return 1 / (1 + Math.exp(-z));
}
