/**
 * Reads NER gold sets in the CoNLL column format (one token a line, columns
 * separated by spaces, the tag in the last column, a blank line between
 * sentences, `-DOCSTART-` lines between documents) and groups the sentences
 * into documents, for the document-level features.
 *
 * The copies of CoNLL-2003 and ArmanPersoNER beside Trove have no
 * `-DOCSTART-` lines, so documents are recovered from the text:
 * `groupByDateline` starts a news story at the headline before each Reuters
 * dateline (`ROME 1996-12-06`); `groupInBlocks` cuts a corpus of consecutive
 * sentences into blocks of a fixed size.
 *
 * @example
 * const sentences = readConll(readFileSync("eng.testb", "utf8"));
 * const documents = groupByDateline(sentences);
 */

export interface ConllSentence {
  tokens: string[];
  tags: string[];
  /** Whether a `-DOCSTART-` line came before this sentence. */
  startsDocument: boolean;
}

/** Reads every sentence; lines with fewer than two columns are skipped. */
export function readConll(text: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let current: ConllSentence = { tokens: [], tags: [], startsDocument: false };
  let documentPending = false;
  const flush = () => {
    if (current.tokens.length > 0) sentences.push(current);
    current = { tokens: [], tags: [], startsDocument: false };
  };
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\r$/, "");
    if (line.trim() === "") {
      flush();
      continue;
    }
    const columns = line.split(/[ \t]+/).filter((column) => column !== "");
    if (columns[0] === "-DOCSTART-") {
      flush();
      documentPending = true;
      continue;
    }
    if (columns.length < 2) continue;
    if (current.tokens.length === 0) {
      current.startsDocument = documentPending;
      documentPending = false;
    }
    current.tokens.push(columns[0] ?? "");
    current.tags.push(columns[columns.length - 1] ?? "O");
  }
  flush();
  return sentences;
}

/** Splits at `-DOCSTART-` lines; undefined when the file has none. */
export function groupByDocStart(sentences: readonly ConllSentence[]): ConllSentence[][] | undefined {
  if (!sentences.some((sentence) => sentence.startsDocument)) return undefined;
  return groupAt(sentences, (index) => sentences[index]?.startsDocument === true);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Starts a document at the headline of each Reuters story. The dateline is a
 * short line ending in an ISO date; the story starts one line earlier (the
 * headline), or two when the line before the dateline is a byline under an
 * all-capitals headline.
 */
export function groupByDateline(sentences: readonly ConllSentence[]): ConllSentence[][] {
  const starts = new Set<number>([0]);
  sentences.forEach((sentence, index) => {
    const last = sentence.tokens[sentence.tokens.length - 1] ?? "";
    if (!DATE.test(last) || sentence.tokens.length > 10) return;
    let start = Math.max(0, index - 1);
    const previous = sentences[index - 1];
    const beforePrevious = sentences[index - 2];
    if (previous && beforePrevious && !isCapitals(previous) && isCapitals(beforePrevious) && previous.tokens.length <= 5) start = index - 2;
    starts.add(start);
  });
  return groupAt(sentences, (index) => starts.has(index));
}

/** Cuts consecutive sentences into documents of `size` sentences. */
export function groupInBlocks(sentences: readonly ConllSentence[], size: number): ConllSentence[][] {
  return groupAt(sentences, (index) => index % Math.max(1, size) === 0);
}

function groupAt(sentences: readonly ConllSentence[], startsAt: (index: number) => boolean): ConllSentence[][] {
  const documents: ConllSentence[][] = [];
  sentences.forEach((sentence, index) => {
    if (index === 0 || startsAt(index)) documents.push([]);
    documents[documents.length - 1]?.push(sentence);
  });
  return documents;
}

function isCapitals(sentence: ConllSentence): boolean {
  const words = sentence.tokens.filter((token) => /[A-Za-z]/.test(token));
  return words.length > 0 && words.every((word) => word === word.toUpperCase());
}
