import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { findEntitiesByName } from "../../../src/search/entity-lookup.js";
import { ingest } from "../../../src/pipeline/ingest-job.js";
import { addSuggestions, suggestRedactions, SUGGESTION_AUTHOR, type SuggestionReason } from "../../../src/publish/redaction/suggestions.js";
import type { Redaction } from "../../../src/model/redaction.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { documentNamed, fixtureArchive } from "./fixture-archive.js";

/** The words each suggestion of a reason covers in a document, in text order. */
function wordsFor(store: SqliteStore, documentId: number, reason: SuggestionReason): string[] {
  return store.redactions.listRedactions({ documentId, reason, limit: 500 }).map((redaction) => redaction.text);
}

describe("suggested redactions on a real archive", () => {
  let store: SqliteStore;
  let english: number;
  let persian: number;
  let safeHouseEnglish: number;
  let safeHouse: number;
  let karbala: number;
  let karbalaEnglish: number;

  before(async () => {
    store = SqliteStore.open(await fixtureArchive());
    english = documentNamed(store, "report-1393-06-25-baghdad.en.txt");
    persian = documentNamed(store, "report-1393-06-25-baghdad.fa.txt");
    safeHouseEnglish = documentNamed(store, "safe-house.en.txt");
    safeHouse = documentNamed(store, "safe-house.fa.txt");
    karbala = documentNamed(store, "report-1393-09-14-karbala.fa.txt");
    karbalaEnglish = documentNamed(store, "report-1393-09-14-karbala.en.txt");
    addSuggestions(store);
  });

  after(() => store.close());

  it("suggests informant numbers and code names, by the number alone so that 'Source' stays", () => {
    assert.deepEqual(wordsFor(store, english, "source"), ["134905", "Golestan", "134905", "Golestan"]);
    assert.deepEqual(wordsFor(store, persian, "source"), ["۱۳۴۹۰۵", "گلستان", "۱۳۴۹۰۵", "گلستان"]);
    const [first] = store.redactions.listRedactions({ documentId: english, reason: "source" });
    const text = store.redactions.documentText(english);
    assert.equal(text.slice(first!.start - "Source ".length, first!.start), "Source ");
    assert.ok(first!.entityId, "the informant's entity, so that accepting it forbids every form of it");
    assert.equal(store.entities.getEntity(first!.entityId!).type, "source");
  });

  it("suggests phone numbers and e-mail addresses in any script", () => {
    assert.deepEqual(wordsFor(store, english, "phone"), ["07712640388"]);
    assert.deepEqual(wordsFor(store, persian, "phone"), ["۰۷۷۱۲۶۴۰۳۸۸"]);
    assert.deepEqual(wordsFor(store, safeHouse, "phone"), ["۰۹۱۲ ۳۴۵ ۶۷۸۹"]);
    assert.deepEqual(wordsFor(store, safeHouseEnglish, "email"), ["sepid.contact@example.org"]);
    assert.deepEqual(wordsFor(store, safeHouse, "email"), ["sepid.contact@example.org"]);
  });

  it("suggests exact addresses and vehicle plates", () => {
    assert.deepEqual(wordsFor(store, safeHouseEnglish, "address"), ["No. 3, Alley 12, Palestine Street"]);
    assert.deepEqual(wordsFor(store, safeHouse, "address"), ["خیابان فلسطین، کوچهٔ ۱۲، پلاک ۳"]);
    assert.deepEqual(wordsFor(store, english, "address"), [], "a side alley off a street is no address");
    assert.deepEqual(wordsFor(store, karbala, "plate"), ["کربلا ۴۵۸۲۱"]);
    assert.deepEqual(wordsFor(store, karbalaEnglish, "plate"), ["45821"]);
    assert.deepEqual(wordsFor(store, safeHouse, "plate"), ["۱۲ ب ۳۴۵ ایران ۶۷"]);
    assert.deepEqual(wordsFor(store, safeHouseEnglish, "plate"), ["12 B 345"]);
  });

  it("suggests the people who meet or handle a source, wherever the report names them", () => {
    // The officer who met Source 134905 is the report's author: the relation implies him, and his name signs the report.
    assert.deepEqual(wordsFor(store, english, "linked-to-source"), ["Roozbeh", "Roozbeh"]);
    assert.deepEqual(wordsFor(store, persian, "linked-to-source"), ["روزبه", "روزبه"]);
    const [suggestion] = store.redactions.listRedactions({ documentId: english, reason: "linked-to-source" });
    assert.match(suggestion!.note ?? "", /meeting with Source 134905/);
  });

  it("marks every suggestion as the rules', waiting for a reporter", () => {
    const all = store.redactions.listRedactions({ limit: 500 });
    assert.ok(all.length > 30);
    for (const redaction of all) {
      assert.equal(redaction.status, "suggested");
      assert.equal(redaction.author, SUGGESTION_AUTHOR);
      assert.equal(store.redactions.documentText(redaction.documentId).slice(redaction.start, redaction.end), redaction.text);
    }
    const spans = all.map((redaction) => `${redaction.documentId}:${redaction.start}:${redaction.end}`);
    assert.equal(new Set(spans).size, spans.length);
  });

  it("adds nothing twice on a second run, and never overrides a decision", () => {
    const [toReject, toAccept] = store.redactions.listRedactions({ documentId: safeHouseEnglish, limit: 2 }) as [Redaction, Redaction];
    store.redactions.decideRedaction(toReject.id, "rejected", "a reporter");
    store.redactions.decideRedaction(toAccept.id, "accepted", "a reporter");
    const before = store.redactions.countRedactions();
    const again = addSuggestions(store);
    assert.deepEqual(Object.values(again.added), [0, 0, 0, 0, 0, 0]);
    assert.ok(again.found.source > 0, "the rules found the same spans again");
    assert.equal(store.redactions.countRedactions(), before);
    assert.equal(store.redactions.getRedaction(toReject.id).status, "rejected");
    assert.equal(store.redactions.getRedaction(toAccept.id).status, "accepted");
  });

  it("suggests every mention of a person a reporter linked to a source", () => {
    const [source] = findEntitiesByName(store.entities, "134905", { tolerant: false });
    const [person] = findEntitiesByName(store.entities, "Nizar Abd al-Karim", { tolerant: false });
    store.entities.linkSource(source!, person!, "the same phone number");
    const suggestions = suggestRedactions(store).filter((suggestion) => suggestion.reason === "linked-to-source" && suggestion.entityId === person);
    const mentions = store.redactions.entityMentions(person!);
    assert.ok(mentions.length >= 2, "in the report and in its translation");
    assert.deepEqual(suggestions.map((suggestion) => [suggestion.documentId, suggestion.start, suggestion.end]), mentions.map((mention) => [mention.documentId, mention.start, mention.end]));
    assert.match(suggestions[0]!.note ?? "", /a reporter linked this person to Source 134905 \(the same phone number\)/);
  });

  it("reads one document when asked", () => {
    const suggestions = suggestRedactions(store, { documentId: karbala });
    assert.deepEqual([...new Set(suggestions.map((suggestion) => suggestion.documentId))], [karbala]);
    assert.deepEqual(addSuggestions(store, { documentId: karbala }).documents, 1);
  });
});

describe("suggested redactions without entity extraction", () => {
  it("still finds informants, phones and e-mails, which rules read from the text", async () => {
    const leak = path.join(tempDir(), "leak");
    mkdirSync(leak);
    writeFileSync(path.join(leak, "note.txt"), "Source 138012 (\"Shahin\") can be reached on +964 790 555 0182 or shahin@example.org.\n");
    const store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    await ingest(store, [leak], { workers: 0, entities: false });
    const report = addSuggestions(store);
    assert.deepEqual(report.added, { source: 2, "linked-to-source": 0, email: 1, phone: 1, address: 0, plate: 0 });
    assert.deepEqual(store.redactions.listRedactions().map((redaction) => redaction.text), ["138012", "Shahin", "+964 790 555 0182", "shahin@example.org"]);
    assert.ok(store.redactions.listRedactions().every((redaction) => redaction.entityId === null), "no entities without extraction");
    store.close();
  });
});
