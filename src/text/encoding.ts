import iconv from "iconv-lite";

/**
 * Decides how the bytes of a text file are to be read. Leaked files come in
 * UTF-8, UTF-16, and the Windows code pages of the region (1256 for Persian and
 * Arabic, 1252 for Western text); the file rarely says which.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1256" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Byte offset of the first invalid UTF-8 sequence, when the text is UTF-8 with damage. */
  invalidUtf8At?: number;
}

const SNIFF_BYTES = 65_536;

/** True when the bytes look like binary data rather than text in any encoding Trove reads. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.length === 0) return false;
  if (utf16ByteOrder(sample)) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control / sample.length > 0.02;
}

/**
 * Decodes text, detecting its encoding: a byte-order mark first, then strict
 * UTF-8, then UTF-8 with some damage, then the Windows code page whose letters
 * form words (Arabic-script bytes come in runs; Western accents stand alone).
 * `truncated` says the bytes were cut from a longer file, so that a multi-byte
 * character split at the end is not counted as damage.
 */
export function decodeText(bytes: Uint8Array, truncated = false): DecodedText {
  const byteOrder = utf16ByteOrder(bytes);
  if (byteOrder) {
    const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return { text: new TextDecoder(byteOrder).decode(bytes.subarray(hasBom ? 2 : 0)), encoding: byteOrder };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const whole = truncated ? body.subarray(0, completeUtf8Length(body)) : body;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(whole), encoding: "utf-8" };
  } catch {
    const scan = scanUtf8(whole);
    if (scan.validMultibyte >= scan.invalid) {
      return { text: new TextDecoder("utf-8").decode(whole), encoding: "utf-8", invalidUtf8At: scan.firstInvalid };
    }
    const encoding = highBytesFormWords(whole) ? "windows-1256" : "windows-1252";
    return { text: decodeLegacy(whole, encoding), encoding };
  }
}

function utf16ByteOrder(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

function completeUtf8Length(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back ? end - back : end;
    }
  }
  return end;
}

interface Utf8Scan {
  validMultibyte: number;
  invalid: number;
  firstInvalid?: number;
}

function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { validMultibyte: 0, invalid: 0 };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid) {
      scan.validMultibyte++;
      i += length;
    } else {
      scan.invalid++;
      scan.firstInvalid ??= i;
      i++;
    }
  }
  return scan;
}

function highBytesFormWords(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((i > 0 && bytes[i - 1]! >= 0x80) || (i + 1 < bytes.length && bytes[i + 1]! >= 0x80)) inRuns++;
  }
  return high > 0 && inRuns / high > 0.5;
}

/**
 * Decodes a Windows code page. Node's own TextDecoder reads windows-1252 as
 * Latin-1, turning curly quotes and dashes (0x80–0x9F) into control characters.
 */
export function decodeLegacy(bytes: Uint8Array, encoding: "windows-1256" | "windows-1252"): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}
