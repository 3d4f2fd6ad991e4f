/**
 * Trove's typed errors. Each carries a stable `code` so that callers, the CLI
 * and the JSON API can react to the kind of failure without parsing messages.
 */
export class TroveError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A search query that cannot be parsed; `position` is the 0-based offset of the fault. */
export class QuerySyntaxError extends TroveError {
  readonly position: number;

  constructor(message: string, position: number) {
    super("query-syntax", `${message} at position ${position + 1}`);
    this.position = position;
  }
}

/** A document id that the archive does not hold. */
export class NotFoundError extends TroveError {
  constructor(message: string) {
    super("not-found", message);
  }
}

/** The archive file is missing, unreadable, or of a newer schema than this program. */
export class ArchiveError extends TroveError {
  constructor(message: string, options?: ErrorOptions) {
    super("archive", message, options);
  }
}

/** A reporter's decision that cannot be carried out as asked, such as merging a person with a place. */
export class DecisionError extends TroveError {
  constructor(message: string) {
    super("invalid-decision", message);
  }
}

/** A search that ran past its time limit. */
export class QueryTimeoutError extends TroveError {
  constructor(limitMs: number) {
    super("query-timeout", `the query ran longer than ${limitMs} ms; narrow it with more terms or a filter`);
  }
}

/**
 * A problem with one input file. The ingest job records it and goes on; it
 * never stops the job. `indexed` says whether the file's content still went in whole.
 */
export class InputError extends TroveError {
  declare readonly code: ProblemCode;
  readonly indexed: boolean;

  constructor(code: ProblemCode, message: string, indexed = false, options?: ErrorOptions) {
    super(code, message, options);
    this.indexed = indexed;
  }
}

/** The stable codes of per-file problems, shown in the summary and the JSON report. */
export type ProblemCode =
  | "empty"
  | "unreadable"
  | "not-regular-file"
  | "symlink-loop"
  | "binary-as-text"
  | "invalid-utf8"
  | "mislabelled"
  | "truncated"
  | "damaged"
  | "ocr-failed"
  | "archive-bomb"
  | "unsafe-member-path"
  | "too-deep"
  | "extract-failed";
