/**
 * Word documents (.docx): the text through mammoth, the title from the core
 * properties (`docProps/core.xml`). A docx is a zip, and mammoth unpacks its
 * XML parts whole in memory, so the package is first walked as the hostile
 * zip it may be: its XML must stay within the member size and ratio limits.
 */
import mammoth from "mammoth";
import { Parser } from "htmlparser2";
import type { Entry, ZipFile } from "yauzl";
import { InputError } from "../../errors.js";
import type { IngestLimits } from "../limits.js";
import type { Reader, ReaderContext } from "../reader.js";
import { nextZipEntry, openZipFile, zipEntryPath } from "./archive.js";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const CORE_PROPERTIES = "docProps/core.xml";
/** Core properties hold a handful of short fields; anything larger is not read for a title. */
const MAX_CORE_PROPERTIES_BYTES = 1024 * 1024;
/** Below this size a high compression ratio is harmless. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** The parts mammoth reads; media are left packed, so they are not expanded here either. */
const XML_PART = /\.(xml|rels)$/i;

/**
 * Reads a .docx file: raw text (paragraphs separated by blank lines) and the
 * `dc:title` of its core properties when there is one.
 *
 * @throws InputError `damaged` when the file is no readable Word document;
 *   `archive-bomb` when its XML would expand past the limits.
 */
export const readDocx: Reader = async (context) => {
  const coreProperties = await inspectPackage(context);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ path: context.filePath })).value;
  } catch (error) {
    throw new InputError("damaged", `not a readable Word document: ${describe(error)}`, false, { cause: error });
  }
  const title = coreProperties === undefined ? undefined : coreTitle(coreProperties);
  return { text, mime: DOCX_MIME, ...(title && { title }) };
};

/**
 * Expands every XML part once, without keeping it, to check the limits before
 * mammoth holds them in memory; returns the core properties on the way.
 */
async function inspectPackage(context: ReaderContext): Promise<string | undefined> {
  const { limits } = context;
  const zipfile = await openZipFile(context.filePath);
  let expanded = 0;
  let parts = 0;
  let coreProperties: string | undefined;
  try {
    for (;;) {
      const entry = await nextZipEntry(zipfile);
      if (entry === undefined) return coreProperties;
      if (++parts > limits.maxArchiveMembers) throw bomb(`it has more than ${limits.maxArchiveMembers} parts (maxArchiveMembers)`);
      const name = zipEntryPath(entry);
      if (!XML_PART.test(name)) continue;
      const bytes = await expandPart(zipfile, entry, name, limits, expanded);
      expanded += bytes.size;
      if (name === CORE_PROPERTIES && bytes.kept) coreProperties = bytes.kept.toString("utf8");
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("damaged", `damaged Word document: ${describe(error)}`, false, { cause: error });
  } finally {
    zipfile.close();
  }
}

/** Expands one part, counting its bytes; keeps the core properties when they are small. */
async function expandPart(
  zipfile: ZipFile,
  entry: Entry,
  name: string,
  limits: IngestLimits,
  expandedBefore: number,
): Promise<{ size: number; kept?: Buffer }> {
  const keep = name === CORE_PROPERTIES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await zipfile.openReadStreamPromise(entry) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (expandedBefore + size > limits.maxMemberBytes) {
      throw bomb(`its XML expands past maxMemberBytes (${limits.maxMemberBytes} bytes)`);
    }
    if (size > RATIO_FLOOR_BYTES && size > limits.maxCompressionRatio * entry.compressedSize) {
      throw bomb(`part ${name} expands to more than ${limits.maxCompressionRatio} times its ${entry.compressedSize} compressed bytes (maxCompressionRatio)`);
    }
    if (keep && size <= MAX_CORE_PROPERTIES_BYTES) chunks.push(chunk);
  }
  return keep && size <= MAX_CORE_PROPERTIES_BYTES ? { size, kept: Buffer.concat(chunks) } : { size };
}

/** The text of the `dc:title` element, whitespace collapsed; undefined when absent or blank. */
function coreTitle(xml: string): string | undefined {
  let depth = 0;
  let title = "";
  const parser = new Parser(
    {
      onopentag(name) {
        if (depth > 0 || /(^|:)title$/.test(name)) depth++;
      },
      onclosetag() {
        if (depth > 0) depth--;
      },
      ontext(text) {
        if (depth > 0) title += text;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return title.replace(/\s+/g, " ").trim() || undefined;
}

function bomb(reason: string): InputError {
  return new InputError("archive-bomb", `not read: ${reason}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
