/**
 * Reference numbers folded for comparison, so that a Persian report number
 * and its translation's rendering (`ک/۴۱۷/۹۳`, `K/417/93`), or a cable id
 * written with or without spaces (`14 BAGHDAD 98`, `14BAGHDAD98`), meet.
 */
import { normalise } from "./normalise.js";

/**
 * The Latin letter an office initial in a report number is rendered by
 * (`ک/۴۱۷/۹۳` → `K/417/93`, `ص/۴۷/۹۳` → `S/47/93`). Letters that English
 * renders alike share one: س ص ث → S, ز ذ ض ظ → Z, ت ط → T, ح ه → H.
 */
const LATIN_INITIAL: Record<string, string> = {
  ا: "A", ع: "A", ب: "B", پ: "P", ت: "T", ط: "T", ث: "S", س: "S", ص: "S", ج: "J", چ: "CH", ح: "H", ه: "H", خ: "KH",
  د: "D", ذ: "Z", ز: "Z", ض: "Z", ظ: "Z", ر: "R", ژ: "ZH", ش: "SH", غ: "GH", ف: "F", ق: "Q", ک: "K", گ: "G",
  ل: "L", م: "M", ن: "N", و: "V", ی: "Y",
};

/** A report number as compared: digits in ASCII, Persian and Arabic letters in Latin, upper case, W as V, separators dropped. */
export function referenceKey(reference: string): string {
  return [...normalise(reference)]
    .map((character) => LATIN_INITIAL[character] ?? character.toUpperCase())
    .join("")
    .replace(/W/g, "V")
    .replace(/[^A-Z0-9]/g, "");
}
