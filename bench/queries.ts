/**
 * The fixed queries of the search suite, in Trove's query language. Words
 * were checked against the real corpus (cables of 1966–2010, Enron mail,
 * CREST memos, Fars News in Persian) so that every query finds something;
 * some Persian ones are typed with the Arabic letters ي and ك, as the Fars
 * text itself often is. The peers get the same queries translated
 * (peer-queries.ts); what a peer cannot express is skipped for it.
 */

export type QueryCategory = "term" | "terms" | "phrase" | "boolean" | "prefix" | "field" | "filter" | "persian" | "combined";

export interface BenchQuery {
  id: string;
  category: QueryCategory;
  q: string;
}

export const QUERIES: readonly BenchQuery[] = [
  // single terms, from rare to very common
  { id: "t-embassy", category: "term", q: "embassy" },
  { id: "t-nuclear", category: "term", q: "nuclear" },
  { id: "t-minister", category: "term", q: "minister" },
  { id: "t-ambassador", category: "term", q: "ambassador" },
  { id: "t-tehran", category: "term", q: "tehran" },
  { id: "t-iaea", category: "term", q: "IAEA" },
  { id: "t-sanctions", category: "term", q: "sanctions" },
  { id: "t-erdogan", category: "term", q: "Erdogan" },
  { id: "t-enron", category: "term", q: "enron" },
  { id: "t-ahmadinejad", category: "term", q: "Ahmadinejad" },
  { id: "t-classified", category: "term", q: "classified" },
  { id: "t-pkk", category: "term", q: "PKK" },
  // several terms (implicit AND)
  { id: "m-iran-nuclear", category: "terms", q: "iran nuclear" },
  { id: "m-embassy-ankara", category: "terms", q: "embassy ankara" },
  { id: "m-women-rights-iran", category: "terms", q: "women rights iran" },
  { id: "m-iraq-security", category: "terms", q: "iraq security" },
  { id: "m-gas-pipeline", category: "terms", q: "gas pipeline" },
  { id: "m-kurdish-turkey-pkk", category: "terms", q: "kurdish turkey pkk" },
  // phrases
  { id: "p-foreign-minister", category: "phrase", q: '"foreign minister"' },
  { id: "p-prime-minister", category: "phrase", q: '"prime minister"' },
  { id: "p-human-rights", category: "phrase", q: '"human rights"' },
  { id: "p-end-summary", category: "phrase", q: '"end summary"' },
  { id: "p-supreme-leader", category: "phrase", q: '"supreme leader"' },
  { id: "p-security-council", category: "phrase", q: '"security council"' },
  // boolean
  { id: "b-iran-oil-or-gas", category: "boolean", q: "iran AND (oil OR gas)" },
  { id: "b-nuclear-or-atomic", category: "boolean", q: "nuclear OR atomic" },
  { id: "b-iran-not-iraq", category: "boolean", q: "iran NOT iraq" },
  { id: "b-embassy-minus-tehran", category: "boolean", q: "embassy -tehran" },
  { id: "b-turkey-cyprus", category: "boolean", q: "(turkey OR turkish) AND cyprus" },
  { id: "b-sanctions-un", category: "boolean", q: 'sanctions AND (UN OR "security council")' },
  { id: "b-minister-not-prime", category: "boolean", q: 'minister NOT "prime minister"' },
  { id: "b-enron-or-ahmadinejad", category: "boolean", q: "enron OR ahmadinejad" },
  // prefixes
  { id: "x-minist", category: "prefix", q: "minist*" },
  { id: "x-nucl", category: "prefix", q: "nucl*" },
  { id: "x-terror", category: "prefix", q: "terror*" },
  { id: "x-diplomat", category: "prefix", q: "diplomat*" },
  { id: "x-kurd-iraq", category: "prefix", q: "kurd* iraq" },
  // fields
  { id: "f-title-iran", category: "field", q: "title:iran" },
  { id: "f-title-nuclear", category: "field", q: "title:nuclear" },
  // filters only
  { id: "o-type-html", category: "filter", q: "type:html" },
  { id: "o-lang-fa", category: "filter", q: "lang:fa" },
  { id: "o-date-2009", category: "filter", q: "date:2009-01-01..2009-12-31" },
  { id: "o-path-plusd", category: "filter", q: "path:plusd" },
  // Persian (Fars News); ي/ك typed as Arabic letters in some
  { id: "fa-iran", category: "persian", q: "ایران" },
  { id: "fa-iran-arabic-yeh", category: "persian", q: "ايران" },
  { id: "fa-minister-arabic-yeh", category: "persian", q: "وزير" },
  { id: "fa-bank-arabic-kaf", category: "persian", q: "بانك" },
  { id: "fa-president-phrase", category: "persian", q: '"رئیس جمهور"' },
  { id: "fa-oil-or-gas", category: "persian", q: "نفت OR گاز" },
  { id: "fa-economy-prefix", category: "persian", q: "اقتصاد*" },
  { id: "fa-nuclear-zwnj", category: "persian", q: "هسته‌ای" },
  { id: "fa-un-phrase", category: "persian", q: '"سازمان ملل"' },
  { id: "fa-america-arabic", category: "persian", q: "امريكا" },
  { id: "fa-iran-and-oil", category: "persian", q: "ايران AND نفت" },
  { id: "fa-government-not-majlis", category: "persian", q: "دولت -مجلس" },
  // text combined with filters
  { id: "c-email-enron", category: "combined", q: "type:email enron" },
  { id: "c-lang-en-minister", category: "combined", q: "lang:en minister" },
  { id: "c-iran-2009", category: "combined", q: "iran date:2009" },
  { id: "c-nuclear-pdf", category: "combined", q: "nuclear type:pdf" },
  { id: "c-path-cablegate-embassy", category: "combined", q: "path:cablegate embassy" },
  { id: "c-minister-not-fa", category: "combined", q: "minister -lang:fa" },
  { id: "c-tehran-html-1972", category: "combined", q: "tehran type:html date:1972..1975" },
  { id: "c-majlis-fa", category: "combined", q: "مجلس lang:fa" },
  { id: "c-iran-nuclear-window", category: "combined", q: "iran nuclear -IAEA date:2005..2010" },
  { id: "c-foreign-minister-text-en", category: "combined", q: '"foreign minister" type:text lang:en' },
  { id: "c-minist-cablegate-2009", category: "combined", q: "minist* path:cablegate date:2009" },
  { id: "c-embassy-or-email", category: "combined", q: "embassy OR type:email" },
];
