/**
 * The forbidden forms: every string the leak check must not find in an
 * exported excerpt, each with the accepted redaction that forbids it.
 *
 * - Each accepted redaction's text, in the documents exported (all when none
 *   are named) and in their translations and originals: what the reporter
 *   hid there must not show in the other language either. A detached
 *   redaction (its words gone from a re-ingested text) counts too, so it is
 *   never lost.
 * - For every entity with an accepted redaction anywhere in the archive,
 *   every spelling of it (see entity-forms.ts): an entity redacted once is
 *   not to be named in any excerpt, whichever document it comes from.
 *
 * Each form also gives its variants: without titles (`Sheikh Harith…` →
 * `Harith…`), normalised (Arabic letter forms as Persian, harakat and
 * tatweel dropped, ASCII digits), its digits written in each script
 * (`134905`, `۱۳۴۹۰۵`, `١٣٤٩٠٥`), a number of five digits or more standing
 * alone (`کربلا ۴۵۸۲۱` forbids `45821`), a phone number's digits alone and its
 * last nine (the same with a country code or a trunk 0), and for
 * spellings joined by hyphens or non-joiners, the parts with a space and
 * run together (`Hama-Salih`, `Hama Salih`, `HamaSalih`). That is as far as
 * transliteration goes cheaply: a Latin spelling of a Persian name is a form
 * only when resolution merged it into the entity, because a romanisation
 * generated here would rarely be the one a translator chose.
 *
 * Forms are compared as written; the leak check should fold both sides (see
 * `findForms` in folded-text.ts, which also ignores case). Forms shorter than
 * `MIN_FORM_LENGTH` are left out: they stand inside ordinary words.
 *
 * @example
 * forbiddenForms(store, [38])
 * // → [{ form: "45821", redactionId: 7 }, { form: "۴۵۸۲۱", redactionId: 7 }, { form: "Harith Nouri al-Zubaidi", redactionId: 12 }, …]
 */
import { digitsOf, toAsciiDigits } from "../../extract/rules/digits.js";
import { stripTitles } from "../../extract/titles.js";
import type { Redaction } from "../../model/redaction.js";
import type { ArchiveStore } from "../../store/store.js";
import { normalise } from "../../text/normalise.js";
import { entitySpellings, MIN_FORM_LENGTH } from "./entity-forms.js";
import { PAGE_SIZE, pages } from "./paging.js";

export interface ForbiddenForm {
  form: string;
  /** The accepted redaction that forbids it (for an entity, its first accepted redaction, in the documents exported when it has one there). */
  redactionId: number;
}

/** Fewest digits for a run of digits and signs to count as a phone number, whose digits alone are then a form. */
const PHONE_DIGITS = 7;
/** The digits of a phone number that stay the same whether it is written with a country code or a trunk 0. */
const SUBSCRIBER_DIGITS = 9;
/** A number this long identifies on its own (an informant, a plate, a phone), whatever words a translation puts around it; a year does not. */
const LONG_NUMBER = /\d{5,}/gu;
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Every string the leak check must not find in an export of these documents (all documents when none are named). */
export function forbiddenForms(store: ArchiveStore, documentIds?: number[]): ForbiddenForm[] {
  const forms = new Map<string, number>();
  const add = (written: string, redactionId: number) => {
    for (const form of formVariants(written)) {
      if ([...form].length >= MIN_FORM_LENGTH && !forms.has(form)) forms.set(form, redactionId);
    }
  };
  const firstForEntity = new Map<number, number>();
  for (const redaction of acceptedIn(store, documentIds)) {
    add(redaction.text, redaction.id);
    if (redaction.entityId !== null && !firstForEntity.has(redaction.entityId)) firstForEntity.set(redaction.entityId, redaction.id);
  }
  for (const entityId of store.redactions.redactedEntityIds()) {
    const redactionId = firstForEntity.get(entityId) ?? store.redactions.listRedactions({ entityId, status: "accepted", limit: 1 })[0]?.id;
    if (redactionId === undefined) continue;
    for (const spelling of entitySpellings(store, entityId).spellings) add(spelling, redactionId);
  }
  return [...forms].map(([form, redactionId]) => ({ form, redactionId }));
}

function* acceptedIn(store: ArchiveStore, documentIds: number[] | undefined): Generator<Redaction> {
  if (documentIds === undefined) {
    yield* pages((offset) => store.redactions.listRedactions({ status: "accepted", limit: PAGE_SIZE, offset }));
    return;
  }
  // A duplicate shares its original's text, and so its redactions; what is hidden in an original must not show in its translation, nor the reverse.
  const related = new Set(documentIds.flatMap((documentId) => {
    const document = store.getDocument(documentId);
    return [documentId, document.duplicateOf ?? documentId, ...document.translations.map((link) => link.id)];
  }));
  for (const documentId of related) {
    yield* pages((offset) => store.redactions.listRedactions({ documentId, status: "accepted", limit: PAGE_SIZE, offset }));
  }
}

/** A form and its cheap variants, the form itself first. */
export function formVariants(written: string): string[] {
  const form = written.replace(/\s+/gu, " ").trim();
  const base = [form, stripTitles(form).name];
  const joined = base.flatMap((spelling) => (/[-\u2010\u2011\u200C]/u.test(spelling) ? [spelling.replace(/[-\u2010\u2011\u200C]+/gu, " "), spelling.replace(/[-\u2010\u2011\u200C]+/gu, "")] : []));
  const spellings = [...base, ...joined];
  const all = [...spellings, ...spellings.map(normalise)];
  const numbers = [...toAsciiDigits(form).matchAll(LONG_NUMBER)].map((match) => match[0]);
  const withDigits = [...all, ...numbers].flatMap((spelling) => (/[0-9\u0660-\u0669\u06F0-\u06F9]/u.test(spelling) ? digitScripts(spelling) : []));
  const digits = digitsOf(form);
  // However a number is prefixed (`+964 771…`, `0771…`), its last digits are in every way of writing it.
  const phone = /^[+\d\u0660-\u0669\u06F0-\u06F9\s().\-/]+$/u.test(form) && digits.length >= PHONE_DIGITS ? [digits, digits.slice(-SUBSCRIBER_DIGITS)] : [];
  return [...new Set([...all, ...withDigits, ...phone].map((variant) => variant.trim()).filter((variant) => variant !== ""))];
}

/** A text with its digits in ASCII, Persian and Arabic-Indic. */
function digitScripts(text: string): string[] {
  const ascii = toAsciiDigits(text);
  const inScript = (zero: number) => ascii.replace(/[0-9]/g, (digit) => String.fromCharCode(zero + Number(digit)));
  return [ascii, inScript(PERSIAN_ZERO), inScript(ARABIC_INDIC_ZERO)];
}
