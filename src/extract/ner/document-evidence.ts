/**
 * What the rest of a document says about a word, for features that look
 * beyond the sentence. A name is usually written the same way throughout a
 * document and is the same kind of entity each time, so:
 *
 * - capitalisation evidence (label-free, from the whole document): whether the
 *   word appears capitalised or in lower case in the middle of mixed-case
 *   sentences, which tells a headline's `CHINA` or a sentence-initial `Doe`
 *   from a capitalised common word;
 * - run evidence (label-free): whether the word appears inside a longer run of
 *   capitalised words (`Jane Doe` makes a later `Doe` a surname);
 * - prediction history: the types the tagger gave the word earlier in the
 *   document.
 *
 * @example
 * const evidence = new DocumentEvidence(4);
 * for (const sentence of sentences) evidence.observe(sentence);
 * // tag each sentence in order, then evidence.record(sentence, types)
 */
import { Capitalisation, type TokenForms } from "./token-forms.js";

export const CASE_CAPITALISED = 1;
export const CASE_LOWER = 2;
export const CASE_ALL_CAPITALS = 4;

export const RUN_SINGLE = 1;
export const RUN_FIRST = 2;
export const RUN_MIDDLE = 4;
export const RUN_LAST = 8;

/** The part of a prepared sentence that document evidence reads. */
export interface SentenceView {
  forms: readonly TokenForms[];
  lowerHash: Uint32Array;
  capitalsSentence: boolean;
}

/** Distinct words remembered per document; bounds memory on huge inputs. */
const MAX_WORDS = 200_000;

export class DocumentEvidence {
  private readonly caseBits = new Map<number, number>();
  private readonly runBits = new Map<number, number>();
  private readonly history = new Map<number, Uint16Array>();

  /** `typeCount`: the number of entity types of the model, for the prediction history. */
  constructor(readonly typeCount: number) {}

  /** Adds a sentence's capitalisation and run evidence. Call for every sentence before tagging any. */
  observe(sentence: SentenceView): void {
    if (sentence.capitalsSentence) return;
    const { forms, lowerHash } = sentence;
    let runStart = -1;
    for (let i = 1; i <= forms.length; i++) {
      const form = forms[i];
      const capitalised = form !== undefined && form.hasLetter && form.capitalisation !== Capitalisation.None;
      if (form && form.hasLetter) {
        const bit =
          form.capitalisation === Capitalisation.None
            ? CASE_LOWER
            : form.capitalisation === Capitalisation.All && form.form.length > 1
              ? CASE_ALL_CAPITALS
              : CASE_CAPITALISED;
        this.orInto(this.caseBits, lowerHash[i] ?? 0, bit);
      }
      if (capitalised && runStart < 0) runStart = i;
      if (!capitalised && runStart >= 0) {
        this.markRun(lowerHash, runStart, i);
        runStart = -1;
      }
    }
  }

  /** Capitalisation evidence bits for a word (CASE_*). */
  caseOf(lowerHash: number): number {
    return this.caseBits.get(lowerHash) ?? 0;
  }

  /** Run evidence bits for a word (RUN_*). */
  runOf(lowerHash: number): number {
    return this.runBits.get(lowerHash) ?? 0;
  }

  /**
   * The types given to the word so far: 0 when never tagged, otherwise
   * 1 + 2 × the commonest type (0 = outside, t + 1 = type t) + 1 if it was always that type.
   */
  historyOf(lowerHash: number): number {
    const counts = this.history.get(lowerHash);
    if (!counts) return 0;
    let best = 0;
    let total = 0;
    for (let k = 0; k < counts.length; k++) {
      const count = counts[k] ?? 0;
      total += count;
      if (count > (counts[best] ?? 0)) best = k;
    }
    return 1 + best * 2 + ((counts[best] ?? 0) === total ? 1 : 0);
  }

  /** Records the types the tagger gave a sentence's words: `types[i]` is -1 outside an entity, else the type index. */
  record(sentence: SentenceView, types: ArrayLike<number>): void {
    const { forms, lowerHash } = sentence;
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i];
      if (!form || !form.hasLetter) continue;
      const type = types[i] ?? -1;
      if (type < 0 && form.capitalisation === Capitalisation.None && form.shape.includes("x")) continue;
      const hash = lowerHash[i] ?? 0;
      let counts = this.history.get(hash);
      if (!counts) {
        if (this.history.size >= MAX_WORDS) continue;
        counts = new Uint16Array(this.typeCount + 1);
        this.history.set(hash, counts);
      }
      const slot = type + 1;
      if ((counts[slot] ?? 0) < 0xffff) counts[slot] = (counts[slot] ?? 0) + 1;
    }
  }

  private markRun(lowerHash: Uint32Array, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const bit = end - start === 1 ? RUN_SINGLE : i === start ? RUN_FIRST : i === end - 1 ? RUN_LAST : RUN_MIDDLE;
      this.orInto(this.runBits, lowerHash[i] ?? 0, bit);
    }
  }

  private orInto(map: Map<number, number>, key: number, bit: number): void {
    const bits = map.get(key);
    if (bits === undefined && map.size >= MAX_WORDS) return;
    map.set(key, (bits ?? 0) | bit);
  }
}
