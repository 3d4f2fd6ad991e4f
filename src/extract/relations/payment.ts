/**
 * PAYMENT: who paid whom, through whom, how much, what kind of payment, what for.
 *
 * English cues: `paid`, `gave`, `handed (over)`, `delivered`, `transferred`,
 * `sent`, `presented`, `credited`, `bribed`, `received … from`, and the nouns
 * `payment`, `instalment`, `tranche`, `bribe`, `salary`, `reward`, `gift`.
 * Persian: `پرداخت`, `قسط`, `تحویل`, `هدیه`, `هدایا`, `رشوه`, `حقوق`,
 * `پاداش`, `هزینه`, `واریز`, `تقدیم`, `مبلغ`.
 *
 * A cue makes a payment when the sentence names a sum (a MONEY mention, not
 * one that only prices something: `a list … worth 210 million dollars`), or
 * gifts, or, for bribes, salaries and rewards, whom they went to. `paid
 * tribute`, `paid attention`, `paid a visit` (a meeting) are no payments, nor
 * is a payment asked for or proposed; one that a sentence schedules for a
 * given date is kept with low confidence.
 *
 * Also payments: the lines of an expense statement the text announced
 * (`Pistachios (two kilograms): 34 euros.`, paid by the writer's side), a
 * claim about who covers whose expenses (`the bloc's expenses are covered by
 * X`, `هزینه‌های کتله را X تأمین می‌کنند`), and cash moved (`sent two cash
 * consignments`), whose mover is its intermediary. Gifts to two recipients in
 * one sentence are two payments; a subject line is read like a sentence.
 *
 * Roles: the subject of an active verb pays (`X paid`), of `received` is paid;
 * `to X` is paid, `from X` and `by X` pay, `through X` and `via X` carry. In a
 * field report a payment in the passive with no payer (`500 dollars was paid
 * to the source`) was made by the writer's side, and the writer is the payer.
 */
import type { FoundMention } from "../mentions.js";
import type { PaymentKind, RelationParticipant } from "../../model/relation.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import type { Candidate } from "./candidates.js";
import { surnameKey } from "./document-names.js";
import { clauseAround, isHypothetical, isNegated, type Clause } from "./clause.js";
import { allInRole, inRole, written, type Draft } from "./draft.js";
import { groupAfter, groupBefore } from "./groups.js";
import { NOT_LETTER_BEFORE, PERSIAN_HYPOTHETICAL, PERSIAN_RAW_NAME, persianStems, persianWords } from "./persian.js";
import type { Hint, Sentence } from "./sentence.js";

type CueKind = "give" | "receive" | "noun";

interface Cue {
  kind: CueKind;
  start: number;
  end: number;
}

const GIVING = /\b(?:paid|pays|pay|paying|gave|given|give|gives|handed(?:\s+over)?|hands?\s+over|delivered|transferred|sent|wired|remitted|presented|credited|disbursed|donated|channell?ed|bribed|bribing)\b/giu;
const RECEIVING = /\b(?:received|receives|receiving|got|collected)\b/giu;
const PAYMENT_NOUN = /\b(?:payments?|instal(?:l)?ments?|tranches?|bribes?|kickbacks?|salary|salaries|stipends?|rewards?|remittances?|reimbursement|gifts?)\b/giu;
/** Verbs that move gifts as well as money; `sent` and `transferred` move reports and people too. */
const GIFT_VERBS = /^(?:gave|given|give|gives|handed|hands|presented|delivered|offered)/iu;
const GIFT_WORDS = /\bgifts?\b|\bas an? (?:gift|present|token)\b|\bpresents\b|\bpistachios\b|\bsaffron\b|\bcologne\b|\bwristwatch\b|\bperfume\b|\bcarpet\b/i;
const IDIOM_AFTER_PAID = /^\s+(?:no|nothing|none|tribute|attention|heed|homage|respects?|lip service|(?:a |an )?(?:courtesy |brief |short |private )?(?:visit|call)s?|the price|dividends|off|(?:a )?compliments?|close attention|particular attention|special attention|little attention|scant attention|(?:a few |my |our |his |her |their |its )?dues|(?:its|his|her|their) respects)\b/iu;
const IDIOM_BEFORE_PAID = /\b(?:attention|heed|tribute|homage|respects?)\s+(?:should|must|will|would|has|have|had|is|was|were|be|being|been|\s)*$|\bprice\s+(?:that\s+)?\p{L}+\s+(?:will\s+|would\s+|must\s+|have to\s+)?$/iu;
const PRICE_BEFORE = /\b(?:worth|valued at|value of|cost of|costs?|costing|budget of|priced at|estimated at)\s+(?:approximately\s+|about\s+|some\s+|nearly\s+|around\s+|over\s+)?$/iu;
const PASSIVE_BEFORE = /\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\p{L}+ly\s+)?$/iu;
const TO = /\bto the (?:bank )?account of\b|\bto\b/giu;
const FROM = /\bfrom\b/giu;
const BY = /\bby\b/giu;
const THROUGH = /\b(?:through|via|by way of)\b/giu;
const RAW_CARRIER = /^\s*(?:the\s+)?(?<name>(?:[\p{L}'’-]+\s+){0,4}?(?:exchange(?:\s+office)?|bank|network|courier|office|company|firm|hawala(?:\s+network)?|account))\b/iu;
const PURPOSE = /\b(?:in support of|to cover|for the purpose of|as payment for|in return for|in exchange for|to pay for|to finance|to fund)\s+(?<purpose>[^,.;]{3,80})/iu;
const CAPITALISED_NAME = /^(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Kak|Sayyid|Hajj)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:al|el|bin|ibn|abu|abd)[-\s])?\p{Lu}[\p{L}'’-]*){1,4}/u;
const ABOVE_AMOUNT = /\b(?:the above|this|that|the said|the same) (?:amount|sum)\b/iu;

/** `Pistachios (two kilograms): `, `Total: `: the label of an expense line, ending in a colon, with no other sum in it. */
const EXPENSE_LABEL = /^[^:\n]{1,60}:\s*$/u;
/** What may follow the sum of an expense line: the sum in words in brackets, a full stop. */
const EXPENSE_REST = /^\s*(?:\([^()]*\))?\s*[.\u06D4]?\s*$/u;
const ANOTHER_RECIPIENT = /^[^.;]{0,6}\band\b[^.;,]{0,60}?\bto\s+/iu;
const FUNDED_BY = /\b(?:is|are|was|were|been|being)\s+(?:\p{L}+ly\s+)?(?:covered|paid for|funded|financed|sponsored|bankrolled|underwritten|subsidi[sz]ed)\s+by\b/iu;
/** `the bloc's expenses are covered by …`: whose expenses. */
const FUNDED_OWNER = /(?:\b(?:the|a|an)\s+)?(?<owner>[\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?)['’]s\s+(?:[\p{L}-]+\s+)?(?:expenses|costs|bills|salaries|activities|campaign|operations|budget)\s*$/u;
const CASH_MOVED = /\b(?:moves?|moved|moving|sent|sends|carried|carries|smuggled|transported|shipped|trucked|flew)\s+(?:[\p{L}-]+\s+){0,4}?(?:cash|banknotes|bank notes|currency)\b/iu;
const WRITTEN_SUBJECT = /(?<name>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})\s*$/u;

/** Kinds a sentence may name without a sum and still tell of a payment: `a bribe to X`, `his salary from Y`. */
const STATED_WITHOUT_SUM: ReadonlySet<PaymentKind> = new Set(["bribe", "salary", "reward", "installment"]);
const KINDS: ReadonlyArray<[PaymentKind, RegExp]> = [
  ["bribe", /\bbrib(?:e|es|ed|ing|ery)\b|\bkickbacks?\b|رشوه/iu],
  ["installment", /\binstal(?:l)?ments?\b|\btranches?\b|قسط|اقساط/iu],
  ["salary", /\bsalar(?:y|ies)\b|\bmonthly\b|\ba month\b|\bper month\b|\bstipends?\b|حقوق|ماهانه|ماهیانه/iu],
  ["reward", /\brewards?\b|\bbonus(?:es)?\b|پاداش/iu],
  ["gift", /\bgifts?\b|\bpresents\b|\bas a present\b|\bpistachios\b|\bsaffron\b|هدیه|هدایا/iu],
  ["expense", /\bexpenses?\b|\bcosts?\b|\breimburse(?:d|ment)?\b|\bcredited\b|هزینه|منظور/iu],
];

const PERSIAN_CUE = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling([
    "پرداخت", "قسط", "تحویل", "هدیه", "هدایا", "رشوه", "حقوق", "پاداش", "هزینه", "واریز", "تقدیم", "انتقال", "ارسال", "اهدا", "داده شد", "منظور شود", "دریافت",
  ])})`,
  "gu",
);
const PERSIAN_GIFT = persianWords(["هدیه", "هدایا", "به عنوان هدیه"]);
const PERSIAN_NOT_PAYMENT = new RegExp(`(?:${anyArabicScriptSpelling(["حقوق بشر", "حقوق بین الملل", "حقوقی", "هزینه های سیاسی"])})`, "u");
const PERSIAN_TO = persianWords(["به حساب", "به"], "gu");
const PERSIAN_FROM = persianWords(["توسط", "از سوی", "از طرف", "از"], "gu");
const PERSIAN_THROUGH = persianWords(["از طریق", "به واسطه", "توسط شبکه"], "gu");
const PERSIAN_PREPOSITION_AHEAD = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["به", "در", "از", "با", "تا", "برای"])})(?![\\p{L}])|[\\u060C,.()\\u061B]`, "u");
const PERSIAN_PURPOSE = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["بابت", "به منظور", "برای", "در ازای", "جهت"])})\\s+(?<purpose>[^\\u060C.\\u061B]{3,60})`, "u");
const PERSIAN_ABOVE_AMOUNT = new RegExp(anyArabicScriptSpelling(["مبلغ فوق", "مبلغ یاد شده", "مبلغ مذکور", "این مبلغ"]), "u");
const PERSIAN_RECEIVING = persianWords(["دریافت"]);
const PERSIAN_GIVING = persianWords(["داده شد", "داده", "داد", "دادیم", "تقدیم", "اهدا", "تحویل", "پرداخت"]);
const PERSIAN_PASSIVE_VERB = persianWords(["شد", "شده", "گردید", "شدند"]);
/** `هدایای تقدیم‌شده`: the passive participle written onto its noun. */
const PERSIAN_PARTICIPLE = new RegExp(`(?<=\\p{L})\u200C(?:${anyArabicScriptSpelling(["شده"])})(?![\\p{L}])`, "u");
/** `هزینه‌های کتله را «بازرگانان کربلا» تأمین می‌کنند`: a claim about who pays whose expenses. */
const PERSIAN_FUNDED = new RegExp(
  `(?:${anyArabicScriptSpelling(["هزینه", "مخارج"])})[\u200C\\s]*(?:${anyArabicScriptSpelling(["های", "ها"])})?[\\s\u200C]+(?<payee>[\\p{L}\u200C]+(?:\\s+[\\p{L}\u200C]+){0,2}?)\\s+${anyArabicScriptSpelling(["را"])}\\s+(?<payer>[^\u060C.]{2,40}?)\\s+(?:${anyArabicScriptSpelling(["تأمین", "تامین", "پرداخت"])})[\\s\u200C]*(?:${anyArabicScriptSpelling(["می"])}[\\s\u200C]?)?(?:${anyArabicScriptSpelling(["کنند", "کند", "کرد", "کردند", "کرده اند", "کرده است", "نمایند", "نماید"])})(?![\\p{L}])`,
  "u",
);
/** `به مبلغ`, `به عنوان`, `به صورت`: `به` that introduces no recipient. */
const PERSIAN_NOT_RECIPIENT = new RegExp(
  `^[\\s\\u200C]*(?:${anyArabicScriptSpelling(["مبلغ", "عنوان", "صورت", "سوی", "طرف", "نفع", "دنبال", "ارزش", "تاریخ", "منظور", "شرح", "دست", "نام", "طور", "سمت", "همراه", "پیوست", "تایید", "تأیید", "این", "آن", "همین", "ویژه", "موقع"])})(?![\\p{L}])`,
  "u",
);
/** A clause's first words up to a comma: the subject the model did not find. */
const PERSIAN_RAW_SUBJECT = new RegExp(`^\\s*(?<name>[\\p{L}\\u200C]+(?:\\s+[\\p{L}\\u200C]+){1,3})\\s*[\\u060C,]`, "u");

/** Cheap tests that a sentence may hold a payment, before any reading: a pattern for English, word stems for Persian; a colon for the lines of an expense statement. */
export const PAYMENT_HINT: Hint = {
  english: /\b(?:paid|pay|pays|paying|gave|given|give|gives|hand|handed|hands|delivered|transferred|sent|wired|remitted|presented|credited|disbursed|donated|channel|brib|received|receives|receiving|got|collected|payment|instal|tranche|salar|stipend|reward|remittance|reimburse|gift|kickback|covered|funded|financed|sponsored|bankrolled|underwritten|subsidi|cash|banknotes|currency)|:/i,
  persian: persianStems(["پرداخت", "قسط", "تحویل", "هدیه", "هدایا", "رشوه", "حقوق", "پاداش", "هزینه", "واریز", "تقدیم", "انتقال", "ارسال", "اهدا", "داده شد", "منظور", ":"]),
};

export function readPayments(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const item = expenseItem(sentence, candidates);
  if (item) return [item];
  if (sentence.persian) {
    const drafts = persianPayment(sentence, candidates);
    const funded = drafts.length === 0 ? persianFundedBy(sentence, candidates) : undefined;
    return funded ? [funded] : drafts;
  }
  const draft = englishPayment(sentence, candidates);
  if (!draft) return [fundedBy(sentence, candidates), cashMoved(sentence, candidates)].filter((found): found is Draft => found !== undefined).slice(0, 1);
  return [draft, ...furtherRecipients(sentence, candidates, draft)];
}

function englishPayment(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const cues = [...cuesOf(sentence, GIVING, "give"), ...cuesOf(sentence, RECEIVING, "receive"), ...cuesOf(sentence, PAYMENT_NOUN, "noun")];
  for (const cue of cues) {
    const draft = englishCue(sentence, candidates, cue);
    if (draft) return draft;
  }
  return undefined;
}

/**
 * `2. Pistachios (two kilograms): 34 euros.`, `Total: 87.5 euros.`: a line of
 * an expense statement (one the text announced: `the cost … is reported as
 * follows`, `به شرح زیر`) is a payment by the writer's side, to nobody named.
 */
function expenseItem(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const money = sentence.money[0];
  if (!sentence.discourse.expenseStatement || !money) return undefined;
  const label = sentence.text.slice(sentence.start, money.start);
  const rest = sentence.text.slice(money.end, sentence.end);
  if (!EXPENSE_LABEL.test(label) || !EXPENSE_REST.test(rest)) return undefined;
  return paymentDraft(allInRole("payer", implicitPayer(sentence, candidates)), money.start, 0.7, money, "expense", undefined);
}

/** `A wristwatch was given to Karrar and a packet of saffron to the host`: each gift to its own recipient is a payment of its own. */
function furtherRecipients(sentence: Sentence, candidates: readonly Candidate[], draft: Draft): Draft[] {
  const payees = draft.participants.filter((participant) => participant.role === "payee" && participant.end !== null);
  if (payees.length === 0) return [];
  const further: Draft[] = [];
  let from = Math.max(...payees.map((payee) => payee.end!));
  for (let next = ANOTHER_RECIPIENT.exec(sentence.text.slice(from, sentence.end)); next; next = ANOTHER_RECIPIENT.exec(sentence.text.slice(from, sentence.end))) {
    const group = groupAfter(sentence, candidates, from + next.index + next[0].length);
    if (group.length === 0) break;
    const others = draft.participants.filter((participant) => participant.role !== "payee");
    further.push({ ...draft, participants: [...others, ...allInRole("payee", group)], cue: from + next.index });
    from = group[group.length - 1]!.until;
  }
  return further;
}

/** `the bloc's expenses are covered by "Karbala businessmen"`, `was sponsored by Temimi's company`: a claim about who pays. */
function fundedBy(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const match = FUNDED_BY.exec(sentence.body);
  if (!match) return undefined;
  const start = sentence.start + match.index;
  const end = start + match[0].length;
  if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end)) return undefined;
  const clause = clauseAround(sentence, start, end);
  const payer = groupAfter(sentence, candidates, end, { until: clause.end, leadWords: new Set(["the", "a", "an", "his", "her", "their", "its"]) });
  if (payer.length === 0) return undefined;
  const before = sentence.text.slice(clause.start, start);
  const owner = FUNDED_OWNER.exec(before);
  const ownerName = owner?.groups?.owner;
  const payee = owner && ownerName !== undefined
    ? [written("payee", sentence, clause.start + owner.index + owner[0].indexOf(ownerName), clause.start + owner.index + owner[0].indexOf(ownerName) + ownerName.length)].filter((participant): participant is RelationParticipant => participant !== undefined)
    : allInRole("payee", groupBefore(sentence, candidates, start, clause.start));
  return paymentDraft([...allInRole("payer", payer), ...payee], start, 0.6, sumFor(sentence, { kind: "give", start, end }), kindOf(sentence.body), undefined);
}

/** `هزینه‌های کتله را «بازرگانان کربلا» تأمین می‌کنند`: told in the present, as a standing arrangement. */
function persianFundedBy(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const match = PERSIAN_FUNDED.exec(sentence.body);
  const payeeName = match?.groups?.payee;
  const payerName = match?.groups?.payer;
  if (!match || payeeName === undefined || payerName === undefined) return undefined;
  const start = sentence.start + match.index;
  if (isNegated(sentence, start, start + match[0].length) || PERSIAN_HYPOTHETICAL.test(sentence.body)) return undefined;
  const payeeAt = start + match[0].indexOf(payeeName);
  const payerAt = start + match[0].indexOf(payerName, payeeName.length);
  const named = candidates.filter((candidate) => candidate.at >= payerAt && candidate.until <= payerAt + payerName.length);
  const payer = named.length > 0 ? allInRole("payer", named) : [written("payer", sentence, payerAt, payerAt + payerName.length)];
  const participants = [...payer, written("payee", sentence, payeeAt, payeeAt + payeeName.length)].filter((participant): participant is RelationParticipant => participant !== undefined);
  return paymentDraft(participants, start, 0.6, undefined, "expense", undefined);
}

/** `al-Nakhil sent two large cash consignments to Karbala`, `AL-NAKHIL MOVES CASH NORTH`: whoever moves the cash carries it; who pays whom is not said. */
function cashMoved(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const match = CASH_MOVED.exec(sentence.body);
  if (!match) return undefined;
  const start = sentence.start + match.index;
  const end = start + match[0].length;
  if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end)) return undefined;
  const clause = clauseAround(sentence, start, end);
  const named = groupBefore(sentence, candidates, start, clause.start);
  const carrier = named.length > 0 ? allInRole("intermediary", named) : writtenSubject(sentence, clause.start, start);
  return paymentDraft(carrier, start, 0.6, sumFor(sentence, { kind: "give", start, end }), "other", undefined);
}

/** `AL-NAKHIL MOVES …`: a capitalised name of one to three words right before the verb, which the model did not find. */
function writtenSubject(sentence: Sentence, from: number, to: number): RelationParticipant[] {
  const subject = WRITTEN_SUBJECT.exec(sentence.text.slice(from, to));
  const name = subject?.groups?.name;
  if (!subject || name === undefined) return [];
  const start = from + subject.index;
  const participant = written("intermediary", sentence, start, start + name.length);
  return participant ? [participant] : [];
}

function cuesOf(sentence: Sentence, pattern: RegExp, kind: CueKind): Cue[] {
  const cues: Cue[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence.body); match; match = pattern.exec(sentence.body)) {
    cues.push({ kind, start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
  }
  return cues;
}

function englishCue(sentence: Sentence, candidates: readonly Candidate[], cue: Cue): Draft | undefined {
  const word = sentence.text.slice(cue.start, cue.end);
  const after = sentence.text.slice(cue.end, Math.min(sentence.end, cue.end + 40));
  const before = sentence.text.slice(Math.max(sentence.start, cue.start - 40), cue.start);
  if (/^pa(?:id|y)/iu.test(word) && (IDIOM_AFTER_PAID.test(after) || IDIOM_BEFORE_PAID.test(before))) return undefined;
  if (isNegated(sentence, cue.start, cue.end)) return undefined;
  const clause = clauseAround(sentence, cue.start, cue.end);
  const money = sumFor(sentence, cue);
  const hypothetical = isHypothetical(sentence, cue.start, cue.end);
  const scheduled = hypothetical && money !== undefined && sentence.dates.length > 0 && /\bwill\b/iu.test(sentence.text.slice(clause.start, clause.end)) && !/\bpropos|\brequest|\basked|\bif\b/iu.test(sentence.text.slice(sentence.start, clause.end));
  if (hypothetical && !scheduled) return undefined;
  const gifts = GIFT_WORDS.test(sentence.body) && cue.kind === "give" && GIFT_VERBS.test(word);
  const passive = PASSIVE_BEFORE.test(before);
  const subject = groupBefore(sentence, candidates, cue.start, clause.start);
  const roles = { payer: [] as Candidate[], payee: [] as Candidate[] };
  const toGroup = groupAfterWord(sentence, candidates, TO, cue.end, clause);
  const fromGroup = groupAfterWord(sentence, candidates, FROM, cue.end, clause);
  const byGroup = groupAfterWord(sentence, candidates, BY, cue.end, clause);
  if (cue.kind === "receive") {
    roles.payee = passive ? byGroup : subject;
    roles.payer = fromGroup;
    if (passive && roles.payee.length === 0) roles.payee = confirmingSpeaker(sentence, candidates, clause);
  } else if (cue.kind === "give") {
    if (passive || subject.length === 0) {
      roles.payee = toGroup.length > 0 ? toGroup : passive ? subject : [];
      roles.payer = byGroup.length > 0 ? byGroup : fromGroup;
    } else {
      roles.payer = subject;
      roles.payee = toGroup.length > 0 ? toGroup : groupAfter(sentence, candidates, cue.end, { until: clause.end, leadWords: new Set(["the", "a", "an", "his", "her"]) });
    }
  } else {
    roles.payee = toGroup;
    roles.payer = fromGroup.length > 0 ? fromGroup : byGroup;
  }
  const namesSomeone = roles.payee.length > 0 || roles.payer.length > 0;
  const kind = kindOf(sentence.body);
  if (money === undefined && !gifts && !(namesSomeone && (STATED_WITHOUT_SUM.has(kind) || /^pa(?:id|y)|^bribed/iu.test(word)))) return undefined;
  if (money === undefined && /^credited/iu.test(word) && !/\baccount\b/iu.test(after)) return undefined;
  if (roles.payer.length === 0 && cue.kind === "give" && (passive || subject.length === 0)) roles.payer = implicitPayer(sentence, candidates);
  if (roles.payee.length === 0) roles.payee = payeeOfPaymentNoun(sentence, candidates, cue);
  const payees = roles.payee.length > 0 ? allInRole("payee", roles.payee) : writtenNameAfterTo(sentence, cue.end, clause);
  const participants = [
    ...allInRole("payer", roles.payer),
    ...payees,
    ...carriers(sentence, candidates, THROUGH, cue.start),
  ];
  const purpose = PURPOSE.exec(sentence.text.slice(cue.start, sentence.end))?.groups?.purpose?.trim();
  const confidence = scheduled ? 0.5 : (money !== undefined ? 0.85 : gifts ? 0.75 : 0.6) - (namesSomeone ? 0 : 0.15);
  return paymentDraft(participants, cue.start, confidence, money, kind, purpose);
}

function persianPayment(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  if (PERSIAN_NOT_PAYMENT.test(sentence.body)) return [];
  PERSIAN_CUE.lastIndex = 0;
  for (let match = PERSIAN_CUE.exec(sentence.body); match; match = PERSIAN_CUE.exec(sentence.body)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end)) continue;
    const clause = clauseAround(sentence, start, end);
    const cue: Cue = { kind: PERSIAN_RECEIVING.test(sentence.text.slice(clause.start, clause.end)) ? "receive" : "give", start, end };
    const money = sumFor(sentence, cue);
    const gifts = PERSIAN_GIFT.test(sentence.body) && PERSIAN_GIVING.test(sentence.body);
    const recipients = cue.kind === "receive" ? [allInRole("payee", confirmingSpeaker(sentence, candidates, clause))] : persianRecipients(sentence, candidates, clause);
    const payee = recipients.flat();
    const payer = allInRole("payer", persianGroupAfter(sentence, candidates, PERSIAN_FROM, clause));
    const kind = kindOf(sentence.body);
    if (money === undefined && !gifts && !(payee.length > 0 && kind !== "other" && kind !== "expense")) continue;
    const verb = sentence.text.slice(cue.end, clause.end);
    if (payer.length === 0 && cue.kind === "give") {
      if (PERSIAN_PASSIVE_VERB.test(verb) || PERSIAN_PARTICIPLE.test(verb)) payer.push(...allInRole("payer", implicitPayer(sentence, candidates)));
      else payer.push(...persianSubject(sentence, candidates, clause, cue, payee));
    }
    const carried = carriers(sentence, candidates, PERSIAN_THROUGH, clause.start);
    const purpose = PERSIAN_PURPOSE.exec(sentence.text.slice(cue.start, sentence.end))?.groups?.purpose?.trim();
    // `یک ساعت مچی به کرار و یک بسته زعفران به میزبان … داده شد`: one payment to each `به`.
    const drafts = (recipients.length > 1 ? recipients : [payee])
      .map((group) => paymentDraft([...payer, ...group, ...carried], cue.start, money !== undefined ? 0.85 : 0.7, money, kind, purpose))
      .filter((draft): draft is Draft => draft !== undefined);
    if (drafts.length > 0) return drafts;
  }
  return [];
}

/** Whoever each `به` points to in the clause: `به نمایندهٔ او`, `به کرار و … به میزبان`, `به حساب دفتر اربیل`; a place is a destination, not a payee. */
function persianRecipients(sentence: Sentence, candidates: readonly Candidate[], clause: Clause): RelationParticipant[][] {
  const text = sentence.text.slice(clause.start, clause.end);
  const found: RelationParticipant[][] = [];
  PERSIAN_TO.lastIndex = 0;
  for (let match = PERSIAN_TO.exec(text); match; match = PERSIAN_TO.exec(text)) {
    const at = clause.start + match.index + match[0].length;
    if (PERSIAN_NOT_RECIPIENT.test(sentence.text.slice(at, at + 12))) continue;
    const group = groupAfter(sentence, candidates, at, { until: clause.end });
    if (group.length > 0) {
      found.push(allInRole("payee", group));
      continue;
    }
    const raw = PERSIAN_RAW_NAME.exec(sentence.text.slice(at, clause.end));
    const name = raw?.groups?.name;
    if (!raw || name === undefined) continue;
    const start = at + raw[0].indexOf(name);
    if (sentence.placeKeys.has(surnameKey(name)) || sentence.names.some((place) => place.type === "place" && place.start <= start && start < place.end)) continue;
    const participant = written("payee", sentence, start, start + name.length);
    if (participant) found.push([participant]);
  }
  return found;
}

/** The payer of an active verb: the first name of the clause, or its first words when the model found none (`جاسم کاظم الحلفی، صاحب …`). */
function persianSubject(sentence: Sentence, candidates: readonly Candidate[], clause: Clause, cue: Cue, payee: readonly RelationParticipant[]): RelationParticipant[] {
  const named = candidates.find((candidate) => candidate.at >= clause.start && candidate.until <= cue.start && !payee.some((participant) => participant.start === candidate.start));
  if (named) return [inRole("payer", named)];
  const raw = PERSIAN_RAW_SUBJECT.exec(sentence.text.slice(clause.start, cue.start));
  const name = raw?.groups?.name;
  if (!raw || name === undefined) return [];
  const start = clause.start + raw[0].indexOf(name);
  const participant = written("payer", sentence, start, start + name.length);
  return participant ? [participant] : [];
}

/** A payment nobody is named in (`remittances reached USD 1.8 billion`) is an economic figure, not a lead: none. */
function paymentDraft(participants: RelationParticipant[], cue: number, confidence: number, money: FoundMention | undefined, kind: PaymentKind, purpose: string | undefined): Draft | undefined {
  if (participants.length === 0) return undefined;
  const draft: Draft = { type: "payment", participants, cue, confidence, amount: money?.attributes.amount ?? null, currency: money?.attributes.currency ?? null, kind };
  if (purpose) draft.purpose = purpose.replace(/\s+/gu, " ");
  return draft;
}

/** The sum a cue moves: the MONEY mention nearest to it that is no price; `the above amount` is the latest total. */
function sumFor(sentence: Sentence, cue: Cue): FoundMention | undefined {
  let best: { money: FoundMention; distance: number } | undefined;
  for (const money of sentence.money) {
    if (PRICE_BEFORE.test(sentence.text.slice(Math.max(sentence.start, money.start - 30), money.start))) continue;
    if (money.attributes.amount === undefined) continue;
    const distance = Math.abs(money.start - cue.start);
    if (!best || distance < best.distance) best = { money, distance };
  }
  if (best) return best.money;
  if ((sentence.persian ? PERSIAN_ABOVE_AMOUNT : ABOVE_AMOUNT).test(sentence.body)) return sentence.discourse.lastTotal ?? sentence.discourse.lastMoney ?? undefined;
  return undefined;
}

function kindOf(body: string): PaymentKind {
  for (const [kind, pattern] of KINDS) if (pattern.test(body)) return kind;
  return "other";
}

/** The group after the first `to`, `from` or `by` after the cue that names someone. */
function groupAfterWord(sentence: Sentence, candidates: readonly Candidate[], word: RegExp, from: number, clause: Clause): Candidate[] {
  const text = sentence.text.slice(from, clause.end);
  word.lastIndex = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    const group = groupAfter(sentence, candidates, from + match.index + match[0].length, { until: clause.end });
    if (group.length > 0) return group;
  }
  return [];
}

function persianGroupAfter(sentence: Sentence, candidates: readonly Candidate[], word: RegExp, clause: Clause): Candidate[] {
  const text = sentence.text.slice(clause.start, clause.end);
  word.lastIndex = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    if (/^از$/u.test(match[0]) && /^\s*طریق/u.test(text.slice(match.index + match[0].length))) continue;
    const group = groupAfter(sentence, candidates, clause.start + match.index + match[0].length, { until: clause.end });
    if (group.length > 0) return group;
  }
  return [];
}

/** Who carried the money: `through the al-Nakhil exchange office`, `از طریق صرافی النخیل`. Places are routes, not carriers. */
function carriers(sentence: Sentence, candidates: readonly Candidate[], word: RegExp, from: number): RelationParticipant[] {
  const text = sentence.text.slice(from, sentence.end);
  const found: RelationParticipant[] = [];
  word.lastIndex = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    const at = from + match.index + match[0].length;
    const group = groupAfter(sentence, candidates, at, { leadWords: new Set(["the", "a", "an", "his", "her", "their"]) });
    if (group.length > 0) {
      found.push(...group.map((candidate) => inRole("intermediary", candidate)));
      continue;
    }
    const raw = sentence.persian ? persianCarrier(sentence, at) : englishCarrier(sentence, at);
    const participant = raw ? written("intermediary", sentence, raw.start, raw.end) : undefined;
    if (participant && !sentence.names.some((place) => place.type === "place" && place.start === participant.start && place.end === participant.end)) found.push(participant);
  }
  return found;
}

/** `the al-Nakhil exchange office`, `the hawala network`: a carrier the model did not name. */
function englishCarrier(sentence: Sentence, at: number): { start: number; end: number } | undefined {
  const match = RAW_CARRIER.exec(sentence.text.slice(at, sentence.end));
  const name = match?.groups?.name;
  if (!match || name === undefined) return undefined;
  const start = at + match[0].length - name.length;
  return { start, end: start + name.length };
}

/** The words after `از طریق` up to the next preposition or comma: `صرافی النخیل بصره`. */
function persianCarrier(sentence: Sentence, at: number): { start: number; end: number } | undefined {
  const rest = sentence.text.slice(at, Math.min(sentence.end, at + 80));
  const leading = rest.length - rest.trimStart().length;
  const body = rest.slice(leading);
  const stop = PERSIAN_PREPOSITION_AHEAD.exec(body);
  const name = (stop ? body.slice(0, stop.index) : body).trimEnd();
  if (name === "" || name.split(/\s+/u).length > 5) return undefined;
  return { start: at + leading, end: at + leading + name.length };
}

/** `presented to Kak Rebwar Hama-Salih`: a name in capitals after `to` that the model missed or took for a place it is longer than. */
function writtenNameAfterTo(sentence: Sentence, from: number, clause: Clause): RelationParticipant[] {
  const to = /\bto\s+/u.exec(sentence.text.slice(from, clause.end));
  if (!to) return [];
  const at = from + to.index + to[0].length;
  const name = CAPITALISED_NAME.exec(sentence.text.slice(at, clause.end))?.[0];
  if (name === undefined || sentence.names.some((place) => place.start === at && place.end === at + name.length)) return [];
  const participant = written("payee", sentence, at, at + name.length);
  return participant ? [participant] : [];
}

/** `Payments to Sheikh Harith al-Zubaidi: a total of … was paid`: the payee named beside a payment noun elsewhere in the sentence. */
function payeeOfPaymentNoun(sentence: Sentence, candidates: readonly Candidate[], cue: Cue): Candidate[] {
  for (const noun of cuesOf(sentence, PAYMENT_NOUN, "noun")) {
    if (noun.start === cue.start) continue;
    const to = /^\s+to\b/iu.exec(sentence.text.slice(noun.end, noun.end + 5));
    if (to) return groupAfter(sentence, candidates, noun.end + to[0].length);
  }
  return [];
}

/** `Zubaidi confirmed that the second instalment … was received`: the one who confirms received it. */
function confirmingSpeaker(sentence: Sentence, candidates: readonly Candidate[], clause: Clause): Candidate[] {
  if (clause.start === sentence.start) return [];
  const speaker = candidates.find((candidate) => candidate.until <= clause.start && candidate.entityType === "person");
  return speaker ? [speaker] : [];
}

/** In a report signed by an officer, a payment made with no payer named was made by the writer's side. */
function implicitPayer(sentence: Sentence, candidates: readonly Candidate[]): Candidate[] {
  if (!sentence.voice.officer) return [];
  const writer = candidates.find((candidate) => candidate.origin === "writer");
  if (writer) return [writer];
  return [{ name: sentence.voice.officer, entityType: "person", at: sentence.start, until: sentence.start, start: null, end: null, origin: "writer" }];
}
