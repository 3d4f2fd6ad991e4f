import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { redactEntity } from "../../../src/publish/redaction/entity.js";
import { forbiddenForms, formVariants, type ForbiddenForm } from "../../../src/publish/redaction/forms.js";
import { MIN_FORM_LENGTH } from "../../../src/publish/redaction/entity-forms.js";
import { addSuggestions } from "../../../src/publish/redaction/suggestions.js";
import { findEntitiesByName } from "../../../src/search/entity-lookup.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../../helpers/documents.js";
import { documentNamed, fixtureArchive } from "./fixture-archive.js";

function formsOf(forms: ForbiddenForm[]): string[] {
  return forms.map((entry) => entry.form);
}

describe("the forms the leak check must not find", () => {
  let store: SqliteStore;
  let karbala: number;
  let karbalaEnglish: number;
  let baghdadEnglish: number;
  let plate: number;
  let phone: number;
  let person: number;

  before(async () => {
    store = SqliteStore.open(await fixtureArchive());
    karbala = documentNamed(store, "report-1393-09-14-karbala.fa.txt");
    karbalaEnglish = documentNamed(store, "report-1393-09-14-karbala.en.txt");
    baghdadEnglish = documentNamed(store, "report-1393-06-25-baghdad.en.txt");
    addSuggestions(store);
    plate = store.redactions.listRedactions({ documentId: karbala, reason: "plate" })[0]!.id;
    store.redactions.decideRedaction(plate, "accepted", "a reporter");
    phone = store.redactions.listRedactions({ documentId: baghdadEnglish, reason: "phone" })[0]!.id;
    store.redactions.decideRedaction(phone, "rejected", "a reporter");
    [person] = findEntitiesByName(store.entities, "حارث الزبیدی", { tolerant: false }) as [number];
    redactEntity(store, person, { author: "a reporter" });
  });

  it("holds every spelling of a redacted entity in both scripts, normalised and without titles", () => {
    const forms = formsOf(forbiddenForms(store, [karbalaEnglish]));
    for (const form of ["Harith al-Zubaidi", "حارث الزبیدی", "Harith al Zubaidi"]) assert.ok(forms.includes(form), form);
  });

  it("holds what was hidden in the original when the translation is exported: the plate's number alone too", () => {
    const forms = formsOf(forbiddenForms(store, [karbalaEnglish]));
    for (const form of ["کربلا ۴۵۸۲۱", "کربلا 45821", "45821", "۴۵۸۲۱"]) assert.ok(forms.includes(form), form);
  });

  it("leaves out what was rejected or only suggested, and what belongs to documents not exported", () => {
    const forms = formsOf(forbiddenForms(store, [karbalaEnglish]));
    assert.ok(!forms.includes("07712640388"), "a rejected suggestion");
    assert.ok(!forms.includes("sepid.contact@example.org"), "a suggestion of another document");
    assert.ok(formsOf(forbiddenForms(store)).includes("45821"), "every document when none are named");
  });

  it("is deduplicated, never shorter than the minimum, and points at accepted redactions", () => {
    const forms = forbiddenForms(store);
    assert.equal(new Set(formsOf(forms)).size, forms.length);
    for (const { form, redactionId } of forms) {
      assert.ok([...form].length >= MIN_FORM_LENGTH, form);
      assert.equal(store.redactions.getRedaction(redactionId).status, "accepted");
    }
    const entityForm = forms.find((entry) => entry.form === "Harith al-Zubaidi")!;
    assert.equal(store.redactions.getRedaction(entityForm.redactionId).entityId, person);
  });

  it("keeps the words of a redaction that re-ingest detached from its text", () => {
    const { id } = store.saveDocument(extracted("/leak/note.txt", "The courier drove plate 77-K-512 to Basra.\n"));
    const [redaction] = store.redactions.addRedactions([{ documentId: id, start: 24, end: 32, reason: "plate", status: "accepted", author: "a reporter" }]);
    store.saveDocument(extracted("/leak/note.txt", "The courier went to Basra.\n"));
    assert.ok(store.redactions.getRedaction(redaction!).detachedAt);
    assert.ok(formsOf(forbiddenForms(store, [id])).includes("77-K-512"));
  });
});

describe("the variants of one form", () => {
  it("adds the name without titles, the normalised spelling, hyphens as spaces and run together", () => {
    const variants = formVariants("Sheikh Harith al-Zubaidi");
    for (const form of ["Sheikh Harith al-Zubaidi", "Harith al-Zubaidi", "Harith al Zubaidi", "Harith alZubaidi"]) assert.ok(variants.includes(form), form);
    assert.ok(formVariants("حارث الزبيدي").includes("حارث الزبیدی"), "Arabic letters as Persian");
    assert.ok(formVariants("ریبوار حمه‌صالح").includes("ریبوار حمه صالح"), "a non-joiner as a space");
  });

  it("writes digits in every script, and gives a phone number's digits alone and without its prefix", () => {
    const variants = formVariants("+964 771 264 0388");
    for (const form of ["+۹۶۴ ۷۷۱ ۲۶۴ ۰۳۸۸", "+٩٦٤ ٧٧١ ٢٦٤ ٠٣٨٨", "9647712640388", "712640388"]) assert.ok(variants.includes(form), form);
    assert.ok(formVariants("07712640388").includes("712640388"), "the same last digits, however the number is prefixed");
    assert.deepEqual(formVariants("منبع ۱۳۴۹۰۵").filter((form) => /^\d+$/.test(form)), ["134905"]);
  });
});
