/**
 * Search snippets arrive as HTML in which the document's text is escaped
 * and only `<mark>` is markup. They are still not handed to the HTML parser:
 * the marks are split out and the escaped text is decoded into text nodes,
 * so even a faulty snippet could only ever show text.
 *
 * @example
 * snippetNodes("a &lt;b&gt; <mark>karbala</mark>") // → "a <b> ", <mark>karbala</mark>
 */
import { h } from "./dom.js";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

export function decodeEscapedText(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function snippetNodes(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece !== "") fragment.appendChild(marked ? h("mark", {}, decodeEscapedText(piece)) : document.createTextNode(decodeEscapedText(piece)));
  }
  return fragment;
}
