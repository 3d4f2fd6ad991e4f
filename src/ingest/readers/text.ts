/** Plain text and Markdown, in whatever encoding they arrived. */
import { open } from "node:fs/promises";
import { decodeText } from "../../text/encoding.js";
import type { Reader } from "../reader.js";

/** Reads at most `limit` bytes from the start of a file. */
export async function readHead(filePath: string, limit: number): Promise<Buffer> {
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, limit));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const readText: Reader = async (context) => {
  const { filePath, size, limits } = context;
  const truncated = size > limits.maxTextBytes;
  const decoded = decodeText(await readHead(filePath, limits.maxTextBytes), truncated);
  if (truncated) {
    context.problem("truncated", `only the first ${mebibytes(limits.maxTextBytes)} of ${mebibytes(size)} were indexed (raise --max-text-mb to index more)`, false);
  }
  if (decoded.invalidUtf8At !== undefined) {
    context.problem("invalid-utf8", `invalid UTF-8 from byte ${decoded.invalidUtf8At}; damaged characters were replaced with U+FFFD`, true);
  }
  return { text: decoded.text, encoding: decoded.encoding, mime: "text/plain" };
};

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
