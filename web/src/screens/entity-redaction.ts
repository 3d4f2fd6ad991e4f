/**
 * "Redact everywhere" on a profile: hides the entity in every document, in
 * every script and spelling, in originals and translations, as `trove
 * redact entity ID` does. A preview first says how many spans in how many
 * documents and scripts (the plan, nothing changed yet); the reporter then
 * confirms, with a note if they like.
 */
import type { EntityRedactionPlanView, EntityView, SpanScriptView } from "../api.js";
import { h, replace } from "../dom.js";
import { formatNumber } from "../format.js";
import { redactionApi } from "../redaction-api.js";
import { failurePanel } from "./common.js";
import { redactionsUrl } from "./redactions.js";

const SCRIPT_NAMES: [SpanScriptView, string][] = [["latin", "Latin script"], ["arabic", "Persian or Arabic script"], ["other", "digits and signs"]];

export function entityRedactionSection(profile: EntityView): HTMLElement {
  const body = h("div", { class: "entity-redaction" });
  const preview = h("button", { class: "secondary", attrs: { type: "button" } }, "Redact everywhere…");
  preview.addEventListener("click", async () => {
    preview.disabled = true;
    replace(body, h("p", { class: "loading", attrs: { role: "status" } }, "Counting where the archive names them…"));
    try {
      const plan = await redactionApi.entityPlan(profile.id);
      replace(body, confirmation(plan, () => replace(body, preview)));
      body.querySelector<HTMLElement>("input")?.focus();
    } catch (error) {
      replace(body, failurePanel(error), preview);
    }
    preview.disabled = false;
  });
  replace(body, preview);
  return h(
    "section",
    { class: "reader-section", attrs: { "aria-labelledby": "redact-entity" } },
    h("h2", { id: "redact-entity" }, "Redaction"),
    h("p", { class: "note" }, "Hide this entity in every excerpt: every mention and spelling, in every script, in originals and translations. The leak check will look for each spelling."),
    body,
  );
}

function confirmation(plan: EntityRedactionPlanView, cancelled: () => void): HTMLElement {
  const scripts = SCRIPT_NAMES.filter(([script]) => plan.byScript[script] > 0).map(([script, name]) => `${formatNumber(plan.byScript[script])} in ${name}`);
  const note = h("input", { id: "entity-redaction-note", attrs: { type: "text", maxlength: 2000, autocomplete: "off", dir: "auto" } });
  const confirm = h("button", { attrs: { type: "submit" } }, `Redact ${formatNumber(plan.spans)} ${plan.spans === 1 ? "span" : "spans"}`);
  const cancel = h("button", { class: "secondary", attrs: { type: "button" }, on: { click: cancelled } }, "Cancel");
  const outcome = h("div", { attrs: { role: "status", "aria-live": "polite" } });
  const form = h(
    "form",
    { class: "redaction-plan" },
    h(
      "p",
      { class: "plan-summary" },
      `Would redact ${formatNumber(plan.spans)} ${plan.spans === 1 ? "span" : "spans"} in ${formatNumber(plan.documents)} ${plan.documents === 1 ? "document" : "documents"}`,
      scripts.length > 0 ? `: ${scripts.join(", ")}` : "",
      ".",
      plan.suggestions > 0 ? ` ${formatNumber(plan.suggestions)} more ${plan.suggestions === 1 ? "place" : "places"} may name them (the surname alone, look-alike spellings) and would wait for review.` : "",
    ),
    h("label", { attrs: { for: "entity-redaction-note" } }, "Why (kept with every redaction) "),
    note,
    " ",
    confirm,
    " ",
    cancel,
    outcome,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    cancel.disabled = true;
    try {
      const result = await redactionApi.redactEntity(plan.entityId, note.value.trim() || undefined);
      replace(
        form,
        h(
          "p",
          { class: "plan-done", attrs: { role: "status" } },
          `Redacted ${formatNumber(result.redactionIds.length)} ${result.redactionIds.length === 1 ? "span" : "spans"} in ${formatNumber(result.documents)} ${result.documents === 1 ? "document" : "documents"}. `,
          result.suggestionIds.length > 0 ? h("a", { href: redactionsUrl({ status: "suggested" }) }, `Review the ${formatNumber(result.suggestionIds.length)} places that may name them too`) : h("a", { href: redactionsUrl({ status: "accepted" }) }, "See the accepted redactions"),
          ".",
        ),
      );
    } catch (error) {
      replace(outcome, failurePanel(error));
      confirm.disabled = false;
      cancel.disabled = false;
    }
  });
  return form;
}
