import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { jaroWinkler } from "../../src/text/jaro-winkler.js";

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-3, `${actual} ≈ ${expected}`);

describe("jaroWinkler", () => {
  it("gives the published values for the textbook pairs", () => {
    close(jaroWinkler("martha", "marhta"), 0.961);
    close(jaroWinkler("dwayne", "duane"), 0.84);
    close(jaroWinkler("dixon", "dicksonx"), 0.813);
    close(jaroWinkler("crate", "trace"), 0.733);
  });

  it("gives 1 for identical strings and 0 when nothing is shared", () => {
    assert.equal(jaroWinkler("soleimani", "soleimani"), 1);
    assert.equal(jaroWinkler("", ""), 1);
    assert.equal(jaroWinkler("abc", "xyz"), 0);
    assert.equal(jaroWinkler("abc", ""), 0);
  });

  it("counts at most four characters of common prefix", () => {
    // Nine of ten characters aligned: Jaro (0.9 + 0.9 + 1) / 3; the nine-character common prefix counts as four.
    const jaro = (0.9 + 0.9 + 1) / 3;
    close(jaroWinkler("abcdefghij", "abcdefghiz"), jaro + 4 * 0.1 * (1 - jaro));
    close(jaroWinkler("abcdefghij", "zbcdefghij"), jaro);
  });

  it("compares code points, so a letter outside the BMP counts once", () => {
    assert.equal(jaroWinkler("a𝒜b", "a𝒜b"), 1);
    close(jaroWinkler("𝒜bc", "𝒜bd"), jaroWinkler("xbc", "xbd"));
  });

  it("is symmetric and stays within 0 and 1", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const forward = jaroWinkler(a, b);
        assert.ok(forward >= 0 && forward <= 1);
        close(forward, jaroWinkler(b, a));
      }),
    );
  });
});
