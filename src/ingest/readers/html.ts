/**
 * HTML pages: the visible text only. Scripts, styles and other non-rendered
 * content are dropped so that they are neither indexed nor ever shown.
 */
import { Parser } from "htmlparser2";
import iconv from "iconv-lite";
import { decodeText } from "../../text/encoding.js";
import type { Reader } from "../reader.js";
import { mebibytes, readHead } from "./text.js";

const HIDDEN = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object"]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);


export interface VisibleText {
  text: string;
  title?: string;
}

/** The text a browser would show, with block elements on lines of their own. */
export function htmlToText(html: string): VisibleText {
  const parts: string[] = [];
  let hiddenDepth = 0;
  let inTitle = false;
  let title = "";
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === "title") inTitle = true;
        else if (HIDDEN.has(name)) hiddenDepth++;
        if (BLOCK.has(name)) parts.push("\n");
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (BLOCK.has(name)) parts.push("\n");
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (hiddenDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  const text = parts
    .join("")
    .replace(/[ \t\u00A0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const cleanTitle = title.replace(/\s+/g, " ").trim();
  return cleanTitle ? { text, title: cleanTitle } : { text };
}

function declaredCharset(head: Buffer): string | undefined {
  const start = head.subarray(0, 2048).toString("latin1");
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(start)?.[1]?.toLowerCase();
  return charset && iconv.encodingExists(charset) ? charset : undefined;
}

export const readHtml: Reader = async (context) => {
  const { filePath, size, limits } = context;
  const truncated = size > limits.maxTextBytes;
  const bytes = await readHead(filePath, limits.maxTextBytes);
  const charset = declaredCharset(bytes);
  const decoded = charset && charset !== "utf-8" && charset !== "utf8"
    ? { text: iconv.decode(bytes, charset), encoding: charset }
    : decodeText(bytes, truncated);
  if (truncated) context.problem("truncated", `only the first ${mebibytes(limits.maxTextBytes)} of ${mebibytes(size)} were indexed`, false);
  const visible = htmlToText(decoded.text);
  return { ...visible, html: decoded.text, encoding: decoded.encoding, mime: "text/html" };
};
