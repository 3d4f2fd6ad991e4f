import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { HttpError } from "../../src/server/http-error.js";
import { multipartBoundary, readMultipart, type MultipartPart } from "../../src/server/multipart.js";
import { BOUNDARY, multipartBody, type Part } from "./fixtures.js";

interface Received extends MultipartPart {
  content: Buffer;
}

async function read(body: Buffer, cuts: number[] = [], limits = { maxBytes: 1 << 20, maxParts: 100 }): Promise<Received[]> {
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...new Set(cuts)].filter((at) => at > 0 && at < body.length).sort((a, b) => a - b)) {
    chunks.push(body.subarray(start, cut));
    start = cut;
  }
  chunks.push(body.subarray(start));
  const received: Received[] = [];
  await readMultipart(
    (async function* () {
      yield* chunks;
    })(),
    BOUNDARY,
    async (part) => {
      const pieces: Buffer[] = [];
      return {
        write: async (chunk) => void pieces.push(Buffer.from(chunk)),
        close: async () => void received.push({ ...part, content: Buffer.concat(pieces) }),
      };
    },
    limits,
  );
  return received;
}

async function failure(work: Promise<unknown>): Promise<HttpError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof HttpError, String(error));
    return error;
  }
  assert.fail("expected the body to be refused");
}

describe("readMultipart", () => {
  it("reads every part exactly, however the body is cut into chunks", async () => {
    const part = fc.record({
      name: fc.constantFrom("files", "note"),
      filename: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !/["\r\n\\]/.test(name)), { nil: undefined }),
      content: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(2000), { maxLength: 12 }), async (parts, cuts) => {
        const body = multipartBody(parts.map((p): Part => ({ name: p.name, content: p.content, ...(p.filename !== undefined && { filename: p.filename }) })));
        const received = await read(body, cuts);
        assert.equal(received.length, parts.length);
        received.forEach((got, index) => {
          assert.equal(got.name, parts[index]!.name);
          assert.equal(got.filename, parts[index]!.filename);
          assert.deepEqual(got.content, parts[index]!.content);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("keeps content that looks like a boundary but is not one", async () => {
    const tricky = Buffer.from(`--${BOUNDARY.slice(0, -1)}\r\nx--${BOUNDARY}-- is not the end\r\n\r\n--\r\n-`);
    const [got] = await read(multipartBody([{ name: "files", filename: "tricky.bin", content: tricky }]), [7, 50, 51]);
    assert.deepEqual(got?.content, tricky);
  });

  it("reads the RFC 5987 file name when one is given, and the content type", async () => {
    const body = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="fallback.txt"; filename*=UTF-8''%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4.txt\r\nContent-Type: text/plain\r\n\r\nbody\r\n--${BOUNDARY}--\r\n`,
    );
    const [got] = await read(body);
    assert.equal(got?.filename, "گزارش.txt");
    assert.equal(got?.contentType, "text/plain");
  });

  it("refuses a body over the byte limit or with too many parts with too-large", async () => {
    const body = multipartBody([{ name: "files", filename: "a.txt", content: Buffer.alloc(5000) }]);
    assert.equal((await failure(read(body, [100, 2000], { maxBytes: 4000, maxParts: 10 }))).code, "too-large");
    const many = multipartBody(Array.from({ length: 4 }, () => ({ name: "note", content: "x" })));
    assert.equal((await failure(read(many, [], { maxBytes: 1 << 20, maxParts: 3 }))).code, "too-large");
  });

  it("refuses malformed bodies with bad-request", async () => {
    const whole = multipartBody([{ name: "files", filename: "a.txt", content: "text" }]);
    const bodies = [
      whole.subarray(0, whole.length - 10),
      Buffer.from("no boundary anywhere"),
      Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--${BOUNDARY}--\r\n`),
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\nX: ${"y".repeat(20_000)}\r\n\r\nz\r\n--${BOUNDARY}--\r\n`),
      Buffer.from(`--${BOUNDARY}junk\r\nContent-Disposition: form-data; name="a"\r\n\r\nz\r\n--${BOUNDARY}--\r\n`),
    ];
    for (const body of bodies) assert.equal((await failure(read(body))).code, "bad-request");
  });

  it("finds the boundary of a multipart/form-data content type only", () => {
    assert.equal(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`), BOUNDARY);
    assert.equal(multipartBoundary('multipart/form-data; boundary="quoted boundary"'), "quoted boundary");
    assert.equal(multipartBoundary("multipart/mixed; boundary=x"), undefined);
    assert.equal(multipartBoundary("application/json"), undefined);
    assert.equal(multipartBoundary(`multipart/form-data; boundary=${"b".repeat(71)}`), undefined);
    assert.equal(multipartBoundary(undefined), undefined);
  });
});
