import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("search across an original and its translation", () => {
  it("finds both halves of a pair from words in either language", () => {
    const store = SqliteStore.open(path.join(tempDir(), "pairs.db"));
    const original = store.saveDocument(extracted("/leak/r.fa.txt", "دیدار در نمایشگاه عکس کربلا", { language: "fa" })).id;
    const translation = store.saveDocument(extracted("/leak/r.en.txt", "Meeting at the photo exhibition in Karbala", { language: "en" })).id;
    const alone = store.saveDocument(extracted("/leak/other.txt", "Another exhibition, unpaired")).id;
    store.commit();
    assert.deepEqual(searchArchive(store, "karbala").hits.map((hit) => hit.id), [translation], "before pairing, only the English text matches");

    store.saveTranslationPairs([{ originalId: original, translationId: translation, method: "file-name", credit: { translator: "Translator 2" } }]);
    const english = searchArchive(store, "karbala").hits.map((hit) => hit.id);
    assert.deepEqual(english, [translation, original], "the direct match ranks first, its pair follows");
    assert.deepEqual(new Set(searchArchive(store, "کربلا").hits.map((hit) => hit.id)), new Set([original, translation]));
    assert.deepEqual(new Set(searchArchive(store, "exhibition").hits.map((hit) => hit.id)), new Set([original, translation, alone]));
    assert.deepEqual(store.getDocument(original).translations, [{ id: translation, role: "translation", language: "en", title: "Meeting at the photo exhibition in Karbala", method: "file-name", translator: "Translator 2" }]);
    store.close();
  });
});
