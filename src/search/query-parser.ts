/**
 * The query parser: a tokenizer, then recursive descent over
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary ("AND"? unary)*          juxtaposition is AND
 *   unary   := ("NOT" | "-") unary | "(" or ")" | term | phrase | field
 *
 * so NOT and `-` bind tightest, then AND, then OR. Every failure is a
 * `QuerySyntaxError` pointing at the offending character, so that the UI can
 * underline it; nothing else is ever thrown, whatever the input.
 */
import { QuerySyntaxError } from "../errors.js";
import { normaliseTag } from "../model/annotation.js";
import { DOCUMENT_TYPES, type DocumentType, type LanguageCode } from "../model/document.js";
import {
  QUERY_FIELDS,
  fieldNameOf,
  isQueryField,
  isToleranceWord,
  isWordCharacter,
  simplifyQuery,
  type DateNode,
  type FilterField,
  type QueryField,
  type QueryNode,
  type TextField,
} from "./query.js";

/**
 * How deep groups and negations may nest. Far beyond any real query, and it
 * keeps the recursion (here and in every walker of the tree) off the stack limit.
 */
const MAX_NESTING = 100;

/**
 * Parses query text into a simplified tree.
 *
 * @example
 * parseQuery('a b OR c')       // or(and(a, b), c)
 * parseQuery('title:minist*')  // { kind: "term", text: "minist", prefix: true, field: "title" }
 * parseQuery('type:eml')       // { kind: "filter", field: "type", value: "email" }
 * parseQuery('x OR')           // throws QuerySyntaxError, position 2
 */
export function parseQuery(input: string): QueryNode {
  if (input.trim() === "") throw new QuerySyntaxError("the query is empty", 0);
  return simplifyQuery(new Parser(new Tokenizer(input).tokenize()).parseQuery());
}

// ---------------------------------------------------------------- tokens

type OperatorKind = "AND" | "OR" | "NOT" | "-" | "(" | ")";

type Token =
  | { kind: "word"; text: string; start: number }
  | { kind: "quoted"; text: string; start: number }
  | { kind: "field"; field: QueryField; value: string; quoted: boolean; start: number; valueStart: number }
  | { kind: OperatorKind; start: number };

class Tokenizer {
  private position = 0;
  private readonly tokens: Token[] = [];

  constructor(private readonly input: string) {}

  tokenize(): Token[] {
    while (this.position < this.input.length) {
      const char = this.input[this.position]!;
      if (isWhitespace(char)) this.position++;
      else if (char === "(" || char === ")") this.tokens.push({ kind: char, start: this.position++ });
      else if (char === '"') this.tokens.push(this.readQuotedToken());
      else if (char === "-") this.tokens.push(this.readExclusion());
      else this.tokens.push(this.readWordToken());
    }
    return this.tokens;
  }

  private readQuotedToken(): Token {
    const start = this.position;
    return { kind: "quoted", text: this.readQuoted(), start };
  }

  /** A `-` that starts a token negates what follows it; a hyphen inside a word is part of the word. */
  private readExclusion(): Token {
    const start = this.position++;
    const next = this.input[this.position];
    if (next === undefined || next === ")" || isWhitespace(next)) {
      throw new QuerySyntaxError("'-' has nothing to exclude; write -word, or join the hyphen to the word", start);
    }
    return { kind: "-", start };
  }

  private readWordToken(): Token {
    const start = this.position;
    const word = this.readWord();
    if (word === "AND" || word === "OR" || word === "NOT") return { kind: word, start };
    if (isToleranceWord(word)) return this.fieldToken("name", word.slice("name~".length), start);
    const name = fieldNameOf(word);
    if (name === undefined) return { kind: "word", text: word, start };
    if (!isQueryField(name)) {
      throw new QuerySyntaxError(`unknown field '${name}:'; the fields are ${QUERY_FIELDS.join(", ")}`, start);
    }
    return this.fieldToken(name, word.slice(name.length + 1), start);
  }

  /** `name:value`, `name:"quoted value"`; the tokenizer has read up to the end of the bare word. */
  private fieldToken(field: QueryField, bareValue: string, start: number): Token {
    const valueStart = start + field.length + 1;
    if (bareValue !== "") return { kind: "field", field, value: bareValue, quoted: false, start, valueStart };
    if (this.input[this.position] !== '"') throw new QuerySyntaxError(`'${field}:' needs a value`, valueStart);
    return { kind: "field", field, value: this.readQuoted(), quoted: true, start, valueStart };
  }

  private readWord(): string {
    const start = this.position;
    while (this.position < this.input.length && isWordCharacter(this.input[this.position]!)) this.position++;
    return this.input.slice(start, this.position);
  }

  /** Reads `"…"` from the opening quote: `\"` is a quote, `\\` a backslash, any other `\` itself. */
  private readQuoted(): string {
    const open = this.position++;
    let text = "";
    while (this.position < this.input.length) {
      const char = this.input[this.position++]!;
      if (char === '"') {
        if (text.trim() === "") throw new QuerySyntaxError("empty quotes", open);
        return text;
      }
      const next = this.input[this.position];
      if (char === "\\" && (next === '"' || next === "\\")) {
        text += next;
        this.position++;
      } else {
        text += char;
      }
    }
    throw new QuerySyntaxError("this quote is never closed", open);
  }
}

function isWhitespace(char: string): boolean {
  return /\s/u.test(char);
}

// ---------------------------------------------------------------- grammar

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): QueryNode {
    const node = this.parseOr();
    // parseOr stops only at the end or at a ')' that no '(' opened.
    const stray = this.peek();
    if (stray) throw new QuerySyntaxError("')' without a matching '('", stray.start);
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek()?.kind === "OR") {
      this.index++;
      children.push(this.parseAnd());
    }
    return { kind: "or", children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (let next = this.peek(); next; next = this.peek()) {
      if (next.kind === "AND") this.index++;
      else if (!startsOperand(next)) break;
      children.push(this.parseUnary());
    }
    return { kind: "and", children };
  }

  private parseUnary(): QueryNode {
    const token = this.peek();
    switch (token?.kind) {
      case "NOT":
      case "-":
        return this.nested(token, () => ({ kind: "not", child: this.parseUnary() }));
      case "(":
        return this.nested(token, () => this.parseGroupAfter(token));
      case "word":
        this.index++;
        return termNode(token.text, token.start);
      case "quoted":
        this.index++;
        return { kind: "phrase", text: token.text };
      case "field":
        this.index++;
        return fieldNode(token);
      default:
        throw this.missingOperand(token);
    }
  }

  private parseGroupAfter(open: Token): QueryNode {
    const node = this.parseOr();
    if (this.peek()?.kind !== ")") throw new QuerySyntaxError("'(' is never closed", open.start);
    this.index++;
    return node;
  }

  /** Runs `parse` one level deeper, after consuming `token` (a NOT, `-` or `(`). */
  private nested(token: Token, parse: () => QueryNode): QueryNode {
    if (this.depth === MAX_NESTING) {
      throw new QuerySyntaxError(`groups and negations nest more than ${MAX_NESTING} deep`, token.start);
    }
    this.index++;
    this.depth++;
    const node = parse();
    this.depth--;
    return node;
  }

  /** The error for an operand position holding `found` (an AND, OR or ')', or the end). */
  private missingOperand(found: Token | undefined): QuerySyntaxError {
    if (found?.kind === "AND" || found?.kind === "OR") {
      return new QuerySyntaxError(`'${found.kind}' needs a term on each side`, found.start);
    }
    const before = this.tokens[this.index - 1];
    if (before?.kind === "(") return new QuerySyntaxError("empty parentheses", before.start);
    if (before) return new QuerySyntaxError(`'${before.kind}' needs a term after it`, before.start);
    // Only a ')' can open a non-blank query without an operand.
    return new QuerySyntaxError("')' without a matching '('", found?.start ?? 0);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
}

function startsOperand(token: Token): boolean {
  return token.kind !== "AND" && token.kind !== "OR" && token.kind !== ")";
}

// ---------------------------------------------------------------- operands

/** A word as a term; a trailing `*` makes it a prefix, a `*` anywhere else is a mistake. */
function termNode(word: string, start: number, field?: TextField): QueryNode {
  const star = word.indexOf("*");
  if (star === -1) return withField({ kind: "term", text: word, prefix: false }, field);
  if (word === "*") throw new QuerySyntaxError("'*' alone matches nothing; put it after the start of a word", start);
  if (star !== word.length - 1) throw new QuerySyntaxError("'*' may only end a word", start + star);
  return withField({ kind: "term", text: word.slice(0, -1), prefix: true }, field);
}

function withField<Node extends QueryNode & { field?: TextField }>(node: Node, field: TextField | undefined): Node {
  return field ? { ...node, field } : node;
}

type FieldToken = Extract<Token, { kind: "field" }>;

function fieldNode(token: FieldToken): QueryNode {
  const { field, value, quoted, valueStart } = token;
  switch (field) {
    case "title":
    case "body":
      return quoted ? { kind: "phrase", text: value, field } : termNode(value, valueStart, field);
    case "type":
      return filterNode(field, lookUp(DOCUMENT_TYPE_NAMES, value, token));
    case "lang":
      return filterNode(field, lookUp(LANGUAGE_NAMES, value, token));
    case "hash":
      if (!/^[0-9a-f]{4,64}$/i.test(value)) {
        throw new QuerySyntaxError("a hash is 4 to 64 hex digits, the start of a SHA-256", valueStart);
      }
      return filterNode(field, value.toLowerCase());
    case "path":
    case "from":
    case "to":
      return filterNode(field, value);
    case "classification":
      return filterNode(field, lookUp(CLASSIFICATION_NAMES, value, token));
    case "tag":
    case "ref":
      return filterNode(field, value.toUpperCase());
    case "entity":
    case "name":
      return filterNode(field, value);
    case "label":
      return filterNode(field, normaliseTag(value));
    case "date":
      return dateNode(value, valueStart);
  }
}

function filterNode(field: FilterField, value: string): QueryNode {
  return { kind: "filter", field, value };
}

/** The names `type:` accepts, each mapped to the document type it means; looked up lower-cased. */
const DOCUMENT_TYPE_NAMES: ReadonlyMap<string, DocumentType> = new Map<string, DocumentType>([
  ...DOCUMENT_TYPES.map((type): [string, DocumentType] => [type, type]),
  ["eml", "email"],
  ["txt", "text"],
  ["htm", "html"],
  ...["jpg", "jpeg", "png", "tif", "tiff"].map((extension): [string, DocumentType] => [extension, "image"]),
]);

/** The levels `classification:` accepts, with the short forms cables use in paragraph markings. */
const CLASSIFICATION_NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  ["unclassified", "UNCLASSIFIED"],
  ["u", "UNCLASSIFIED"],
  ["unclas", "UNCLASSIFIED"],
  ["confidential", "CONFIDENTIAL"],
  ["c", "CONFIDENTIAL"],
  ["secret", "SECRET"],
  ["s", "SECRET"],
  ["top secret", "TOP SECRET"],
  ["top-secret", "TOP SECRET"],
  ["topsecret", "TOP SECRET"],
  ["ts", "TOP SECRET"],
]);

/** The names `lang:` accepts; people type the language as often as its code. */
const LANGUAGE_NAMES: ReadonlyMap<string, LanguageCode> = new Map<string, LanguageCode>([
  ["fa", "fa"],
  ["ar", "ar"],
  ["en", "en"],
  ["und", "und"],
  ["persian", "fa"],
  ["farsi", "fa"],
  ["arabic", "ar"],
  ["english", "en"],
]);

function lookUp<Value>(names: ReadonlyMap<string, Value>, value: string, token: FieldToken): Value {
  const found = names.get(value.toLowerCase());
  if (found !== undefined) return found;
  const accepted = [...names.keys()].join(", ");
  throw new QuerySyntaxError(`'${token.field}:' does not know '${value}'; use one of ${accepted}`, token.valueStart);
}

// ---------------------------------------------------------------- dates

/**
 * `date:` values: a year, month or day, or a range of them with `..`, open at
 * either end. A year or month stands for all its days, so a range runs from
 * the first day of its start to the last day of its end.
 */
function dateNode(value: string, valueStart: number): DateNode {
  const [start, end, ...rest] = value.split("..");
  if (rest.length > 0 || (start === "" && end === "")) throw badDate(value, valueStart);
  if (end === undefined) {
    const day = readDate(start!, valueStart);
    return { kind: "date", from: day.first, to: day.last };
  }
  const node: DateNode = { kind: "date" };
  if (start !== "") node.from = readDate(start!, valueStart).first;
  if (end !== "") node.to = readDate(end, valueStart).last;
  if (node.from !== undefined && node.to !== undefined && node.from > node.to) {
    throw new QuerySyntaxError(`the date range ${value} ends before it starts`, valueStart);
  }
  return node;
}

/** The first and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as ISO dates. */
function readDate(text: string, valueStart: number): { first: string; last: string } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) throw badDate(text, valueStart);
  const [, year, month, day] = match;
  const lastDay = (monthNumber: number): string => String(daysInMonth(Number(year), monthNumber)).padStart(2, "0");
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-${lastDay(12)}` };
  if (Number(month) < 1 || Number(month) > 12) throw badDate(text, valueStart);
  if (day === undefined) return { first: `${year}-${month}-01`, last: `${year}-${month}-${lastDay(Number(month))}` };
  if (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month))) throw badDate(text, valueStart);
  return { first: text, last: text };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function badDate(text: string, valueStart: number): QuerySyntaxError {
  return new QuerySyntaxError(
    `'${text}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, or a range such as 2014-10..2015-03`,
    valueStart,
  );
}
