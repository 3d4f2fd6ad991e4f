/**
 * The currencies of the archive and how they are written: symbols and ISO
 * codes before an amount (`$16 million`, `€ 87.5`, `USD 22 billion`), words
 * after it in English, Persian and Arabic (`dollars`, `تومان`, `دينار عراقي`),
 * and gold coins when counted (`ten gold coins`, `۱۰۰ سکه بهار آزادی`).
 *
 * Codes are ISO 4217 where one exists; tomans (ten rials, how Iranians
 * count) are `toman`, gold coins `gold-coin`. A word with no country reads as
 * the archive's currency of that name: `dinar` is the Iraqi dinar, `rial`
 * the Iranian rial, `riyal` the Saudi riyal; `dirham`, Emirati or Moroccan,
 * stays `dirham`.
 *
 * @example
 * currencyAfter("16 million US dollars", 10)  // → { code: "USD", end: 21 }
 * currencyBefore("€87.5", 0)                  // → { code: "EUR", end: 1 }
 */
import { DIGIT } from "./digits.js";
import { phraseKey, wordAt, type Word } from "./words.js";

/** A currency found next to an amount: its code and where its text ends. */
export interface CurrencyMatch {
  code: string;
  end: number;
}

/**
 * Spellings of each currency, words separated by spaces. Latin spellings are
 * matched in any case and listed with their plurals; Arabic-script ones with
 * every letter variant, and with the ی Persian adds to make an adjective
 * (چهار میلیون دلاری, "of four million dollars").
 */
const CURRENCY_SPELLINGS: Array<[code: string, spellings: string[]]> = [
  ["gold-coin", [
    ...plurals("gold coin", "Bahar Azadi coin", "Bahar-e Azadi coin", "Bahar Azadi gold coin", "Bahar-e Azadi gold coin", "Azadi coin"),
    "سکه طلا", "سکه ی طلا", "سکهی طلا", "سکه بهار آزادی", "سکه ی بهار آزادی", "سکهی بهار آزادی", "سکه تمام بهار آزادی", "سکه تمام", "سکه امامی",
    "ليرة ذهبية", "ليرات ذهبية", "ليرة ذهب", "ليرات ذهب", "عملة ذهبية", "عملات ذهبية",
  ]],
  ["USD", [...plurals("dollar", "US dollar", "U.S. dollar", "American dollar"), "دلار", "دلار آمریکا", "دلار آمریکایی", "دولار", "دولارا", "دولارات", "دولار أمريكي", "دولار أميركي"]],
  ["CAD", [...plurals("Canadian dollar"), "دلار کانادا", "دولار كندي"]],
  ["AUD", [...plurals("Australian dollar"), "دلار استرالیا", "دولار أسترالي"]],
  ["EUR", [...plurals("euro"), "یورو"]],
  ["GBP", [...plurals("pound sterling", "British pound"), "sterling", "جنيه إسترليني", "جنيهات إسترلينية", "پوند", "پوند انگلیس", "پوند استرلینگ"]],
  ["EGP", [...plurals("Egyptian pound"), "جنيه", "جنيهات", "جنيه مصري"]],
  ["LBP", [...plurals("Lebanese pound", "Lebanese lira"), "ليرة لبنانية", "ليرات لبنانية", "لیره لبنان"]],
  ["SYP", [...plurals("Syrian pound", "Syrian lira"), "ليرة سورية", "ليرات سورية", "لیره سوریه"]],
  ["TRY", [...plurals("Turkish lira"), "ليرة تركية", "ليرات تركية", "لیر ترکیه", "لیره ترکیه"]],
  ["IQD", [...plurals("dinar", "Iraqi dinar"), "دینار", "دينارا", "دنانير", "دینار عراق", "دینار عراقی"]],
  ["KWD", [...plurals("Kuwaiti dinar"), "دینار کویت", "دینار کویتی"]],
  ["JOD", [...plurals("Jordanian dinar"), "دینار اردن", "دينار أردني"]],
  ["BHD", [...plurals("Bahraini dinar"), "دينار بحريني", "دینار بحرین"]],
  ["LYD", [...plurals("Libyan dinar"), "دينار ليبي", "دینار لیبی"]],
  ["IRR", [...plurals("rial", "Iranian rial"), "ریال", "ريالات", "ریال ایران", "ريال إيراني"]],
  ["OMR", [...plurals("Omani rial"), "ریال عمان", "ريال عماني"]],
  ["QAR", [...plurals("Qatari riyal", "Qatari rial"), "ریال قطر", "ريال قطري"]],
  ["YER", [...plurals("Yemeni rial", "Yemeni riyal"), "ريال يمني"]],
  ["SAR", [...plurals("riyal", "Saudi riyal", "Saudi rial"), "ریال سعودی", "ریال عربستان", "ريال سعودي"]],
  ["toman", [...plurals("toman", "Iranian toman"), "تومان"]],
  ["AED", [...plurals("UAE dirham", "Emirati dirham"), "درهم امارات", "درهم إماراتي"]],
  ["dirham", [...plurals("dirham"), "درهم", "دراهم"]],
  ["CHF", [...plurals("Swiss franc"), "فرانک سوئیس", "فرنك سويسري"]],
  ["CNY", ["yuan", "renminbi", "یوان"]],
];

/** `gold coin` and `gold coins`; `pound sterling` and `pounds sterling`. */
function plurals(...spellings: string[]): string[] {
  return spellings.flatMap((spelling) => {
    const [first = "", ...rest] = spelling.split(" ");
    const last = rest.pop();
    return last === undefined ? [first, `${first}s`] : first === "pound" ? [spelling, `pounds ${[...rest, last].join(" ")}`] : [spelling, [first, ...rest, `${last}s`].join(" ")];
  });
}

const CURRENCY_BY_KEY = new Map(CURRENCY_SPELLINGS.flatMap(([code, spellings]) => spellings.map((spelling) => [phraseKey(spelling), code] as const)));
const MAX_WORDS = Math.max(...[...CURRENCY_BY_KEY.keys()].map((key) => key.split(" ").length));
/** Persian adjective endings tried off a last word that is not found as written: دلاری, یورویی. */
const ADJECTIVE_ENDINGS = ["یی", "ای", "ی"];

/** ISO codes written in capitals, before or after an amount; `TRY` is left out because capitals cables say "TRY TO". */
const CODES = ["USD", "EUR", "GBP", "IRR", "IQD", "SAR", "AED", "KWD", "JOD", "BHD", "OMR", "QAR", "SYP", "LBP", "EGP", "CHF", "CAD", "AUD", "CNY"];
const CODE_ALIASES = new Map([["IRT", "toman"], ["Rls", "IRR"], ["Rls.", "IRR"]]);
const SYMBOLS = new Map([["$", "USD"], ["€", "EUR"], ["£", "GBP"], ["﷼", "IRR"]]);

const GAP_BEFORE_WORD = /(?:-|[\s\u00A0\u200C]{0,3})/uy;
const GAP_BETWEEN_WORDS = /[\s\u00A0\u200C]{1,3}/uy;
const CODES_AFTER = new RegExp(
  `[\\s\\u00A0]{0,2}(?:(?<code>${[...CODES, "IRT"].join("|")})(?![\\p{L}\\p{N}])|(?<symbol>[$€£﷼])(?![\\s\\u00A0]{0,2}${DIGIT}))`,
  "uy",
);
/**
 * A regular expression source (for the `u` flag) for a currency written
 * before an amount: a symbol, `US$`, or a code followed by a number or a
 * number word (`USD 22 billion`, `USD one billion`).
 */
export const CURRENCY_BEFORE_SOURCE = `(?:U\\.?S\\.?\\s?\\$|[$€£﷼]|(?:${[...CODES, "IRT"].join("|")}|Rls\\.?)(?=[\\s\\u00A0]{0,2}(?:${DIGIT}|\\p{L})))`;
const CURRENCY_BEFORE = new RegExp(CURRENCY_BEFORE_SOURCE, "uy");

/** The currency written right after an amount that ends at `position`, if any. */
export function currencyAfter(text: string, position: number): CurrencyMatch | undefined {
  CODES_AFTER.lastIndex = position;
  const coded = CODES_AFTER.exec(text);
  if (coded?.groups) {
    const { code, symbol } = coded.groups;
    const resolved = code !== undefined ? (CODE_ALIASES.get(code) ?? code) : symbol !== undefined ? SYMBOLS.get(symbol) : undefined;
    if (resolved) return { code: resolved, end: position + coded[0].length };
  }
  GAP_BEFORE_WORD.lastIndex = position;
  GAP_BEFORE_WORD.test(text);
  return currencyWordsAt(text, GAP_BEFORE_WORD.lastIndex);
}

/** The longest currency spelling of up to a few words at `position`. */
function currencyWordsAt(text: string, position: number): CurrencyMatch | undefined {
  const words: Word[] = [];
  for (let next = wordAt(text, position); next && words.length < MAX_WORDS; ) {
    words.push(next);
    GAP_BETWEEN_WORDS.lastIndex = next.end;
    next = GAP_BETWEEN_WORDS.test(text) ? wordAt(text, GAP_BETWEEN_WORDS.lastIndex) : undefined;
  }
  for (let count = words.length; count > 0; count--) {
    const read = words.slice(0, count);
    const key = read.map((word) => word.key).join(" ");
    const code = CURRENCY_BY_KEY.get(key) ?? CURRENCY_BY_KEY.get(withoutAdjectiveEnding(key));
    if (code) return { code, end: read[count - 1]!.end };
  }
  return undefined;
}

function withoutAdjectiveEnding(key: string): string {
  const ending = ADJECTIVE_ENDINGS.find((candidate) => key.endsWith(candidate) && key.length > candidate.length + 2);
  return ending ? key.slice(0, -ending.length) : key;
}

/** The currency written at `position`, before an amount, if any. */
export function currencyBefore(text: string, position: number): CurrencyMatch | undefined {
  CURRENCY_BEFORE.lastIndex = position;
  const match = CURRENCY_BEFORE.exec(text);
  if (!match) return undefined;
  const written = match[0].replace(/\s+/g, "");
  const code = /^U\.?S\.?\$$/.test(written) ? "USD" : SYMBOLS.get(written) ?? CODE_ALIASES.get(written) ?? (CODES.includes(written) ? written : undefined);
  return code === undefined ? undefined : { code, end: position + match[0].length };
}
