/**
 * The one text normaliser. The archive indexes normalised text and every
 * query is normalised the same way, so that a query typed with Arabic letters
 * finds Persian text and the reverse, and digits match in any script.
 *
 * @example
 * normalise("كتاب‌هاي ۱۳۹۳") // → "کتابهای 1393"
 */

/** Letters unified to their Persian form; ة and ۀ both fold to ه so that either spelling of a name matches. */
const LETTER_MAP: Record<string, string> = {
  "\u0643": "\u06A9", // ك → ک
  "\u064A": "\u06CC", // ي → ی
  "\u0649": "\u06CC", // ى → ی
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0622": "\u0627", // آ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0629": "\u0647", // ة → ه
  "\u06C0": "\u0647", // ۀ → ه
  "\u06D5": "\u0647", // ە → ه
};

/**
 * Harakat, superscript alef, Quranic marks and tatweel carry no meaning for
 * search; zero-width joiners and bidi controls are removed so that a ZWNJ joins
 * the parts of a word (می‌روم = میروم) instead of splitting it.
 */
const REMOVED = "\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E8\\u06EA-\\u06ED\\u0640\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF";

const FOLD_PATTERN = new RegExp(`[${REMOVED}]|[\\u0622\\u0623\\u0625\\u0629\\u0643\\u0649\\u064A\\u0671\\u06C0\\u06D5]|[\\u0660-\\u0669\\u06F0-\\u06F9]`, "g");

const NEEDS_WORK = /[^\x00-\x7F]/;

function fold(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 0x30);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 0x30);
  return LETTER_MAP[character] ?? "";
}

/** Normalises text for indexing and for queries alike. ASCII text is returned unchanged. */
export function normalise(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.normalize("NFKC").replace(FOLD_PATTERN, fold);
}

