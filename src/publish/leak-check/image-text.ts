/**
 * What a reader could read in an image, as far as Tesseract can tell. The
 * leak check reads every image several times: once with the Persian, Arabic
 * and English models together, as the brief for mixed pages asks, and once
 * each with English and Persian alone, because the combined models turn
 * Persian words into Latin junk and a name missed that way would pass.
 */
import { readFile } from "node:fs/promises";
import { runTool } from "../../ingest/run-tool.js";

/** The Tesseract language sets each image is read with. */
const LEAK_CHECK_READINGS = ["fas+ara+eng", "eng", "fas"] as const;

/** Images smaller than this on either side cannot hold legible text, and Tesseract refuses them. */
const SMALLEST_LEGIBLE_SIDE = 12;

export interface ImageReading {
  languages: string;
  text: string;
}

/** The image's text under each of {@link LEAK_CHECK_READINGS}; none when the image is too small to hold text. */
export async function readImageText(imagePath: string, timeoutSeconds: number): Promise<ImageReading[]> {
  const size = await imageSize(imagePath);
  if (size && (size.width < SMALLEST_LEGIBLE_SIDE || size.height < SMALLEST_LEGIBLE_SIDE)) return [];
  return Promise.all(
    LEAK_CHECK_READINGS.map(async (languages) => {
      const { stdout } = await runTool("tesseract", [imagePath, "stdout", "-l", languages], timeoutSeconds);
      return { languages, text: stdout };
    }),
  );
}

/** Width and height of a PNG, JPEG or GIF from its header; undefined for other formats, which Tesseract is left to judge. */
export async function imageSize(imagePath: string): Promise<{ width: number; height: number } | undefined> {
  const bytes = await readFile(imagePath);
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.toString("latin1", 0, 4) === "GIF8") return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return undefined;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return undefined;
}
