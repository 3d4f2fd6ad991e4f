/**
 * Text made safe for an XML attribute or element. Names come from hostile
 * documents: besides escaping markup, characters XML 1.0 forbids (control
 * characters, lone surrogates) are dropped, since a single one makes Gephi
 * and every strict parser refuse the whole file. Line breaks and tabs become
 * character references, which attribute values would otherwise turn into spaces.
 */
export function xmlText(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/[&<>"'\t\n\r]/g, (character) => XML_ESCAPES[character]!);
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
