import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import { NotFoundError } from "../../../src/errors.js";
import { aliasKey, resolveNames } from "../../../src/extract/entity-resolution.js";
import type { EntityType, Mention } from "../../../src/model/entity.js";
import { planEntityRedaction, redactEntity, scriptOf } from "../../../src/publish/redaction/entity.js";
import { findEntitiesByName } from "../../../src/search/entity-lookup.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../../helpers/documents.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { documentNamed, fixtureArchive } from "./fixture-archive.js";

const ZWNJ = "\u200C";

/** A Persian report, written with Arabic ي in one place and harakat and a non-joiner in another. */
const ORIGINAL = `گزارش دیدار\nبا شیخ حارث الزبيدي در کربلا دیدار شد.\nسپس حارث${ZWNJ}الزُّبیدی به بصره رفت و زبیدی گفت که پول رسید.\n`;
/** Its translation: the model found the name once; later the surname alone, and the name in capitals. */
const TRANSLATION = "Meeting report\nWe met Sheikh Harith al-Zubaidi in Karbala.\nThen HARITH AL-ZUBAIDI went to Basra, and Zubaidi said the money had arrived.\n";
/** A document the model read without finding the name at all. */
const UNRELATED = "A note about the bloc: Harith al-Zubaidi chairs it.\n";
const PHONES = ["Call 07712640388 after noon.\n", "His mobile is +964 771 264 0388.\n"];

/** A mention of the first (or `occurrence`-th) place `name` stands in `text`, as extraction reports it. */
function mention(text: string, type: EntityType, name: string, occurrence = 0): Mention & { name: string } {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(name, start + 1);
  assert.ok(start >= 0, `${name} is in the text`);
  const normalized = type === "phone" ? name.replace(/\D/g, "") : aliasKey(name);
  return { type, text: name, start, end: start + name.length, name, normalized, attributes: type === "phone" ? { phone: normalized } : {}, origin: "model", confidence: 1 };
}

describe("redacting an entity everywhere", () => {
  let store: SqliteStore;
  let original: number;
  let translation: number;
  let unrelated: number;
  let person: number;

  before(() => {
    store = SqliteStore.open(path.join(tempDir(), "entity.db"));
    original = store.saveDocument(extracted("/leak/report.fa.txt", ORIGINAL, { language: "fa" })).id;
    translation = store.saveDocument(extracted("/leak/report.en.txt", TRANSLATION)).id;
    unrelated = store.saveDocument(extracted("/leak/bloc.txt", UNRELATED)).id;
    store.saveTranslationPairs([{ originalId: original, translationId: translation, method: "file-name" }]);
    store.entities.saveMentions(original, 1, [mention(ORIGINAL, "person", "حارث الزبيدي")]);
    store.entities.saveMentions(translation, 1, [mention(TRANSLATION, "person", "Harith al-Zubaidi")]);
    store.entities.saveMentions(unrelated, 1, []);
    resolveNames(store.entities, store.entities.unresolvedNames(100));
    const ids = [...new Set(store.entities.documentMentions(original).concat(store.entities.documentMentions(translation)).map((entry) => entry.entityId!))];
    // As resolution does across scripts, or a reporter by a merge: one person, two scripts.
    if (ids.length > 1) store.entities.mergeEntities(ids[0]!, ids.slice(1));
    person = ids[0]!;
    store.commit();
  });

  it("covers every mention, every spelling the model missed, in both scripts, in the original and the translation", () => {
    const result = redactEntity(store, person, { author: "a reporter", note: "the MP's identity is not to be published" });
    const redactions = result.redactionIds.map((id) => store.redactions.getRedaction(id));
    const inDocument = (documentId: number) => redactions.filter((redaction) => redaction.documentId === documentId).map((redaction) => redaction.text);
    assert.deepEqual(inDocument(original), ["حارث الزبيدي", `حارث${ZWNJ}الزُّبیدی`]);
    assert.deepEqual(inDocument(translation), ["Harith al-Zubaidi", "HARITH AL-ZUBAIDI"]);
    assert.deepEqual(inDocument(unrelated), ["Harith al-Zubaidi"], "the whole archive is searched, not only where the model found it");
    assert.equal(result.documents, 3);
    assert.deepEqual(result.byScript, { arabic: 2, latin: 3, other: 0 });
    for (const redaction of redactions) {
      assert.equal(redaction.status, "accepted");
      assert.equal(redaction.entityId, person);
      assert.equal(redaction.author, "a reporter");
      assert.equal(redaction.note, "the MP's identity is not to be published");
    }
    assert.deepEqual(store.redactions.redactedEntityIds(), [person]);
  });

  it("only suggests the surname alone, in the documents that name the person and their translations", () => {
    const suggestions = store.redactions.listRedactions({ status: "suggested" });
    assert.deepEqual(suggestions.map((redaction) => [redaction.documentId, redaction.text]), [[original, "زبیدی"], [translation, "Zubaidi"]]);
    assert.match(suggestions[0]!.note ?? "", /may be/);
  });

  it("adds nothing twice when the same entity is redacted again", () => {
    const before = store.redactions.countRedactions();
    const again = redactEntity(store, person, { author: "an editor" });
    assert.equal(store.redactions.countRedactions(), before);
    assert.equal(again.redactionIds.length, 5);
  });

  it("finds a phone number however its digits are grouped or prefixed", () => {
    const [local, international] = PHONES.map((text, index) => store.saveDocument(extracted(`/leak/phone-${index}.txt`, text)).id) as [number, number];
    store.entities.saveMentions(local, 1, [mention(PHONES[0]!, "phone", "07712640388")]);
    store.entities.saveMentions(international, 1, []);
    resolveNames(store.entities, store.entities.unresolvedNames(100));
    const phone = store.entities.documentMentions(local)[0]!.entityId!;
    const plan = planEntityRedaction(store, phone, { author: "a reporter", reason: "phone" });
    assert.deepEqual(plan.redactions.map((redaction) => [redaction.documentId, PHONES[redaction.documentId === local ? 0 : 1]!.slice(redaction.start, redaction.end)]), [
      [local, "07712640388"],
      [international, "+964 771 264 0388"],
    ]);
    assert.deepEqual(plan.suggestions, []);
  });

  it("says which entity it does not know", () => {
    assert.throws(() => redactEntity(store, 9999, { author: "a reporter" }), NotFoundError);
  });

  it("names the script a span is written in", () => {
    assert.equal(scriptOf("منبع 134905"), "arabic");
    assert.equal(scriptOf("134905"), "latin");
    assert.equal(scriptOf("—"), "other");
  });
});

describe("redacting an entity in a real archive", () => {
  it("redacts a person in the Persian report and in its English translation", async () => {
    const store = SqliteStore.open(await fixtureArchive());
    const [id] = findEntitiesByName(store.entities, "حارث الزبیدی", { tolerant: false });
    const result = redactEntity(store, id!, { author: "a reporter" });
    const persian = documentNamed(store, "report-1393-09-14-karbala.fa.txt");
    const english = documentNamed(store, "report-1393-09-14-karbala.en.txt");
    const texts = (documentId: number) => store.redactions.listRedactions({ documentId, status: "accepted" }).map((redaction) => redaction.text);
    assert.ok(texts(persian).includes("حارث الزبیدی"), "the subject line of the original");
    assert.ok(texts(english).includes("Harith al-Zubaidi"), "the subject line of the translation");
    assert.ok(result.byScript.arabic > 0 && result.byScript.latin > 0);
    store.close();
  });

  it("redacts an informant by its number and code names in both scripts, leaving the word 'Source'", async () => {
    const store = SqliteStore.open(await fixtureArchive());
    const [id] = findEntitiesByName(store.entities, "Source 134905", { tolerant: false });
    redactEntity(store, id!, { author: "a reporter", reason: "source" });
    const english = documentNamed(store, "report-1393-06-25-baghdad.en.txt");
    const persian = documentNamed(store, "report-1393-06-25-baghdad.fa.txt");
    const texts = (documentId: number) => [...new Set(store.redactions.listRedactions({ documentId, status: "accepted" }).map((redaction) => redaction.text))].sort();
    assert.deepEqual(texts(english), ["134905", "Golestan"]);
    assert.deepEqual(texts(persian), ["گلستان", "۱۳۴۹۰۵"]);
    const text = store.redactions.documentText(english);
    for (const redaction of store.redactions.listRedactions({ documentId: english, status: "accepted" }).filter((entry) => entry.text === "134905")) {
      assert.equal(text.slice(redaction.start - "Source ".length, redaction.start), "Source ");
    }
    const karbalaReport = documentNamed(store, "report-1393-07-15-karbala.en.txt");
    assert.deepEqual(texts(karbalaReport), ["134905"], "found in a report that mentions it in passing");
    store.close();
  });
});
