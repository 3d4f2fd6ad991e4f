import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findAddresses } from "../../../src/publish/redaction/addresses.js";

function addresses(text: string): string[] {
  return findAddresses(text).map(({ start, end }) => text.slice(start, end));
}

describe("exact addresses", () => {
  it("finds a house number with an alley or a street, and the district after it", () => {
    assert.deepEqual(addresses("We met at No. 14, Alley 7, Jadriya, at noon."), ["No. 14, Alley 7, Jadriya"]);
    assert.deepEqual(addresses("The safe house is No. 3, Alley 12, Palestine Street."), ["No. 3, Alley 12, Palestine Street"]);
    assert.deepEqual(addresses("Write to House 12, Street 52, Mahalla 609, Karrada. The house"), ["House 12, Street 52, Mahalla 609, Karrada"]);
    assert.deepEqual(addresses("He lives at 14 Hamra Street. The meeting"), ["14 Hamra Street"]);
    assert.deepEqual(addresses("It is Alley 7, No. 14, The house is new."), ["Alley 7, No. 14"], "a word that opens a sentence is no district");
  });

  it("finds Persian and Arabic addresses with any letter forms and digits", () => {
    assert.deepEqual(addresses("نشانی: خیابان فلسطین، کوچهٔ ۱۲، پلاک ۳ است."), ["خیابان فلسطین، کوچهٔ ۱۲، پلاک ۳"]);
    assert.deepEqual(addresses("نشانی: خيابان فلسطين، كوچه‌ی 12، پلاك 3"), ["خيابان فلسطين، كوچه‌ی 12، پلاك 3"]);
    assert.deepEqual(addresses("العنوان شارع ٥٢، زقاق ٧، دار ١٤ في الكرادة"), ["شارع ٥٢، زقاق ٧، دار ١٤"]);
    assert.deepEqual(addresses("دفتر در ساختمان شمارهٔ ۳ منطقهٔ سبز قرار دارد."), ["ساختمان شمارهٔ ۳ منطقهٔ سبز"], "a street's name stops before the verb");
  });

  it("leaves a street or a number alone: it locates a meeting, not a home", () => {
    for (const text of [
      "in one of the side alleys off Karrada Dakhil Street, behind a bakery",
      "the minister's office is in Building No. 3 in the Green Zone.",
      "در یکی از کوچه‌های فرعی خیابان کرادهٔ داخل، پشت یک نانوایی، ملاقات شد",
      "شمارهٔ تماس مهند سلیم ۰۷۷۰۳۱۸۲۲۶۴ است.",
      "Number: K/502/93",
      "doubled back along Abu Nuwas Street towards Jadriya",
      "با منبع شماره ۱۳۴۹۰۵ دیدار شد",
    ]) {
      assert.deepEqual(addresses(text), [], text);
    }
  });

  it("reads a long hostile text in linear time without finding what is not there", () => {
    const text = `${"Street 1, ".repeat(20_000)}${"خیابان ".repeat(20_000)}`;
    assert.deepEqual(addresses(text), []);
  });
});
