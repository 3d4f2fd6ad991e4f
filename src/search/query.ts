/**
 * The search query language as a typed tree. `parseQuery` (query-parser.ts)
 * builds it from what a user typed; the planner turns it into SQL; and
 * `describeQuery` prints it back as canonical query text for saved searches
 * and debugging.
 *
 * @example
 * // minist* "foreign office" -lang:en date:2014
 * {
 *   kind: "and",
 *   children: [
 *     { kind: "term", text: "minist", prefix: true },
 *     { kind: "phrase", text: "foreign office" },
 *     { kind: "not", child: { kind: "filter", field: "lang", value: "en" } },
 *     { kind: "date", from: "2014-01-01", to: "2014-12-31" },
 *   ],
 * }
 */

/** A column a text match can be restricted to: `title:word` matches the title only. */
export type TextField = "title" | "body";

/** A document property matched exactly rather than through the full-text index. */
/** `tag:` is a cable's own TAGS line; `label:` is a tag a reporter put on an annotation. */
export type FilterField = "type" | "lang" | "path" | "hash" | "from" | "to" | "classification" | "tag" | "ref" | "entity" | "name" | "label";

/** Every `name:` a query may use; `date` has its own node because its value is a range. */
export type QueryField = TextField | FilterField | "date";

export const TEXT_FIELDS: readonly TextField[] = ["title", "body"];
export const FILTER_FIELDS: readonly FilterField[] = ["type", "lang", "path", "hash", "from", "to", "classification", "tag", "ref", "entity", "name", "label"];
export const QUERY_FIELDS: readonly QueryField[] = [...TEXT_FIELDS, ...FILTER_FIELDS, "date"];

/**
 * One word to match, in any script: `ministry`, `al-Jabouri`, `۱۳۹۳/۰۷/۱۵`.
 * `minist*` is a prefix term (`prefix: true`, text `minist`); `title:minist*`
 * also restricts it to the title.
 */
export interface TermNode {
  kind: "term";
  text: string;
  prefix: boolean;
  field?: TextField;
}

/** Words that must appear together, in order: `"foreign office"` or `title:"foreign office"`. */
export interface PhraseNode {
  kind: "phrase";
  text: string;
  field?: TextField;
}

/**
 * An exact match on a document property, with the value already canonical:
 * `type:eml` is `{ field: "type", value: "email" }`, `lang:Persian` is
 * `{ field: "lang", value: "fa" }`, `hash:AB12` is `{ field: "hash", value: "ab12" }`
 * (a prefix of the SHA-256), and `path:reports/` keeps its value as typed.
 */
export interface FilterNode {
  kind: "filter";
  field: FilterField;
  value: string;
}

/**
 * Documents dated within inclusive ISO `YYYY-MM-DD` bounds; at least one bound
 * is present. `date:2014-02` is `{ from: "2014-02-01", to: "2014-02-28" }` and
 * `date:..2015-03-31` is `{ to: "2015-03-31" }`.
 */
export interface DateNode {
  kind: "date";
  from?: string;
  to?: string;
}

/** Every child must match: `a b` and `a AND b` are both `and(a, b)`. */
export interface AndNode {
  kind: "and";
  children: QueryNode[];
}

/** Any child may match: `a OR b`. */
export interface OrNode {
  kind: "or";
  children: QueryNode[];
}

/** The child must not match: `NOT a`, `-a`, `-"a b"`, `-(a OR b)`, `-type:pdf`. */
export interface NotNode {
  kind: "not";
  child: QueryNode;
}

export type QueryNode = TermNode | PhraseNode | FilterNode | DateNode | AndNode | OrNode | NotNode;

/** The operator words; only upper case is an operator, so `and` or `not` are ordinary terms. */
export const OPERATOR_WORDS: readonly string[] = ["AND", "OR", "NOT"];

/**
 * Whether a character can be part of a bare word; whitespace, quotes and
 * parentheses end one. Checked one UTF-16 unit at a time, which is safe
 * because none of the excluded characters is outside the BMP.
 */
export function isWordCharacter(char: string): boolean {
  return !/[\s"()]/u.test(char);
}

/**
 * The field a bare word names, lower-cased, or undefined when the word is not
 * `name:value` with a name of ASCII letters. A URL (`http://x`) is not a field
 * unless its scheme is a known field name, so that pasted links stay searchable
 * while `path://server/share` still filters by path.
 *
 * @example
 * fieldNameOf("Title:war")       // "title"
 * fieldNameOf("foo:bar")         // "foo" (the parser reports it as unknown)
 * fieldNameOf("10:30")           // undefined
 * fieldNameOf("https://a.org")   // undefined
 */
export function fieldNameOf(word: string): string | undefined {
  const match = /^([A-Za-z]+):/.exec(word);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const isUrl = word.startsWith("//", match[0].length);
  return isQueryField(name) || !isUrl ? name : undefined;
}

/** `name~Jabouri`: a name matched across scripts and spellings. */
export function isToleranceWord(word: string): boolean {
  return /^name~/i.test(word);
}

export function isQueryField(name: string): name is QueryField {
  return (QUERY_FIELDS as readonly string[]).includes(name);
}

/**
 * The same query with nested `and`/`or` of the same kind flattened and
 * single-child `and`/`or` replaced by their child. `parseQuery` always
 * returns simplified trees; simplify a hand-built one before comparing it.
 *
 * @example
 * simplifyQuery(and(a, and(b, c)))   // and(a, b, c)
 * simplifyQuery(or(a))               // a
 */
export function simplifyQuery(node: QueryNode): QueryNode {
  switch (node.kind) {
    case "and":
    case "or":
      return joinSimplified(node.kind, node.children.map(simplifyQuery));
    case "not":
      return { kind: "not", child: simplifyQuery(node.child) };
    default:
      return node;
  }
}

function joinSimplified(kind: "and" | "or", children: QueryNode[]): QueryNode {
  const flattened = children.flatMap((child) => (child.kind === kind ? (child as AndNode | OrNode).children : [child]));
  return flattened.length === 1 ? flattened[0]! : { kind, children: flattened };
}

/**
 * Canonical query text for a tree: implicit AND, `OR` between alternatives,
 * `-` for NOT, parentheses only where precedence needs them, dates as full
 * days. `parseQuery(describeQuery(tree))` gives back `simplifyQuery(tree)` for
 * any tree `parseQuery` can build. A term that no bare word could spell (one
 * with a space, say) is printed as a phrase, which matches the same words.
 *
 * @example
 * describeQuery(parseQuery('minist*  AND (Tehran OR "Foreign Office") NOT lang:Persian'))
 * // 'minist* (Tehran OR "Foreign Office") -lang:fa'
 */
export function describeQuery(node: QueryNode): string {
  switch (node.kind) {
    case "term":
      return describeTerm(node);
    case "phrase":
      return withField(node.field, quote(node.text));
    case "filter":
      return `${node.field}${node.field === "name" ? "~" : ":"}${isBareWord(node.value) ? node.value : quote(node.value)}`;
    case "date":
      return `date:${describeDateRange(node)}`;
    case "and":
      // OR binds looser than juxtaposition, so an OR inside an AND needs parentheses.
      return node.children.map((child) => (child.kind === "or" ? `(${describeQuery(child)})` : describeQuery(child))).join(" ");
    case "or":
      return node.children.map(describeQuery).join(" OR ");
    case "not":
      return node.child.kind === "and" || node.child.kind === "or" ? `-(${describeQuery(node.child)})` : `-${describeQuery(node.child)}`;
  }
}

function describeTerm(node: TermNode): string {
  if (!spellsAsTerm(node)) return withField(node.field, quote(node.text));
  return withField(node.field, node.prefix ? `${node.text}*` : node.text);
}

/** Whether the term's text, written bare, would read back as this same term. */
function spellsAsTerm(node: TermNode): boolean {
  if (!isBareWord(node.text) || node.text.includes("*")) return false;
  // After `title:` the rest of the word is the value, whatever it looks like.
  if (node.field) return true;
  const word = node.prefix ? `${node.text}*` : node.text;
  return !word.startsWith("-") && !OPERATOR_WORDS.includes(word) && fieldNameOf(word) === undefined && !isToleranceWord(word);
}

function isBareWord(text: string): boolean {
  return text !== "" && [...text].every(isWordCharacter);
}

function withField(field: TextField | undefined, spelled: string): string {
  return field ? `${field}:${spelled}` : spelled;
}

/** Quotes text the way the parser reads it back: `\"` is a quote and `\\` a backslash. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

function describeDateRange({ from, to }: DateNode): string {
  if (from !== undefined && from === to) return from;
  return `${from ?? ""}..${to ?? ""}`;
}
