import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findAddresses } from "../../../src/publish/redaction/addresses.js";
import { findPlates } from "../../../src/publish/redaction/plates.js";

function plates(text: string): string[] {
  return findPlates(text, findAddresses(text)).map(({ start, end }) => text.slice(start, end));
}

describe("vehicle plates", () => {
  it("redacts the plate's city and numbers, and leaves the word for plate", () => {
    assert.deepEqual(plates("They left in Tamimi's black GMC with Karbala plate 45821. A local journalist"), ["45821"]);
    assert.deepEqual(plates("a car with plate Karbala 45821 waited"), ["Karbala 45821"]);
    assert.deepEqual(plates("licence plate 12 B 345 was seen"), ["12 B 345"]);
    assert.deepEqual(plates("LICENSE PLATE NO. 77-K-512"), ["77-K-512"]);
  });

  it("reads Persian and Arabic plates", () => {
    assert.deepEqual(plates("زبیدی و تمیمی با خودروی جی‌ام‌سی مشکی تمیمی با پلاک کربلا ۴۵۸۲۱ محل را ترک کردند."), ["کربلا ۴۵۸۲۱"]);
    assert.deepEqual(plates("خودروی پژو با پلاک ۱۲ ب ۳۴۵ ایران ۶۷ دیده شد"), ["۱۲ ب ۳۴۵ ایران ۶۷"]);
    assert.deepEqual(plates("خودرو با پلاک ۴۵۶۷۸ آمد"), ["۴۵۶۷۸"], "a vehicle named just before makes a bare number a plate");
    assert.deepEqual(plates("سيارة تحمل رقم اللوحة ٤٥٨٢١ بغداد"), ["٤٥٨٢١"]);
  });

  it("does not take a house number, an address or a short number for a plate", () => {
    assert.deepEqual(plates("نشانی: خیابان فلسطین، کوچهٔ ۱۲، پلاک ۳۰۷"), [], "inside an address");
    assert.deepEqual(plates("منزل او پلاک ۳۰۷ است"), [], "a bare number after پلاک, with no vehicle near");
    assert.deepEqual(plates("a plate of rice, plate 12"), []);
  });
});
