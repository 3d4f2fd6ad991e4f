import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ApiError, MoneyLedger } from "../../../src/server/api-types.js";
import { asJson, servedRelationArchive } from "../fixtures.js";


describe("GET /api/money", () => {
  const served = servedRelationArchive();
  const { body } = served;

  it("is the store's ledger: each payment with its evidence, totals kept per currency", async () => {
    const ledger = await body<MoneyLedger>("/api/money");
    assert.deepEqual(ledger, asJson(served.trove.archive.reader.relations.moneyLedger({})));
    const expense = ledger.lines.find((line) => line.relationId === served.fixture.saved.expense);
    assert.deepEqual(
      expense && { amount: expense.amount, currency: expense.currency, kind: expense.kind, payer: expense.payer, documentId: expense.documentId },
      { amount: 87.5, currency: "EUR", kind: "expense", payer: { name: "Erbil Office", entityId: served.fixture.entities.erbilOffice }, documentId: served.fixture.documents.erbil },
    );
    const currencies = ledger.totals.byCurrency.map((total) => total.currency);
    assert.deepEqual(currencies, [...new Set(currencies)], "one total per currency");
    assert.ok(currencies.includes("EUR") && currencies.includes("USD"));
    for (const totals of Object.values(ledger.totals)) {
      for (const total of totals) {
        const lines = ledger.lines.filter((line) => line.currency === total.currency);
        assert.ok(total.amount <= lines.reduce((sum, line) => sum + (line.amount ?? 0), 0), "a total never adds another currency");
      }
    }
  });

  it("narrows to the payments an entity made, received or passed on", async () => {
    const zubaidi = await body<MoneyLedger>(`/api/money?entity=${served.fixture.entities.zubaidi}`);
    assert.deepEqual(asJson(zubaidi), asJson(served.trove.archive.reader.relations.moneyLedger({ entityId: served.fixture.entities.zubaidi })));
    assert.ok(zubaidi.lines.some((line) => line.relationId === served.fixture.saved.instalment));
    assert.ok(!zubaidi.lines.some((line) => line.relationId === served.fixture.saved.expense));
  });

  it("answers an unknown entity with 404 and a malformed one with 400", async () => {
    assert.equal((await body<ApiError>("/api/money?entity=999999", 404)).error.code, "not-found");
    for (const query of ["entity=abc", "entity=0", "entity=1.5"]) assert.equal((await body<ApiError>(`/api/money?${query}`, 400)).error.code, "bad-request", query);
  });
});
