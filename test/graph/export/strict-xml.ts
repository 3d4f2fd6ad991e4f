/**
 * A strict reading of the XML the exporters write, on top of htmlparser2
 * (which forgives what Gephi and yEd do not): every element closed in order,
 * one root, only XML 1.0 characters, only the five named entities and
 * character references. Answers the element tree with entities decoded.
 */
import { Parser } from "htmlparser2";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseStrictXml(xml: string): XmlElement {
  const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (forbidden) throw new Error(`character U+${forbidden[0].codePointAt(0)!.toString(16)} is not allowed in XML 1.0`);
  const badReference = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  if (badReference) throw new Error(`bare & at ${badReference.index}`);
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error("no XML declaration");

  const roots: XmlElement[] = [];
  const open: XmlElement[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [], text: "" };
        (open.at(-1)?.children ?? roots).push(element);
        open.push(element);
      },
      onclosetag(name, isImplied) {
        // htmlparser2 reports a self-closing tag as implied too; anything else implied was left open.
        const selfClosing = xml.slice(parser.startIndex, parser.endIndex + 1).endsWith("/>");
        if (isImplied && !selfClosing) throw new Error(`<${name}> closed implicitly`);
        if (open.pop()?.name !== name) throw new Error(`</${name}> closes another element`);
      },
      ontext(text) {
        if (open.length === 0) {
          if (text.trim()) throw new Error(`text outside the root: ${text}`);
          return;
        }
        open.at(-1)!.text += text;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  if (open.length > 0) throw new Error(`<${open.at(-1)!.name}> never closed`);
  if (roots.length !== 1) throw new Error(`${roots.length} root elements`);
  return roots[0]!;
}

/** Every element named `name` under `element`, depth first. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}
