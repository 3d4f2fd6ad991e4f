/**
 * The on-disk form of a trained NER model (`models/ner-en.bin.gz`): gzip of
 * a small binary layout, so that a model of hundreds of thousands of features
 * stays a few megabytes and loads in well under a second.
 *
 * Layout (little-endian), after gunzip:
 *   "TROVENER"  magic, 8 bytes
 *   u32         length of the JSON header in bytes, then the header (UTF-8)
 *   u32[F]      feature keys
 *   u8[F]       how many labels each feature has a weight for
 *   u8[N]       those labels, feature by feature
 *   i16[N]      the weights, times `weightScale`
 *   f32[L*L+2L] transitions, then start and end scores
 *   u32[C]      casing lexicon word hashes, ascending
 *   u8[C]       their casing classes
 *   u32[R]      entity-rate word hashes, ascending
 *   u8[R]       their classes
 * The header holds the language, entity types, counts, the gazetteer and how
 * margins map to confidence. Sections are copied out on reading, so that each
 * typed array is aligned.
 *
 * @example
 * const bytes = encodeModel(model);
 * decodeModel(bytes).header.language // → "en"
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { TroveError } from "../../errors.js";
import type { GazetteerEntry } from "./gazetteer.js";
import type { WordClassArrays } from "./word-classes.js";
import type { NerLanguage } from "./token-forms.js";
import type { SparseWeightsData } from "./weights.js";

const MAGIC = "TROVENER";

/** Maps a margin to a confidence: `1 / (1 + exp(-(slope * margin + intercept)))`. */
export interface ConfidenceCalibration {
  slope: number;
  intercept: number;
}

export interface ModelHeader {
  language: NerLanguage;
  /** Entity types in label order, as in the gold set (`PER`, `ORG`, … or `pers`, `org`, …). */
  types: string[];
  featureSetVersion: number;
  calibration: ConfidenceCalibration;
  /** What the model was trained on, for people reading the file. */
  trainedOn: string;
  gazetteer: GazetteerEntry[];
}

export interface ModelContents {
  header: ModelHeader;
  weights: SparseWeightsData;
  casing: WordClassArrays;
  entityRates: WordClassArrays;
}

interface StoredHeader extends ModelHeader {
  featureCount: number;
  weightCount: number;
  labelCount: number;
  casingCount: number;
  entityRateCount: number;
  weightScale: number;
}

/** A model file that cannot be read: missing, corrupt, or made for other features. */
export class ModelFileError extends TroveError {
  constructor(message: string, options?: ErrorOptions) {
    super("ner-model", message, options);
  }
}

export function encodeModel(contents: ModelContents): Buffer {
  const { weights, casing, entityRates } = contents;
  const featureCount = weights.keys.length;
  const weightCount = weights.values.length;
  const largest = weights.values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  const weightScale = largest > 0 ? 32767 / largest : 1;
  const header: StoredHeader = {
    ...contents.header,
    featureCount,
    weightCount,
    labelCount: weights.labelCount,
    casingCount: casing.hashes.length,
    entityRateCount: entityRates.hashes.length,
    weightScale,
  };
  const counts = new Uint8Array(featureCount);
  for (let row = 0; row < featureCount; row++) counts[row] = (weights.rowStart[row + 1] ?? 0) - (weights.rowStart[row] ?? 0);
  const quantised = new Int16Array(weightCount);
  for (let j = 0; j < weightCount; j++) quantised[j] = Math.round((weights.values[j] ?? 0) * weightScale);
  const scores = new Float32Array([...weights.transitions, ...weights.start, ...weights.end]);
  const parts: Buffer[] = [
    Buffer.from(MAGIC, "latin1"),
    u32(Buffer.byteLength(JSON.stringify(header))),
    Buffer.from(JSON.stringify(header), "utf8"),
    bytes(weights.keys),
    bytes(counts),
    bytes(weights.labels),
    bytes(quantised),
    bytes(scores),
    bytes(casing.hashes),
    bytes(casing.classes),
    bytes(entityRates.hashes),
    bytes(entityRates.classes),
  ];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(compressed: Uint8Array): ModelContents {
  let raw: Buffer;
  try {
    raw = gunzipSync(compressed);
  } catch (error) {
    throw new ModelFileError("the model file is not gzip data", { cause: error });
  }
  const reader = new Reader(raw);
  if (reader.text(MAGIC.length, "latin1") !== MAGIC) throw new ModelFileError("the model file lacks the TROVENER magic");
  const header = readHeader(reader.text(reader.u32(), "utf8"));
  const { featureCount, weightCount, labelCount, casingCount, entityRateCount, weightScale } = header;
  const keys = new Uint32Array(reader.take(featureCount * 4));
  const counts = new Uint8Array(reader.take(featureCount));
  const labels = new Uint8Array(reader.take(weightCount));
  const quantised = new Int16Array(reader.take(weightCount * 2));
  const scores = new Float32Array(reader.take((labelCount * labelCount + 2 * labelCount) * 4));
  const casing = { hashes: new Uint32Array(reader.take(casingCount * 4)), classes: new Uint8Array(reader.take(casingCount)) };
  const entityRates = { hashes: new Uint32Array(reader.take(entityRateCount * 4)), classes: new Uint8Array(reader.take(entityRateCount)) };
  const rowStart = new Uint32Array(featureCount + 1);
  for (let row = 0; row < featureCount; row++) rowStart[row + 1] = (rowStart[row] ?? 0) + (counts[row] ?? 0);
  if (rowStart[featureCount] !== weightCount) throw new ModelFileError("the model file's weight counts disagree");
  const values = new Float32Array(weightCount);
  for (let j = 0; j < weightCount; j++) values[j] = (quantised[j] ?? 0) / weightScale;
  const transitionCount = labelCount * labelCount;
  return {
    header: {
      language: header.language,
      types: header.types,
      featureSetVersion: header.featureSetVersion,
      calibration: header.calibration,
      trainedOn: header.trainedOn,
      gazetteer: header.gazetteer,
    },
    weights: {
      labelCount,
      keys,
      rowStart,
      labels,
      values,
      transitions: scores.slice(0, transitionCount),
      start: scores.slice(transitionCount, transitionCount + labelCount),
      end: scores.slice(transitionCount + labelCount),
    },
    casing,
    entityRates,
  };
}

function readHeader(json: string): StoredHeader {
  let header: StoredHeader;
  try {
    header = JSON.parse(json) as StoredHeader;
  } catch (error) {
    throw new ModelFileError("the model file's header is not JSON", { cause: error });
  }
  const counts = [header.featureCount, header.weightCount, header.labelCount, header.casingCount, header.entityRateCount];
  const valid =
    (header.language === "en" || header.language === "fa") &&
    Array.isArray(header.types) &&
    Array.isArray(header.gazetteer) &&
    counts.every((count) => Number.isInteger(count) && count >= 0) &&
    Number.isFinite(header.weightScale) &&
    header.weightScale > 0;
  if (!valid) throw new ModelFileError("the model file's header is incomplete");
  return header;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function bytes(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Reads the sections in order, copying each into its own aligned buffer. */
class Reader {
  private offset = 0;

  constructor(private readonly raw: Buffer) {}

  u32(): number {
    if (this.offset + 4 > this.raw.length) throw new ModelFileError("the model file is truncated");
    const value = this.raw.readUInt32LE(this.offset);
    this.offset += 4;
    return value;
  }

  text(length: number, encoding: "latin1" | "utf8"): string {
    if (this.offset + length > this.raw.length) throw new ModelFileError("the model file is truncated");
    return this.raw.toString(encoding, this.offset, (this.offset += length));
  }

  take(length: number): ArrayBuffer {
    if (!Number.isInteger(length) || length < 0 || this.offset + length > this.raw.length) {
      throw new ModelFileError("the model file is truncated");
    }
    const copy = new Uint8Array(length);
    copy.set(this.raw.subarray(this.offset, this.offset + length));
    this.offset += length;
    return copy.buffer;
  }
}
