import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";

import { QuerySyntaxError } from "../../src/errors.js";
import { DOCUMENT_TYPES } from "../../src/model/document.js";
import { parseQuery } from "../../src/search/query-parser.js";
import { describeQuery, simplifyQuery, type FilterField, type QueryNode, type TextField } from "../../src/search/query.js";

const term = (text: string, prefix = false): QueryNode => ({ kind: "term", text, prefix });
const phrase = (text: string): QueryNode => ({ kind: "phrase", text });
const and = (...children: QueryNode[]): QueryNode => ({ kind: "and", children });
const or = (...children: QueryNode[]): QueryNode => ({ kind: "or", children });
const not = (child: QueryNode): QueryNode => ({ kind: "not", child });

function assertParses(input: string, expected: QueryNode): void {
  assert.deepStrictEqual(parseQuery(input), expected, input);
}

/** Asserts that parsing fails with a QuerySyntaxError at `position`; never looks at the message. */
function assertRejects(input: string, position: number): void {
  assert.throws(
    () => parseQuery(input),
    (error: unknown) => error instanceof QuerySyntaxError && error.position === position,
    `${JSON.stringify(input)} should fail at ${position}`,
  );
}

describe("parseQuery: terms and phrases", () => {
  it("reads a word as a term", () => {
    assertParses("ministry", term("ministry"));
  });

  it("reads a trailing * as a prefix term", () => {
    assertParses("minist*", term("minist", true));
  });

  it("keeps words in Persian and Arabic script whole", () => {
    assertParses("وزارت خارجه", and(term("وزارت"), term("خارجه")));
    assertParses("السفارة", term("السفارة"));
    assertParses("۱۳۹۳/۰۷/۱۵", term("۱۳۹۳/۰۷/۱۵"));
  });

  it("keeps hyphens and apostrophes inside names", () => {
    assertParses("al-Jabouri O'Brien", and(term("al-Jabouri"), term("O'Brien")));
  });

  it("reads times and URLs as terms, not fields", () => {
    assertParses("10:30", term("10:30"));
    assertParses("https://example.org/a?b=c", term("https://example.org/a?b=c"));
  });

  it("treats lower-case and/or/not as ordinary terms", () => {
    assertParses("war and peace", and(term("war"), term("and"), term("peace")));
    assertParses("or not", and(term("or"), term("not")));
  });

  it("reads a quoted phrase, with \\\" as a literal quote and \\\\ as a backslash", () => {
    assertParses('"foreign office"', phrase("foreign office"));
    assertParses('"the \\"red\\" file"', phrase('the "red" file'));
    assertParses('"C:\\\\dir \\n"', phrase("C:\\dir \\n"));
  });

  it("ends a word at a quote or parenthesis", () => {
    assertParses('a"b c"', and(term("a"), phrase("b c")));
    assertParses("(a)b", and(term("a"), term("b")));
  });
});

describe("parseQuery: operators and precedence", () => {
  it("joins juxtaposed and AND-ed operands into one and", () => {
    assertParses("a b AND c", and(term("a"), term("b"), term("c")));
  });

  it("binds AND tighter than OR", () => {
    assertParses("a b OR c", or(and(term("a"), term("b")), term("c")));
    assertParses("a OR b c", or(term("a"), and(term("b"), term("c"))));
    assertParses("a AND b OR c AND d", or(and(term("a"), term("b")), and(term("c"), term("d"))));
  });

  it("binds NOT and - tightest", () => {
    assertParses("NOT a b", and(not(term("a")), term("b")));
    assertParses("a NOT b OR c", or(and(term("a"), not(term("b"))), term("c")));
    assertParses("a AND NOT b", and(term("a"), not(term("b"))));
    assertParses("NOT NOT a", not(not(term("a"))));
  });

  it("reads a leading - as NOT, before terms, phrases, groups and fields", () => {
    assertParses("a -b", and(term("a"), not(term("b"))));
    assertParses('-"x y"', not(phrase("x y")));
    assertParses("-(a OR b)", not(or(term("a"), term("b"))));
    assertParses("-type:pdf", not({ kind: "filter", field: "type", value: "pdf" }));
    assertParses("--a", not(not(term("a"))));
  });

  it("groups with parentheses and flattens what it can", () => {
    assertParses("(a OR b) c", and(or(term("a"), term("b")), term("c")));
    assertParses("((a b) c) OR (d OR e)", or(and(term("a"), term("b"), term("c")), term("d"), term("e")));
    assertParses("((((a))))", term("a"));
  });

  it("accepts 100 levels of nesting", () => {
    assertParses(`${"(".repeat(100)}a${")".repeat(100)}`, term("a"));
  });
});

describe("parseQuery: fields", () => {
  it("restricts terms, prefixes and phrases to title or body", () => {
    assertParses("title:war", { kind: "term", text: "war", prefix: false, field: "title" });
    assertParses("Body:minist*", { kind: "term", text: "minist", prefix: true, field: "body" });
    assertParses('title:"two words"', { kind: "phrase", text: "two words", field: "title" });
    assertParses("title:10:30", { kind: "term", text: "10:30", prefix: false, field: "title" });
  });

  const filterCases: [input: string, field: FilterField, value: string][] = [
    ["type:pdf", "type", "pdf"],
    ["TYPE:PDF", "type", "pdf"],
    ["type:eml", "type", "email"],
    ["type:txt", "type", "text"],
    ["type:htm", "type", "html"],
    ["type:jpg", "type", "image"],
    ["type:jpeg", "type", "image"],
    ["type:png", "type", "image"],
    ["type:tif", "type", "image"],
    ["type:tiff", "type", "image"],
    ['type:"mbox"', "type", "mbox"],
    ["lang:fa", "lang", "fa"],
    ["lang:AR", "lang", "ar"],
    ["lang:en", "lang", "en"],
    ["lang:und", "lang", "und"],
    ["lang:persian", "lang", "fa"],
    ["lang:Farsi", "lang", "fa"],
    ["lang:arabic", "lang", "ar"],
    ["lang:English", "lang", "en"],
    ["path:reports/", "path", "reports/"],
    ["path:Reports/2014*", "path", "Reports/2014*"],
    ['path:"my reports/"', "path", "my reports/"],
    ["path://server/share", "path", "//server/share"],
    ["hash:AB12", "hash", "ab12"],
    [`hash:${"f".repeat(64)}`, "hash", "f".repeat(64)],
  ];
  for (const [input, field, value] of filterCases) {
    it(`reads ${input} as the ${field} filter ${value}`, () => {
      assertParses(input, { kind: "filter", field, value });
    });
  }

  it("accepts every document type under its own name", () => {
    for (const type of DOCUMENT_TYPES) assertParses(`type:${type}`, { kind: "filter", field: "type", value: type });
  });

  const dateCases: [input: string, from: string | undefined, to: string | undefined][] = [
    ["date:2014", "2014-01-01", "2014-12-31"],
    ["date:2014-10", "2014-10-01", "2014-10-31"],
    ["date:2014-02", "2014-02-01", "2014-02-28"],
    ["date:2016-02", "2016-02-01", "2016-02-29"],
    ["date:2000-02", "2000-02-01", "2000-02-29"],
    ["date:1900-02", "1900-02-01", "1900-02-28"],
    ["date:2014-04", "2014-04-01", "2014-04-30"],
    ["date:2014-10-07", "2014-10-07", "2014-10-07"],
    ["date:2016-02-29", "2016-02-29", "2016-02-29"],
    ["date:2014-10-01..2015-03-31", "2014-10-01", "2015-03-31"],
    ["date:2014..2015-02", "2014-01-01", "2015-02-28"],
    ["date:2014-10..2014-10", "2014-10-01", "2014-10-31"],
    ["date:..2015-03-31", undefined, "2015-03-31"],
    ["date:..2015", undefined, "2015-12-31"],
    ["date:2014..", "2014-01-01", undefined],
    ["date:2014-10..", "2014-10-01", undefined],
    ['date:"2014"', "2014-01-01", "2014-12-31"],
  ];
  for (const [input, from, to] of dateCases) {
    it(`reads ${input} as ${from ?? "…"}..${to ?? "…"}`, () => {
      const expected: QueryNode = { kind: "date" };
      if (from !== undefined) expected.from = from;
      if (to !== undefined) expected.to = to;
      assertParses(input, expected);
    });
  }

  it("combines fields with terms and operators", () => {
    assertParses("minist* -lang:en (type:pdf OR type:docx)", and(
      term("minist", true),
      not({ kind: "filter", field: "lang", value: "en" }),
      or({ kind: "filter", field: "type", value: "pdf" }, { kind: "filter", field: "type", value: "docx" }),
    ));
  });
});

describe("parseQuery: errors and their positions", () => {
  const errorCases: [input: string, position: number, why: string][] = [
    ["", 0, "empty query"],
    ["   \t ", 0, "blank query"],
    ['"abc', 0, "unterminated quote"],
    ['a "b \\"', 2, "unterminated quote ending in an escaped quote"],
    ['""', 0, "empty phrase"],
    ['x "  "', 2, "blank phrase"],
    ["(a", 0, "unclosed paren"],
    ["a (b (c) d", 2, "the unclosed paren, not the closed one"],
    ["a)", 1, "stray close paren"],
    [") a", 0, "close paren first"],
    ["()", 0, "empty parentheses"],
    ["AND x", 0, "AND without a left operand"],
    ["x OR", 2, "OR without a right operand"],
    ["NOT", 0, "NOT alone"],
    ["x AND AND y", 6, "two ANDs in a row"],
    ["x OR AND y", 5, "OR then AND"],
    ["(x AND) y", 3, "AND before a close paren"],
    ["(OR x)", 1, "OR right after an open paren"],
    ["- a", 0, "a lone hyphen"],
    ["a -", 2, "a trailing hyphen"],
    ["--", 1, "a term of only hyphens"],
    ["(a -)", 3, "a hyphen before a close paren"],
    ["*", 0, "a lone star"],
    ["a*b", 1, "a star inside a word"],
    ["ab**", 2, "a doubled star"],
    ["-*", 1, "an excluded lone star"],
    ["title:a*b", 7, "a star inside a field value"],
    ["foo:bar", 0, "an unknown field"],
    ["x Http:\"y\"", 2, "an unknown field with a quoted value"],
    ["title:", 6, "a field without a value"],
    ["x type: pdf", 7, "a space after the colon"],
    ['lang:"', 5, "a field with an unterminated quoted value"],
    ["type:exe", 5, "an unknown type"],
    ["type:constructor", 5, "an inherited property name is not a type"],
    ["lang:klingon", 5, "an unknown language"],
    ["hash:abc", 5, "a hash too short"],
    [`hash:${"a".repeat(65)}`, 5, "a hash too long"],
    ["hash:abcg", 5, "a hash with a non-hex digit"],
    ["date:2014-02-30", 5, "an impossible day"],
    ["date:2015-02-29", 5, "29 February outside a leap year"],
    ["date:2014-13", 5, "an impossible month"],
    ["date:2014-00-10", 5, "month zero"],
    ["date:14-10-07", 5, "a two-digit year"],
    ["date:2014/10/07", 5, "slashes"],
    ["date:2015..2014", 5, "a range that ends before it starts"],
    ["date:2014-10-08..2014-10-07", 5, "a day range that ends before it starts"],
    ["date:..", 5, "a range open at both ends"],
    ["date:2014..2015..2016", 5, "two ranges"],
    [`${"(".repeat(101)}a${")".repeat(101)}`, 100, "101 levels of parentheses"],
    [`${"NOT ".repeat(101)}a`, 400, "101 NOTs"],
    ["-".repeat(101) + "a", 100, "101 hyphens"],
  ];
  for (const [input, position, why] of errorCases) {
    it(`rejects ${why} at ${position}`, () => {
      assertRejects(input, position);
    });
  }

  it("rejects very deep nesting without overflowing the stack", () => {
    assertRejects("(".repeat(100_000), 100);
    assertRejects("NOT ".repeat(100_000), 400);
  });
});

describe("describeQuery", () => {
  it("prints canonical query text", () => {
    const canonical = describeQuery(parseQuery('minist*  AND (Tehran OR "Foreign Office") NOT lang:Persian date:2014-02'));
    assert.equal(canonical, 'minist* (Tehran OR "Foreign Office") -lang:fa date:2014-02-01..2014-02-28');
  });

  it("parenthesises only where precedence needs it", () => {
    assert.equal(describeQuery(or(and(term("a"), term("b")), term("c"))), "a b OR c");
    assert.equal(describeQuery(and(or(term("a"), term("b")), term("c"))), "(a OR b) c");
    assert.equal(describeQuery(not(and(term("a"), term("b")))), "-(a b)");
  });

  it("quotes values and phrases that a bare word cannot spell", () => {
    assert.equal(describeQuery({ kind: "filter", field: "path", value: "my docs/" }), 'path:"my docs/"');
    assert.equal(describeQuery(phrase('say "hi" \\')), '"say \\"hi\\" \\\\"');
    assert.equal(describeQuery(term("AND")), '"AND"');
    assert.equal(describeQuery(term("-x")), '"-x"');
  });
});

describe("simplifyQuery", () => {
  it("flattens nested and/or of the same kind and unwraps single children", () => {
    assert.deepStrictEqual(
      simplifyQuery(and(term("a"), and(term("b"), or(term("c"))), or(term("d"), or(term("e"))))),
      and(term("a"), term("b"), term("c"), or(term("d"), term("e"))),
    );
  });
});

describe("parseQuery: properties", () => {
  const queryPieces = fc.constantFrom(
    " ", "  ", "\t", "\u00a0", '"', '\\"', "\\", "(", ")", ":", "*", "-", "..", "AND", "OR", "NOT", "and",
    "title:", "type:", "lang:", "path:", "hash:", "date:", "foo:", "http://", "2014", "-10", "pdf", "fa",
    "وزارت", "۱۳۹۳", "\ud83d\ude00", "\ud800",
  );
  const anyText = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
    fc.array(fc.oneof(queryPieces, fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 20 }).map((pieces) => pieces.join("")),
  );

  it("returns a node or throws a QuerySyntaxError inside the input, for any string", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        try {
          parseQuery(input);
        } catch (error) {
          assert.ok(error instanceof QuerySyntaxError, `threw ${String(error)}`);
          assert.ok(error.position >= 0 && error.position <= input.length, `position ${error.position}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads describeQuery's text back as the simplified tree", () => {
    fc.assert(
      fc.property(queryTree(), (tree) => {
        assert.deepStrictEqual(parseQuery(describeQuery(tree)), simplifyQuery(tree));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Trees that parseQuery can build, though not necessarily simplified. */
function queryTree(): fc.Arbitrary<QueryNode> {
  const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(),
      fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((children): QueryNode => ({ kind: "and", children })),
      fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((children): QueryNode => ({ kind: "or", children })),
      tie("node").map((child): QueryNode => ({ kind: "not", child })),
    ),
  }));
  return node;
}

function leaf(): fc.Arbitrary<QueryNode> {
  const textField = fc.option(fc.constantFrom<TextField>("title", "body"), { nil: undefined });
  const withField = <Node extends QueryNode>(node: Node, field: TextField | undefined): Node => (field ? { ...node, field } : node);
  return fc.oneof(
    fc.tuple(freeWord(), fc.boolean()).map(([text, prefix]): QueryNode => ({ kind: "term", text, prefix })),
    fc.tuple(fieldWord(), fc.boolean(), fc.constantFrom<TextField>("title", "body"))
      .map(([text, prefix, field]): QueryNode => ({ kind: "term", text, prefix, field })),
    fc.tuple(phraseText(), textField).map(([text, field]) => withField<QueryNode>({ kind: "phrase", text }, field)),
    fc.constantFrom(...DOCUMENT_TYPES).map((value): QueryNode => ({ kind: "filter", field: "type", value })),
    fc.constantFrom("fa", "ar", "en", "und").map((value): QueryNode => ({ kind: "filter", field: "lang", value })),
    fc.stringMatching(/^[0-9a-f]{4,64}$/).map((value): QueryNode => ({ kind: "filter", field: "hash", value })),
    phraseText().map((value): QueryNode => ({ kind: "filter", field: "path", value })),
    dateRange(),
  );
}

const WORD_CHARACTERS = [..."abcXYZ09'-./:_@#", ..."وزارتخارجه", ..."السفارة", ..."۱۳۹۳٠١"];

/** Words that stand alone as terms: not an operator, not starting with `-`, not `name:value`. */
function freeWord(): fc.Arbitrary<string> {
  const generated = fc.string({ unit: fc.constantFrom(...WORD_CHARACTERS), minLength: 1, maxLength: 12 })
    .filter((word) => !word.startsWith("-") && !/^[A-Za-z]+:/.test(word) && !["AND", "OR", "NOT"].includes(word));
  return fc.oneof(generated, fc.constantFrom("al-Jabouri", "O'Brien", "10:30", "http://example.org/a", "and", "AND-x"));
}

/** After `title:` any word without a star is a term, even `AND` or `-x` or `a:b`. */
function fieldWord(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: fc.constantFrom(...WORD_CHARACTERS), minLength: 1, maxLength: 12 }),
    fc.constantFrom("AND", "-x", "title:x", "//x"),
  );
}

function phraseText(): fc.Arbitrary<string> {
  return fc.string({ unit: "binary", minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== "");
}

function dateRange(): fc.Arbitrary<QueryNode> {
  const day = fc.date({ min: new Date("1000-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  return fc.tuple(day, day, fc.constantFrom("both", "from", "to")).map(([first, second, ends]): QueryNode => {
    const [from, to] = first <= second ? [first, second] : [second, first];
    if (ends === "from") return { kind: "date", from };
    if (ends === "to") return { kind: "date", to };
    return { kind: "date", from, to };
  });
}
