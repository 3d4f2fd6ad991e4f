/**
 * English words the relation readers lean on: what may stand between two names
 * of one group (`X, Y and Z`), between a subject and its verb (`X also met`),
 * what ends a group (`with X to discuss …`), and what makes a clause
 * hypothetical (`proposed that a meeting be held`) or negative (`did not meet`).
 */

/** Words that may join names into one group: `X, Y and Z`, `X as well as Y`. */
export const JOINING_WORDS: ReadonlySet<string> = new Set([
  "and", "&", "both", "as", "well", "along", "together", "with", "the", "his", "her", "their", "mr", "mrs", "ms", "dr", "also",
]);

/** Words allowed between a subject and its verb: `X also met`, `X had earlier received`. */
export const BEFORE_VERB_WORDS: ReadonlySet<string> = new Set([
  "also", "had", "has", "have", "reportedly", "then", "later", "separately", "privately", "personally", "again", "recently", "first", "once",
  "subsequently", "earlier", "already", "both", "himself", "herself", "themselves", "all", "previously", "secretly", "jointly", "allegedly",
  "apparently", "regularly", "often", "frequently", "twice", "briefly", "last", "week", "year", "month", "yesterday", "today", "been",
  "was", "were", "is", "are", "the", "by", "and",
]);

/** Words after which a name is no longer the subject or object of the verb at hand. */
export const GROUP_ENDING_WORDS: ReadonlySet<string> = new Set([
  "to", "about", "on", "in", "at", "for", "during", "regarding", "concerning", "over", "from", "by", "into", "of", "who", "whom", "whose",
  "which", "that", "where", "when", "while", "after", "before", "since", "because", "but", "said", "told", "says", "if", "than", "was",
  "were", "is", "are", "had", "has", "have", "will", "would", "should", "could", "not", "no", "under", "through", "via", "between",
  "office", "director", "owner", "head", "brother", "son", "wife", "father", "relatives", "manager", "member", "leader", "leaders",
]);

/** Words allowed between a verb and its object: `met privately with the new Iraqi X`. */
export const BEFORE_OBJECT_WORDS: ReadonlySet<string> = new Set([
  "with", "the", "a", "an", "his", "her", "their", "its", "both", "several", "two", "three", "four", "privately", "separately", "again",
  "also", "jointly", "secretly", "briefly", "personally", "new", "former", "senior", "visiting", "deputy", "acting", "then", "once",
  "mr", "mrs", "ms", "dr", "over", "up", "out", "on", "newly", "recently", "appointed", "elected", "named", "designated", "incoming", "outgoing",
]);

/**
 * A clause about what may, should or will happen, not what did: a proposed
 * meeting, a requested payment. Read in lower case; `may` only when it is not
 * the month.
 */
export const HYPOTHETICAL = new RegExp(
  [
    "\\bpropos(?:e|ed|es|al)\\b", "\\bsuggest(?:s|ed)?\\b", "\\bwill\\b", "\\bwould\\b", "\\bshould\\b", "\\bshall\\b", "\\bmight\\b",
    "\\bmust\\b", "\\bnext\\b", "\\bfuture\\b", "\\bplan(?:s|ned)? to\\b", "\\bintend(?:s|ed)? to\\b", "\\bscheduled\\b", "\\bexpected to\\b",
    "\\bhop(?:e|es|ed) to\\b", "\\bwant(?:s|ed)? to\\b", "\\basked (?:for|to|that)\\b", "\\basking\\b", "\\brequest(?:s|ed)?\\b", "\\bunless\\b", "\\bwhether\\b",
    "\\bagreed to\\b", "\\blet us know\\b", "\\bseek(?:s)? to\\b", "\\bcould\\b", "\\bplease\\b",
    "\\bbe (?:held|arranged|paid|given|made|sent|delivered|transferred|moved|handed|treated|credited|deposited|reimbursed|wired|remitted|allocated)\\b",
    "\\b(?<!\\d )may\\b(?! \\d)", "\\bif\\b", "\\bin the coming\\b", "\\brequires?\\b", "\\bdecision\\b",
  ].join("|"),
  "u",
);

/** A negated clause: `did not meet`, `refused to meet`, `never paid`. Read in lower case. */
export const NEGATED = /\b(?:not|never|no longer|refused to|declined to|didn't|hasn't|haven't|wasn't|weren't|failed to|without|cancell?ed|postponed|denied|nor)\b/u;

/** First-person words that stand for the writer. */
export const WRITER_WORDS = /\b(?:[Ww]e|WE|us|[Tt]he undersigned|THE UNDERSIGNED|[Tt]his officer|[Tt]his office|[Tt]he writer|[Tt]he reporting officer|[Oo]ur side)\b|(?<![\p{L}.])I(?![\p{L}.'’])/gu;

/** People named by what they are: heads of the noun phrases that can be participants (`the Iranian officer`, `PolOff`). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  "source", "informant", "agent", "officer", "officers", "official", "officials", "diplomat", "diplomats", "ambassador", "minister", "ministers",
  "consul", "envoy", "representative", "representatives", "director", "commander", "host", "guest", "guests", "journalist", "businessman",
  "businessmen", "delegation", "attache", "attaché", "adviser", "advisers", "advisor", "advisors", "spokesman", "secretary", "colleague",
  "courier", "president", "governor", "leader", "leaders", "nationals", "handler", "interlocutor", "undersecretary", "counterpart",
  "counterparts", "mp", "deputies", "sheikh", "cleric", "chargé", "charge", "emissary", "intermediary", "go-between", "contact", "contacts",
  "employee", "employees", "councillor", "councilor", "broker", "visitor", "visitors", "friends", "man", "men", "woman", "women", "aide", "aides",
  "staffer", "driver", "clerics", "mediator", "negotiator", "commissioner", "chairman", "spokesperson", "envoys", "delegates", "delegate",
]);

/** Embassy shorthand for its own staff, as cables write it. */
export const STAFF_SHORTHAND = /\b(?:Pol|Econ|Emb|Con|Msn|Mil|Mgmt|Pa|Rso)[Oo]ffs?\b|\b(?:POL|ECON|EMB|CON|MSN)OFFS?\b|\bPol(?:Couns|MinCouns|Chief)\b|\bDCM\b|\bDATT\b|\b(?:the Ambassador|THE AMBASSADOR|the Charge|THE CHARGE)\b|\bCDA\b|\bA\/S\b/gu;

/** Adjectives that may qualify a person noun: `a local journalist`, `the former minister`. */
export const PERSON_NOUN_QUALIFIERS: ReadonlySet<string> = new Set([
  "local", "senior", "former", "foreign", "visiting", "deputy", "chief", "business", "political", "military", "security", "government",
  "tribal", "religious", "opposition", "party", "young", "mutual", "new", "intelligence", "handling", "case", "general", "prime", "top",
  "several", "some", "two", "three", "four", "many", "other", "high-ranking", "junior", "retired",
]);

export const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those"]);
