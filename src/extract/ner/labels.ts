/**
 * Entity spans over token sequences, and the BILOU labels the tagger predicts.
 *
 * Gold sets come as IOB tags (`B-PER I-PER O`); the tagger learns BILOU
 * (Begin, Inside, Last, Unit, Outside), which lets it tell a one-word name
 * from the end of a longer one. Reading IOB follows the conlleval rules, so
 * IOB1 (`I-` starts an entity after `O`) and IOB2 both read correctly.
 *
 * @example
 * spansFromIob(["B-PER", "I-PER", "O", "I-LOC"])
 * // → [{ start: 0, end: 2, type: "PER" }, { start: 3, end: 4, type: "LOC" }]
 */

/** An entity over tokens `start` (inclusive) to `end` (exclusive). */
export interface Span {
  start: number;
  end: number;
  type: string;
}

/** Reads IOB1 or IOB2 tags into spans, as conlleval does. Tags other than `B-x`/`I-x` read as outside. */
export function spansFromIob(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let open: Span | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? "O";
    const prefix = tag.slice(0, 2);
    const type = tag.slice(2);
    const continues = prefix === "I-" && open !== undefined && open.type === type;
    if (continues && open) {
      open.end = i + 1;
      continue;
    }
    if (open) spans.push(open);
    open = prefix === "B-" || prefix === "I-" ? { start: i, end: i + 1, type } : undefined;
  }
  if (open) spans.push(open);
  return spans;
}

/** Writes spans as IOB2 tags over `length` tokens. */
export function iobFromSpans(spans: readonly Span[], length: number): string[] {
  const tags = new Array<string>(length).fill("O");
  for (const span of spans) {
    for (let i = span.start; i < span.end && i < length; i++) tags[i] = `${i === span.start ? "B" : "I"}-${span.type}`;
  }
  return tags;
}

/**
 * The label set of a model: `O` first, then B-, I-, L-, U- for each entity
 * type. Knows which label follows which, so decoding only ever produces whole
 * entities.
 */
export class BilouLabels {
  readonly names: readonly string[];
  readonly types: readonly string[];
  /** `allowed[from * size + to]`: whether label `to` may follow label `from`. */
  readonly allowed: Uint8Array;
  /** Labels that may open a sentence (O, B-, U-). */
  readonly allowedFirst: Uint8Array;
  /** Labels that may close a sentence (O, L-, U-). */
  readonly allowedLast: Uint8Array;

  constructor(types: readonly string[]) {
    this.types = [...types];
    this.names = ["O", ...types.flatMap((type) => ["B", "I", "L", "U"].map((prefix) => `${prefix}-${type}`))];
    const size = this.names.length;
    this.allowed = new Uint8Array(size * size);
    this.allowedFirst = new Uint8Array(size);
    this.allowedLast = new Uint8Array(size);
    for (let from = 0; from < size; from++) {
      this.allowedFirst[from] = this.opens(from) ? 1 : 0;
      this.allowedLast[from] = this.closes(from) ? 1 : 0;
      for (let to = 0; to < size; to++) {
        const inside = this.prefix(from) === "B" || this.prefix(from) === "I";
        const continues = this.prefix(to) === "I" || this.prefix(to) === "L";
        const ok = inside ? continues && this.typeIndex(to) === this.typeIndex(from) : !continues;
        this.allowed[from * size + to] = ok ? 1 : 0;
      }
    }
  }

  get size(): number {
    return this.names.length;
  }

  /** The index of `type` among the entity types, or -1 for `O`. */
  typeIndex(label: number): number {
    return label === 0 ? -1 : Math.floor((label - 1) / 4);
  }

  /** `B`, `I`, `L`, `U` or `O`. */
  prefix(label: number): string {
    return label === 0 ? "O" : (["B", "I", "L", "U"][(label - 1) % 4] ?? "O");
  }

  /** Encodes spans over `length` tokens as label indices; spans of unknown types are left outside. */
  encode(spans: readonly Span[], length: number): Uint8Array {
    const labels = new Uint8Array(length);
    for (const span of spans) {
      const type = this.types.indexOf(span.type);
      if (type < 0) continue;
      const base = 1 + type * 4;
      if (span.end - span.start === 1) {
        labels[span.start] = base + 3;
        continue;
      }
      for (let i = span.start; i < span.end; i++) labels[i] = base + (i === span.start ? 0 : i === span.end - 1 ? 2 : 1);
    }
    return labels;
  }

  /** Decodes label indices into spans; a malformed run (`I` without `B`) is read leniently as an entity. */
  decode(labels: ArrayLike<number>): Span[] {
    const spans: Span[] = [];
    let open: Span | undefined;
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i] ?? 0;
      const prefix = this.prefix(label);
      const type = this.types[this.typeIndex(label)] ?? "";
      if (open && (prefix === "I" || prefix === "L") && open.type === type) {
        open.end = i + 1;
      } else {
        if (open) spans.push(open);
        open = prefix === "O" ? undefined : { start: i, end: i + 1, type };
      }
      if (open && (prefix === "L" || prefix === "U")) {
        spans.push(open);
        open = undefined;
      }
    }
    if (open) spans.push(open);
    return spans;
  }

  private opens(label: number): boolean {
    const prefix = this.prefix(label);
    return prefix === "O" || prefix === "B" || prefix === "U";
  }

  private closes(label: number): boolean {
    const prefix = this.prefix(label);
    return prefix === "O" || prefix === "L" || prefix === "U";
  }
}
