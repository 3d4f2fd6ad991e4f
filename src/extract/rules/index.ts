/**
 * The rule-based entity finders: informant numbers and code names, sums of
 * money, dates, telephone numbers and e-mail addresses, in English, Persian
 * and Arabic and in any digit script. People, organisations and places come
 * from the statistical model instead (see ../ner).
 *
 * Every mention's offsets are into the text as given (`text.slice(start, end)
 * === mention.text`), nothing is normalised before matching, and every finder
 * is linear in the length of the text.
 *
 * @example
 * findRuleMentions("Source 134832 was paid $16 million on ۱۳۹۳/۰۹/۱۰; tel +964 780 412 7731.")
 * // → source "Source 134832", money "$16 million" (16000000 USD),
 * //   date "۱۳۹۳/۰۹/۱۰" (2014-12-01, solar-hijri), phone "+964 780 412 7731"
 */
import type { Mention } from "../../model/entity.js";
import type { DateOptions } from "../../text/calendars.js";
import { findDateMentions } from "./date.js";
import { findEmailMentions } from "./email.js";
import { findMoneyMentions } from "./money.js";
import { findPhoneMentions } from "./phone.js";
import { withoutOverlaps } from "./rule-mention.js";
import { findSourceMentions } from "./source.js";

export { findDateMentions } from "./date.js";
export { findEmailMentions } from "./email.js";
export { findMoneyMentions } from "./money.js";
export { findPhoneMentions } from "./phone.js";
export { findSourceMentions } from "./source.js";

export interface RuleOptions {
  /**
   * The calendar to assume for dates whose text does not tell: a numeric
   * date with a year in 1300–1450 is Jalali unless this is `hijri`, and
   * two-digit years (`15/07/93`) are read only when this is given.
   */
  calendar?: DateOptions["calendar"];
}

/**
 * Every rule mention in a text, in order. Where two rules claim overlapping
 * text, the more specific one wins, in this order: an e-mail address, an
 * informant, a phone number, a sum of money, a date. Never throws.
 */
export function findRuleMentions(text: string, options: RuleOptions = {}): Mention[] {
  const dateOptions: DateOptions = options.calendar ? { calendar: options.calendar } : {};
  return withoutOverlaps([
    findEmailMentions(text),
    findSourceMentions(text),
    findPhoneMentions(text),
    findMoneyMentions(text),
    findDateMentions(text, dateOptions),
  ]);
}
