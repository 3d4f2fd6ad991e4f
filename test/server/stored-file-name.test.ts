import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { storedFileName, unsafeFileName } from "../../src/server/stored-file-name.js";

describe("unsafeFileName", () => {
  it("refuses names that are paths, climb, are empty or carry control characters", () => {
    for (const name of ["../../etc/passwd", "a/b.txt", "..\\x", "C:\\Windows\\x.txt", "/abs", "..", ".", "", "   ", "a\nb", "nul\u0000.txt"]) {
      assert.equal(typeof unsafeFileName(name), "string", JSON.stringify(name));
    }
  });

  it("accepts plain names in any script", () => {
    for (const name of ["report.fa.txt", "گزارش ۱۳۹۳.txt", "تقرير.pdf", "14BAGHDAD1911.txt", "a..b.txt", "..hidden"]) assert.equal(unsafeFileName(name), undefined, name);
  });
});

describe("storedFileName", () => {
  it("keeps letters in any script, the language mark and the extensions", () => {
    assert.equal(storedFileName("گزارش ۱.fa.txt", new Set()), "گزارش_۱.fa.txt");
    assert.equal(storedFileName("batch 2015.tar.gz", new Set()), "batch_2015.tar.gz");
    assert.equal(storedFileName("..hidden", new Set()), "hidden");
    assert.equal(storedFileName("***", new Set()), "file");
  });

  it("numbers a repeated name before its extensions", () => {
    const taken = new Set(["x.fa.txt", "x-2.fa.txt"]);
    assert.equal(storedFileName("x.fa.txt", taken), "x-3.fa.txt");
  });

  it("never yields a path, a hidden or empty name, a name over 120 bytes, or one already taken", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (name, others) => {
        const taken = new Set(others.map((other) => storedFileName(other, new Set())));
        const stored = storedFileName(name, taken);
        assert.ok(stored.length > 0);
        assert.ok(!/[/\\\u0000-\u001F]/.test(stored), stored);
        assert.ok(!stored.startsWith("."), stored);
        assert.ok(stored !== "." && stored !== "..");
        assert.ok(Buffer.byteLength(stored) <= 120, stored);
        assert.ok(!taken.has(stored));
      }),
      { numRuns: 500 },
    );
  });
});
