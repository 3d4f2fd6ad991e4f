/**
 * A small zip writer for test fixtures. It writes exactly what a test asks
 * for, including what a well-behaved zip library refuses to write: names that
 * climb out with `..`, absolute names, CP437 names, and size fields that lie.
 */
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_UTF8_NAME = 0x800;
const MADE_BY_UNIX = 3 << 8;
const VERSION = 20;
const REGULAR_FILE_MODE = 0o100644;
const DIRECTORY_MODE = 0o040755;
const SYMLINK_MODE = 0o120777;
/** 1980-01-01 00:00 in MS-DOS date/time form; fixtures need no real times. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** Member data already deflated, for fixtures too large to hold uncompressed. */
export interface DeflatedData {
  deflated: Buffer;
  size: number;
  crc32: number;
}

export interface ZipMember {
  /** A string is written as UTF-8 with the UTF-8 flag; a Buffer is written raw with no flag (CP437). */
  name: string | Buffer;
  /** Contents; omit for a directory entry. */
  data?: Buffer | DeflatedData;
  /** Defaults to deflate; pre-deflated data is always written deflated. */
  method?: "store" | "deflate";
  kind?: "file" | "directory" | "symlink";
  /** Writes this uncompressed size into both headers instead of the true one, as a forged archive would. */
  declaredSize?: number;
}

/** Builds a zip archive in memory: local headers, data, central directory, end record. */
export function buildZip(members: ZipMember[]): Buffer {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const encoded = encodeMember(member);
    const local = localHeader(encoded);
    localParts.push(local, encoded.payload);
    centralParts.push(centralHeader(encoded, offset));
    offset += local.length + encoded.payload.length;
  }
  const central = Buffer.concat(centralParts);
  return Buffer.concat([...localParts, central, endRecord(members.length, central.length, offset)]);
}

/** Deflates `size` zero bytes in 1 MiB steps, so that a bomb fixture never sits in memory whole. */
export async function deflatedZeros(size: number): Promise<DeflatedData> {
  const chunk = Buffer.alloc(Math.min(size, 1024 * 1024));
  const deflate = createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflate.on("data", (piece: Buffer) => output.push(piece));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let checksum = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - written));
    checksum = crc32(piece, checksum);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await finished;
  return { deflated: Buffer.concat(output), size, crc32: checksum };
}

interface EncodedMember {
  name: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  declaredSize: number;
  mode: number;
  payload: Buffer;
}

function encodeMember(member: ZipMember): EncodedMember {
  const kind = member.kind ?? (member.data === undefined ? "directory" : "file");
  const name = typeof member.name === "string" ? Buffer.from(member.name, "utf8") : member.name;
  const flags = typeof member.name === "string" ? FLAG_UTF8_NAME : 0;
  const mode = kind === "directory" ? DIRECTORY_MODE : kind === "symlink" ? SYMLINK_MODE : REGULAR_FILE_MODE;
  const data = member.data ?? Buffer.alloc(0);
  if (!Buffer.isBuffer(data)) {
    return {
      name, flags, mode, method: METHOD_DEFLATE, crc32: data.crc32,
      compressedSize: data.deflated.length, declaredSize: member.declaredSize ?? data.size, payload: data.deflated,
    };
  }
  const store = member.method === "store" || kind === "directory";
  const payload = store ? data : deflateRawSync(data);
  return {
    name, flags, mode, method: store ? METHOD_STORE : METHOD_DEFLATE, crc32: crc32(data),
    compressedSize: payload.length, declaredSize: member.declaredSize ?? data.length, payload,
  };
}

function localHeader(member: EncodedMember): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(member.flags, 6);
  header.writeUInt16LE(member.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(member.crc32 >>> 0, 14);
  header.writeUInt32LE(member.compressedSize, 18);
  header.writeUInt32LE(member.declaredSize, 22);
  header.writeUInt16LE(member.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, member.name]);
}

function centralHeader(member: EncodedMember, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY_UNIX | VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(member.flags, 8);
  header.writeUInt16LE(member.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(member.crc32 >>> 0, 16);
  header.writeUInt32LE(member.compressedSize, 20);
  header.writeUInt32LE(member.declaredSize, 24);
  header.writeUInt16LE(member.name.length, 28);
  header.writeUInt16LE(0, 30);
  header.writeUInt16LE(0, 32);
  header.writeUInt16LE(0, 34);
  header.writeUInt16LE(0, 36);
  header.writeUInt32LE((member.mode << 16) >>> 0, 38);
  header.writeUInt32LE(localOffset, 42);
  return Buffer.concat([header, member.name]);
}

function endRecord(entries: number, centralSize: number, centralOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(centralSize, 12);
  record.writeUInt32LE(centralOffset, 16);
  return record;
}
