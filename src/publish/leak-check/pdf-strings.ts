/**
 * Every string written into a PDF's objects, read from the bytes themselves
 * rather than through a viewer: the info dictionary, outlines, annotations,
 * form fields, link targets, names of attached files, and the text of any
 * metadata stream, including those inside compressed object streams. Poppler
 * shows most of these one tool at a time; reading the bytes also finds what no
 * tool prints, such as a second, unreferenced info dictionary left behind by
 * an incremental update.
 *
 * Glyph codes in page content come out as junk here and do no harm; the text
 * a reader sees is read by `pdftotext` instead.
 */
import { inflateSync, constants as zlib } from "node:zlib";

/** Decompressed streams larger than this are skipped: a stream that inflates beyond it is a bomb, not metadata. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Streams that hold pixels or font programs, never text a reader could be shown. */
const BINARY_STREAM = /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType)\b|\/Length[123]\b|\/FontFile/;
const METADATA_STREAM = /\/Type\s*\/Metadata\b|\/Subtype\s*\/XML\b/;

/** The strings of the PDF in `bytes`, one per line, and the text of its metadata streams. */
export function pdfStrings(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const found: string[] = [];
  let bodyStart = 0;
  for (const stream of streamsOf(raw)) {
    found.push(...stringsIn(raw.slice(bodyStart, stream.dictionaryEnd)));
    bodyStart = stream.dataEnd;
    if (BINARY_STREAM.test(stream.dictionary)) continue;
    const data = decoded(bytes.subarray(stream.dataStart, stream.dataEnd), stream.dictionary);
    if (!data) continue;
    if (METADATA_STREAM.test(stream.dictionary)) found.push(data.toString("utf8"));
    else found.push(...stringsIn(data.toString("latin1")));
  }
  found.push(...stringsIn(raw.slice(bodyStart)));
  return found.filter((text) => text.trim().length > 0).join("\n");
}

interface StreamLocation {
  dictionary: string;
  dictionaryEnd: number;
  dataStart: number;
  dataEnd: number;
}

function* streamsOf(raw: string): Generator<StreamLocation> {
  const keyword = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(raw))) {
    if (raw.slice(match.index - 3, match.index) === "end") continue;
    const objectStart = raw.lastIndexOf(" obj", match.index);
    const dictionary = raw.slice(objectStart < 0 ? Math.max(0, match.index - 4096) : objectStart, match.index);
    const dataStart = match.index + match[0].length;
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    const byLength = declared ? dataStart + Number(declared[1]) : -1;
    const dataEnd = byLength > 0 && raw.startsWith("endstream", skipWhitespace(raw, byLength)) ? byLength : raw.indexOf("endstream", dataStart);
    if (dataEnd < 0) return;
    yield { dictionary, dictionaryEnd: match.index, dataStart, dataEnd };
    keyword.lastIndex = dataEnd;
  }
}

function skipWhitespace(raw: string, at: number): number {
  while (at < raw.length && /\s/.test(raw[at]!)) at++;
  return at;
}

function decoded(data: Buffer, dictionary: string): Buffer | undefined {
  const filters = [...dictionary.matchAll(/\/(FlateDecode|ASCIIHexDecode|ASCII85Decode|LZWDecode|DCTDecode|JPXDecode|JBIG2Decode|CCITTFaxDecode|RunLengthDecode)\b/g)].map((match) => match[1]);
  if (filters.length === 0) return data;
  if (filters.length > 1 || filters[0] !== "FlateDecode") return undefined;
  try {
    return inflateSync(data, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    return undefined;
  }
}

/** The literal `( … )` and hexadecimal `< … >` strings in a stretch of PDF syntax, decoded. */
function stringsIn(syntax: string): string[] {
  const strings: string[] = [];
  for (let at = 0; at < syntax.length; at++) {
    const character = syntax[at];
    if (character === "%") {
      const lineEnd = syntax.slice(at).search(/[\r\n]/);
      at = lineEnd < 0 ? syntax.length : at + lineEnd;
    } else if (character === "(") {
      const literal = literalString(syntax, at);
      strings.push(decodeBytes(literal.bytes));
      at = literal.end;
    } else if (character === "<" && syntax[at + 1] !== "<") {
      const close = syntax.indexOf(">", at);
      if (close < 0) break;
      const hex = syntax.slice(at + 1, close).replace(/[^0-9A-Fa-f]/g, "");
      strings.push(decodeBytes(Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex")));
      at = close;
    } else if (character === "<") {
      at++;
    }
  }
  return strings;
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

function literalString(syntax: string, open: number): { bytes: Buffer; end: number } {
  const bytes: number[] = [];
  let depth = 1;
  let at = open + 1;
  for (; at < syntax.length && depth > 0; at++) {
    const character = syntax[at]!;
    if (character === "\\") {
      const next = syntax[++at] ?? "";
      const octal = /^[0-7]{1,3}/.exec(syntax.slice(at, at + 3));
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff);
        at += octal[0].length - 1;
      } else if (next === "\r" || next === "\n") {
        if (next === "\r" && syntax[at + 1] === "\n") at++;
      } else {
        bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      }
      continue;
    }
    if (character === "(") depth++;
    if (character === ")" && --depth === 0) break;
    bytes.push(character.charCodeAt(0));
  }
  return { bytes: Buffer.from(bytes), end: at };
}

/** PDF text strings are UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), or PDFDocEncoding, which Latin-1 approximates. */
function decodeBytes(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return utf8.includes("\uFFFD") ? bytes.toString("latin1") : utf8;
}
