/**
 * A streaming reader of `multipart/form-data` request bodies, so that an
 * upload goes to disk as it arrives instead of sitting in memory whole. It
 * bounds everything a hostile client controls: total bytes, number of parts,
 * header size; and it refuses a body that ends before its closing boundary.
 *
 * @example
 * await readMultipart(request.body, multipartBoundary(request.headers.get("content-type"))!, async (part) => {
 *   const file = await open(path.join(folder, safeName(part.filename)), "wx");
 *   return { write: (chunk) => file.write(chunk).then(() => {}), close: () => file.close() };
 * }, { maxBytes: 512 * 1024 * 1024, maxParts: 1000 });
 */
import { HttpError } from "./http-error.js";

export interface MultipartPart {
  /** The form field's name. */
  name: string;
  /** The file name the client gave, when the part is a file. */
  filename?: string;
  contentType?: string;
}

/** Where one part's bytes go. */
export interface PartSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface MultipartLimits {
  /** Bytes of the whole body. */
  maxBytes: number;
  /** Parts of the body, files and fields together. */
  maxParts: number;
  /** Bytes of one part's headers; default 16 KiB. */
  maxHeaderBytes?: number;
  /** The error for a body over `maxBytes`; default a `too-large` HttpError naming the limit. */
  tooLarge?: () => Error;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** The boundary of a `multipart/form-data` content type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const boundary = parameters(contentType).get("boundary");
  return boundary && /^[\x20-\x7E]{1,70}$/.test(boundary) && !boundary.endsWith(" ") ? boundary : undefined;
}

/**
 * Reads `body` part by part. `onPart` decides where each part's bytes go; it
 * may throw to refuse the part, which stops the whole read. Throws an
 * `HttpError` (`too-large`, `bad-request`) for a body over the limits or
 * malformed.
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  onPart: (part: MultipartPart) => Promise<PartSink>,
  limits: MultipartLimits,
): Promise<void> {
  const maxHeaderBytes = limits.maxHeaderBytes ?? 16 * 1024;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first boundary has no line break before it; starting with one lets a single delimiter find them all.
  let buffer: Buffer = Buffer.from(CRLF);
  // Widened on purpose: `drain` moves it on, which narrowing in this scope cannot see.
  let state = "preamble" as "preamble" | "after-delimiter" | "headers" | "body" | "done";
  let sink: PartSink | undefined;
  let total = 0;
  let parts = 0;

  const drain = async (): Promise<void> => {
    for (;;) {
      if (state === "preamble") {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          buffer = buffer.subarray(Math.max(0, buffer.length - (delimiter.length - 1)));
          return;
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = "after-delimiter";
      } else if (state === "after-delimiter") {
        if (buffer.length < 2) return;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = "done";
          return;
        }
        const end = buffer.indexOf(CRLF);
        if (end < 0) {
          if (buffer.length > 1024) throw malformed("a boundary line runs on");
          return;
        }
        if (buffer.subarray(0, end).toString("latin1").trim() !== "") throw malformed("a boundary is followed by other text");
        buffer = buffer.subarray(end + CRLF.length);
        state = "headers";
      } else if (state === "headers") {
        if (buffer.length >= CRLF.length && buffer.subarray(0, CRLF.length).equals(CRLF)) throw malformed("a part has no headers");
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (buffer.length > maxHeaderBytes) throw malformed(`a part's headers are over ${maxHeaderBytes} bytes`);
          return;
        }
        if (end > maxHeaderBytes) throw malformed(`a part's headers are over ${maxHeaderBytes} bytes`);
        const part = partOf(buffer.subarray(0, end).toString("utf8"));
        buffer = buffer.subarray(end + HEADER_END.length);
        if (++parts > limits.maxParts) throw new HttpError(413, "too-large", `the upload has more than ${limits.maxParts} parts`);
        sink = await onPart(part);
        state = "body";
      } else if (state === "body") {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          const keep = delimiter.length - 1;
          if (buffer.length > keep) {
            await sink!.write(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
          }
          return;
        }
        if (at > 0) await sink!.write(buffer.subarray(0, at));
        const finished = sink!;
        sink = undefined;
        await finished.close();
        buffer = buffer.subarray(at + delimiter.length);
        state = "after-delimiter";
      } else {
        return;
      }
    }
  };

  const chunks = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new HttpError(400, "bad-request", "the upload was cut off before it ended", { cause: error });
      }
      if (next.done) break;
      const chunk = next.value;
      total += chunk.length;
      if (total > limits.maxBytes) throw limits.tooLarge?.() ?? new HttpError(413, "too-large", `the body is over the limit of ${limits.maxBytes} bytes`);
      if (state === "done") continue;
      buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
      await drain();
    }
    if (state !== "done") throw malformed("the body ends before its closing boundary");
  } finally {
    // A part left open by a failure is closed so that the caller can remove what it wrote.
    await sink?.close().catch(() => undefined);
  }
}

function malformed(reason: string): HttpError {
  return new HttpError(400, "bad-request", `the upload is not valid multipart/form-data: ${reason}`);
}

function partOf(headerText: string): MultipartPart {
  const headers = new Map<string, string>();
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition");
  if (!disposition || !/^\s*form-data\s*(;|$)/i.test(disposition)) throw malformed("a part has no Content-Disposition: form-data header");
  const values = parameters(disposition);
  const name = values.get("name");
  if (name === undefined) throw malformed("a part has no field name");
  const filename = extendedValue(values.get("filename*")) ?? values.get("filename");
  const contentType = headers.get("content-type");
  return { name, ...(filename !== undefined && { filename }), ...(contentType !== undefined && { contentType }) };
}

/**
 * `key=value` and `key="quoted value"` parameters of a header, keys
 * lower-cased. Quoted values are taken as they are: browsers percent-encode
 * quotes and line breaks in file names but send backslashes raw, so
 * unescaping `\` would turn `..\..\x` into an innocent-looking name.
 */
function parameters(header: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of header.matchAll(/;\s*([^\s=;]+)\s*=\s*("[^"]*"|[^;]*)/g)) {
    const raw = match[2]!.trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    found.set(match[1]!.toLowerCase(), value);
  }
  return found;
}

/** RFC 5987 `UTF-8''name%20with%20spaces`; undefined when absent or not decodable. */
function extendedValue(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
