/** Scans and photos of pages, read with OCR. */
import { InputError } from "../../errors.js";
import { recogniseImage } from "../ocr.js";
import type { Reader } from "../reader.js";

const MIME_BY_MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "image/png"],
  [[0xff, 0xd8, 0xff], "image/jpeg"],
  [[0x49, 0x49, 0x2a, 0x00], "image/tiff"],
  [[0x4d, 0x4d, 0x00, 0x2a], "image/tiff"],
  [[0x47, 0x49, 0x46, 0x38], "image/gif"],
  [[0x42, 0x4d], "image/bmp"],
];

/** The image MIME type from the first bytes, or undefined when they are not an image Trove reads. */
export function imageMime(head: Uint8Array): string | undefined {
  if (head[0] === 0x52 && head[1] === 0x49 && head[2] === 0x46 && head[3] === 0x46 && String.fromCharCode(...head.subarray(8, 12)) === "WEBP") {
    return "image/webp";
  }
  return MIME_BY_MAGIC.find(([magic]) => magic.every((byte, i) => head[i] === byte))?.[1];
}

export const readImage: Reader = async (context) => {
  try {
    const result = await recogniseImage(context.filePath, context.tempDir, context.limits.toolTimeoutSeconds);
    return {
      text: result.text,
      pages: [{ number: 1, start: 0, end: result.text.length, ocr: true, ocrLanguages: result.languages }],
      metadata: { ocr: { languages: result.languages, confidence: Math.round(result.confidence) } },
    };
  } catch (error) {
    if (/not installed/.test((error as Error).message)) throw error;
    throw new InputError("ocr-failed", `OCR could not read the image: ${(error as Error).message}`);
  }
};

export const readBinary: Reader = async () => ({ text: "", mime: "application/octet-stream" });
