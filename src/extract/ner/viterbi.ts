/**
 * Viterbi decoding of a first-order label sequence: the best labels for a
 * sentence given per-token label scores, label-to-label transition scores,
 * and which transitions are allowed (so BILOU output is always well formed).
 * `margins` also gives, per token, how far the best sequence is ahead of the
 * best sequence that labels that token differently: the tagger's confidence.
 *
 * @example
 * const labels = viterbi({ emissions, length: 3, labelCount: 2, transitions, start, end, allowed, allowedFirst, allowedLast });
 */

export interface Lattice {
  /** `emissions[i * labelCount + label]`: the score of `label` at token `i`. */
  emissions: Float32Array | Float64Array;
  length: number;
  labelCount: number;
  /** `transitions[from * labelCount + to]`. */
  transitions: Float32Array | Float64Array;
  /** Scores of the first and last label. */
  start: Float32Array | Float64Array;
  end: Float32Array | Float64Array;
  allowed: Uint8Array;
  allowedFirst: Uint8Array;
  allowedLast: Uint8Array;
}

export interface Decoded {
  labels: Uint8Array;
  /** The best sequence's score. */
  score: number;
}

/** The best-scoring allowed label sequence. An empty sentence decodes to no labels. */
export function viterbi(lattice: Lattice): Decoded {
  const { length: n, labelCount: size } = lattice;
  const labels = new Uint8Array(n);
  if (n === 0) return { labels, score: 0 };
  const { forward, back } = forwardPass(lattice);
  let best = -Infinity;
  let bestLabel = 0;
  for (let label = 0; label < size; label++) {
    if (!lattice.allowedLast[label]) continue;
    const score = (forward[(n - 1) * size + label] ?? -Infinity) + (lattice.end[label] ?? 0);
    if (score > best) {
      best = score;
      bestLabel = label;
    }
  }
  labels[n - 1] = bestLabel;
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * size + (labels[i] ?? 0)] ?? 0;
  return { labels, score: best };
}

/**
 * Per token, the best sequence's score less the best score of any sequence
 * with a different label at that token (max-marginals); Infinity when no other
 * label is possible.
 */
export function margins(lattice: Lattice, decoded: Decoded): Float64Array {
  const { length: n, labelCount: size } = lattice;
  const result = new Float64Array(n);
  if (n === 0) return result;
  const { forward } = forwardPass(lattice);
  const backward = backwardPass(lattice);
  for (let i = 0; i < n; i++) {
    let rival = -Infinity;
    for (let label = 0; label < size; label++) {
      if (label === decoded.labels[i]) continue;
      const score = (forward[i * size + label] ?? -Infinity) + (backward[i * size + label] ?? -Infinity);
      if (score > rival) rival = score;
    }
    result[i] = decoded.score - rival;
  }
  return result;
}

function forwardPass(lattice: Lattice): { forward: Float64Array; back: Uint8Array } {
  const { emissions, length: n, labelCount: size, transitions, allowed } = lattice;
  const forward = new Float64Array(n * size).fill(-Infinity);
  const back = new Uint8Array(n * size);
  for (let label = 0; label < size; label++) {
    if (lattice.allowedFirst[label]) forward[label] = (lattice.start[label] ?? 0) + (emissions[label] ?? 0);
  }
  for (let i = 1; i < n; i++) {
    const previousRow = (i - 1) * size;
    for (let to = 0; to < size; to++) {
      let best = -Infinity;
      let bestFrom = 0;
      for (let from = 0; from < size; from++) {
        if (!allowed[from * size + to]) continue;
        const score = (forward[previousRow + from] ?? -Infinity) + (transitions[from * size + to] ?? 0);
        if (score > best) {
          best = score;
          bestFrom = from;
        }
      }
      forward[i * size + to] = best + (emissions[i * size + to] ?? 0);
      back[i * size + to] = bestFrom;
    }
  }
  return { forward, back };
}

/** `backward[i * size + label]`: the best score of tokens after `i` given `label` at `i`, end score included. */
function backwardPass(lattice: Lattice): Float64Array {
  const { emissions, length: n, labelCount: size, transitions, allowed } = lattice;
  const backward = new Float64Array(n * size).fill(-Infinity);
  for (let label = 0; label < size; label++) {
    if (lattice.allowedLast[label]) backward[(n - 1) * size + label] = lattice.end[label] ?? 0;
  }
  for (let i = n - 2; i >= 0; i--) {
    const nextRow = (i + 1) * size;
    for (let from = 0; from < size; from++) {
      let best = -Infinity;
      for (let to = 0; to < size; to++) {
        if (!allowed[from * size + to]) continue;
        const score = (transitions[from * size + to] ?? 0) + (emissions[nextRow + to] ?? 0) + (backward[nextRow + to] ?? -Infinity);
        if (score > best) best = score;
      }
      backward[i * size + from] = best;
    }
  }
  return backward;
}
