/** SHA-256 of an original, read as a stream so that a file of any size costs little memory. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export interface Fingerprint {
  sha256: string;
  size: number;
  /** The first bytes of the file, for type detection. */
  head: Buffer;
}

const HEAD_BYTES = 65_536;

export async function fingerprint(filePath: string): Promise<Fingerprint> {
  const hash = createHash("sha256");
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - headLength);
      headChunks.push(part);
      headLength += part.length;
    }
  }
  return { sha256: hash.digest("hex"), size, head: Buffer.concat(headChunks) };
}
