import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attachTitleAndRole, stripTitles } from "../../src/extract/titles.js";
import type { EntityType, Mention } from "../../src/model/entity.js";

/** A mention of `name` in `text` as the model would give it, at its first occurrence. */
function modelMention(text: string, name: string, type: EntityType = "person"): Mention {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `${name} in ${text}`);
  return { type, text: name, start, end: start + name.length, normalized: name.toLowerCase(), attributes: {}, origin: "model", confidence: 0.9 };
}

function attached(text: string, name: string): Mention {
  const mention = attachTitleAndRole(text, modelMention(text, name));
  assert.equal(mention.text, text.slice(mention.start, mention.end));
  return mention;
}

describe("stripTitles", () => {
  it("removes titles and ranks in English, Persian and Arabic and keeps them as written", () => {
    assert.deepEqual(stripTitles("Maj. Gen. Qassem Example"), { name: "Qassem Example", titles: ["Maj. Gen."] });
    assert.deepEqual(stripTitles("Grand Ayatollah Sheikh Ali Example"), { name: "Ali Example", titles: ["Grand Ayatollah", "Sheikh"] });
    assert.deepEqual(stripTitles("LT. GEN. A. EXAMPLE"), { name: "A. EXAMPLE", titles: ["LT. GEN."] });
    assert.deepEqual(stripTitles("Dr Salah Example"), { name: "Salah Example", titles: ["Dr"] });
    assert.deepEqual(stripTitles("سردار سرتیپ پاسدار رضا نمونه"), { name: "رضا نمونه", titles: ["سردار سرتیپ پاسدار"] });
    assert.deepEqual(stripTitles("آیت‌الله العظمی علی نمونه"), { name: "علی نمونه", titles: ["آیت‌الله العظمی"] });
    assert.deepEqual(stripTitles("آيت الله علی نمونه"), { name: "علی نمونه", titles: ["آيت الله"] });
    assert.deepEqual(stripTitles("حجت‌الاسلام والمسلمین حاج آقا نمونه"), { name: "نمونه", titles: ["حجت‌الاسلام والمسلمین", "حاج آقا"] });
    assert.deepEqual(stripTitles("اللواء الركن فلان الفلاني"), { name: "فلان الفلاني", titles: ["اللواء الركن"] });
    assert.deepEqual(stripTitles("د. فلان"), { name: "فلان", titles: ["د."] });
  });

  it("leaves names alone: a title alone, lower-case words, and names that start like a title", () => {
    assert.deepEqual(stripTitles("Sheikh"), { name: "Sheikh", titles: [] });
    assert.deepEqual(stripTitles("miss Example"), { name: "miss Example", titles: [] });
    assert.deepEqual(stripTitles("Majid Example"), { name: "Majid Example", titles: [] });
    assert.deepEqual(stripTitles("Kingston Example"), { name: "Kingston Example", titles: [] });
    assert.deepEqual(stripTitles("سیدنی نمونه"), { name: "سیدنی نمونه", titles: [] });
    assert.deepEqual(stripTitles(""), { name: "", titles: [] });
  });
});

describe("titles around a mention", () => {
  it("reads titles just before the name", () => {
    assert.deepEqual(attached("He met Maj. Gen. Qassem Example in Karbala.", "Qassem Example").attributes, { title: "Maj. Gen." });
    assert.deepEqual(attached("منبع با حاج سعادت دیدار کرد", "سعادت").attributes, { title: "حاج" });
    assert.deepEqual(attached("التقى الشيخ فلان الفلاني", "فلان الفلاني").attributes, { title: "الشيخ" });
  });

  it("cuts a title the model put in the span, and from the normalised name", () => {
    const text = "He met Maj. Gen. Qassem Example in Karbala.";
    const mention = attached(text, "Maj. Gen. Qassem Example");
    assert.equal(mention.text, "Qassem Example");
    assert.equal(mention.start, text.indexOf("Qassem"));
    assert.equal(mention.normalized, "qassem example");
    assert.equal(mention.attributes.title, "Maj. Gen.");
  });

  it("joins a title before the span and one inside it", () => {
    const mention = attached("with Grand Ayatollah Sheikh Ali Example today", "Sheikh Ali Example");
    assert.equal(mention.text, "Ali Example");
    assert.equal(mention.attributes.title, "Grand Ayatollah Sheikh");
  });

  it("leaves other mentions and bad offsets alone", () => {
    const text = "Sheikh Example Company";
    const organisation = modelMention(text, "Example Company", "organization");
    assert.deepEqual(attachTitleAndRole(text, organisation), organisation);
    const outside = { ...modelMention(text, "Example"), start: 40, end: 50 };
    assert.deepEqual(attachTitleAndRole(text, outside), outside);
  });
});

describe("roles in apposition", () => {
  it("reads an English role after the name", () => {
    assert.equal(attached("Bayan Example, minister of transportation, said", "Bayan Example").attributes.role, "minister of transportation");
    assert.equal(attached("Bayan Example, the Iraqi transportation minister, said", "Bayan Example").attributes.role, "Iraqi transportation minister");
    assert.equal(attached("Harith Example, a member of parliament from the bloc, said", "Harith Example").attributes.role, "member of parliament from the bloc");
  });

  it("reads an English role before the name", () => {
    assert.equal(attached("Talks ended. The minister of transportation, Bayan Example, said", "Bayan Example").attributes.role, "minister of transportation");
    assert.deepEqual(attached("Iraqi Transportation Minister Bayan Example arrived", "Bayan Example").attributes, { title: "Minister", role: "Iraqi Transportation Minister" });
  });

  it("reads Persian and Arabic roles before and after the name", () => {
    assert.equal(attached("وزیر حمل و نقل، باقر نمونه گفت", "باقر نمونه").attributes.role, "وزیر حمل و نقل");
    assert.equal(attached("وزير النقل العراقي باقر نمونة قال", "باقر نمونة").attributes.role, "وزير النقل العراقي");
    assert.equal(attached("دکتر صلاح نمونه، وزیر مشاور در امور استان‌ها، گفت", "صلاح نمونه").attributes.role, "وزیر مشاور در امور استان‌ها");
    assert.equal(attached("علی نمونه وزیر نفت گفت که", "علی نمونه").attributes.role, "وزیر نفت");
    assert.deepEqual(attached("التقى اللواء الركن فلان الفلاني، قائد عمليات بغداد، أمس", "فلان الفلاني").attributes, { title: "اللواء الركن", role: "قائد عمليات بغداد" });
    assert.deepEqual(attached("شماره تلفن همراه مدیر دفتر وزیر، آقای نزار نمونه، را داد", "نزار نمونه").attributes, { title: "آقای", role: "مدیر دفتر وزیر" });
  });

  it("reads no role from clauses, possessives, objects or mid-sentence phrases", () => {
    for (const [text, name] of [
      ["Ali Example, who met the minister, said", "Ali Example"],
      ["the minister's brother, Ali Example, said", "Ali Example"],
      ["In a meeting with the head of the bloc, Ali Example said", "Ali Example"],
      ["Yesterday the minister of transportation, Ali Example, said", "Ali Example"],
      ["Baghdad. Minister Ali Example arrived", "Ali Example"],
      ["Ali Example, 45, arrived", "Ali Example"],
      ["علی نمونه وزیر را دید", "علی نمونه"],
      ["با وزیر دیدار کرد و علی نمونه رفت", "علی نمونه"],
      ["گزارش وزیر درباره علی نمونه", "علی نمونه"],
    ] as const) {
      assert.equal(attached(text, name).attributes.role, undefined, text);
    }
  });
});

describe("hostile input", () => {
  it("handles empty and huge text around a mention, and lone surrogates", () => {
    const long = `${"Maj. Gen. ".repeat(50_000)}Qassem Example, ${"minister ".repeat(50_000)}`;
    assert.equal(attached(long, "Qassem Example").text, "Qassem Example");
    const odd = "\uD800Sheikh \uDC00Ali";
    assert.equal(attached(odd, "Ali").text, "Ali");
    assert.deepEqual(stripTitles("\uD800"), { name: "\uD800", titles: [] });
    const titlesOnly = "Sheikh Sheikh Sheikh Sheikh Sheikh Sheikh Ali";
    assert.equal(attached(titlesOnly, "Sheikh Sheikh Sheikh Sheikh Sheikh Sheikh Ali").text.endsWith("Ali"), true);
  });
});
