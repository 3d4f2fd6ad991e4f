/**
 * Digits as the archive writes them: ASCII, Persian (۰–۹) and Arabic-Indic
 * (٠–٩), often mixed in one number when a typist switches keyboards. The rules
 * match every script on the raw text, so offsets stay those of the document,
 * and fold what they matched to ASCII to read it.
 *
 * @example
 * toAsciiDigits("۱۳۴٨٣2") // → "134832"
 */

/** A regular expression source for one digit in any of the three scripts. */
export const DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";

/** Persian and Arabic-Indic digits to ASCII, one character for one; anything else is kept. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** Only the digits of a text, in ASCII: `+964 (780) 412-7731` → `9647804127731`. */
export function digitsOf(text: string): string {
  return toAsciiDigits(text).replace(/\D+/g, "");
}
