/**
 * E-mail addresses, read conservatively: an ASCII local part and a domain of
 * dotted labels ending in an alphabetic top-level domain, as people actually
 * write them (`tamimi.karbala@example.net`), not every form RFC 5322 allows
 * (quoted local parts, IP literals). Message identifiers in mail headers
 * (`Message-ID: <55ACB3E1.3010507@example.org>`) look like addresses but name
 * no one, so their header lines are skipped.
 *
 * @example
 * findEmailMentions("write to Tamimi.Karbala@Example.NET.")
 * // → [{ type: "email", text: "Tamimi.Karbala@Example.NET", normalized: "tamimi.karbala@example.net", start: 9, end: 35, … }]
 */
import type { Mention } from "../../model/entity.js";
import { ruleMention } from "./rule-mention.js";

const LOCAL_CHARACTER = "[A-Za-z0-9._%+\\-]";
/**
 * A label is 1–63 characters and a domain has at most 8 of them: bounded
 * repetitions keep the pattern linear on a megabyte of dots or letters.
 */
const ADDRESS = new RegExp(
  `(?<!${LOCAL_CHARACTER})${LOCAL_CHARACTER}{1,64}@[A-Za-z0-9\\-]{1,63}(?:\\.[A-Za-z0-9\\-]{1,63}){1,8}(?![A-Za-z0-9\\-]|\\.[A-Za-z0-9])`,
  "g",
);
/** Header lines whose angle-bracketed values are message identifiers, not mailboxes. */
const IDENTIFIER_HEADER = /^[ \t]*(?:Message-ID|In-Reply-To|References|Content-ID|Resent-Message-ID)[ \t]*:/i;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^[A-Za-z]{2,24}$/;
/** A header folded over more lines than this, or a line longer than this, is not looked through. */
const MAX_FOLDED_LINES = 50;
const MAX_HEADER_LINE = 2000;

/** Every e-mail address in a text, in order. Never throws. */
export function findEmailMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  ADDRESS.lastIndex = 0;
  for (let match = ADDRESS.exec(text); match; match = ADDRESS.exec(text)) {
    const at = match[0].indexOf("@");
    const local = match[0].slice(0, at).replace(/^\.+/, "");
    const start = match.index + (at - local.length);
    const end = match.index + match[0].length;
    if (!isAddress(local, match[0].slice(at + 1)) || isInIdentifierHeader(text, start)) continue;
    const address = text.slice(start, end);
    mentions.push(ruleMention(text, "email", start, end, address.toLowerCase(), {}));
  }
  return mentions;
}

function isAddress(local: string, domain: string): boolean {
  if (local === "" || local.endsWith(".") || local.includes("..")) return false;
  const labels = domain.split(".");
  return labels.every((label) => LABEL.test(label)) && TOP_LEVEL_DOMAIN.test(labels.at(-1) ?? "");
}

/** Whether a position lies in a header that holds message identifiers, following folded continuation lines back. */
function isInIdentifierHeader(text: string, position: number): boolean {
  let end = position;
  for (let lines = 0; lines < MAX_FOLDED_LINES; lines++) {
    const window = text.slice(Math.max(0, end - MAX_HEADER_LINE), end);
    const newline = window.lastIndexOf("\n");
    if (newline === -1 && end > MAX_HEADER_LINE) return false; // a line this long is no header
    const line = window.slice(newline + 1);
    if (IDENTIFIER_HEADER.test(line)) return true;
    const folded = line.startsWith(" ") || line.startsWith("\t");
    if (!folded || newline === -1) return false;
    end -= window.length - newline;
  }
  return false;
}
