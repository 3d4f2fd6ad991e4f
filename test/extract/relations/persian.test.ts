import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExtractedRelation } from "../../../src/model/relation.js";
import type { NamedSpan } from "./build-mentions.js";
import { ofType, only, readChecked } from "./reading.js";

const HEADER = "از: دفتر کربلا — نوید\nبه: ستاد مرکزی، تهران — ادارهٔ عراق\n\n";

function read(body: string, names: readonly NamedSpan[] = []): ExtractedRelation[] {
  return readChecked(HEADER + body, names, { language: "fa", jalali: true });
}

const PEOPLE: NamedSpan[] = [
  { text: "حارث نوری الزبیدی", type: "person" },
  { text: "ابوکرار تمیمی", type: "person" },
  { text: "مهند سلیم", type: "person" },
  { text: "ساعدی", type: "person" },
  { text: "صلاح العبیدی", type: "person", attributes: { role: "وزیر مشاور" } },
  { text: "بصره", type: "place" },
  { text: "کربلا", type: "place" },
  { text: "بغداد", type: "place" },
  { text: "کتلهٔ اصلاح ملی", type: "organization" },
];

describe("Persian meetings", () => {
  it("reads a meeting in the passive with the writer, and its date, place and evidence", () => {
    const body = "۱- ساعت ۱۷ روز شنبه ۱۳۹۳/۰۷/۲۶ در منطقهٔ منصور بغداد با آقای مهند سلیم، مدیر دفتر شیخ حارث نوری الزبیدی، دیدار شد.";
    const meeting = only(read(body, PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["نوید", "مهند سلیم"]);
    assert.equal(meeting.date, "2014-10-18");
    assert.equal(meeting.evidence.text, body.slice(3));
  });

  it("reads several people after با, a name the model missed, and the cover", () => {
    const meeting = only(read("۱- در نمایشگاه عکس «گام‌ها تا کربلا»، با شیخ حارث نوری الزبیدی و جاسم کاظم دیدار شد.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["نوید", "حارث نوری الزبیدی", "جاسم کاظم"]);
    assert.equal(meeting.cover, "نمایشگاه عکس «گام‌ها تا کربلا»");
  });

  it("reads a third-person meeting reported after که, and the counter-surveillance beside a meeting", () => {
    const reported = only(read("۱- حارث نوری الزبیدی گفت که روز پنجشنبه در بغداد با یک دیپلمات آمریکایی دیدار کرده است.", PEOPLE), "meeting");
    assert.deepEqual(reported.roles.participant, ["حارث نوری الزبیدی", "یک دیپلمات آمریکایی"]);
    const relations = read("۱- با ابوکرار تمیمی ملاقات شد.\n۲- این‌جانب دو بار تاکسی عوض کردم و مسیر را پیاده طی کردم.", PEOPLE);
    assert.equal(only(relations, "meeting").counterSurveillance, "دو بار تاکسی عوض کردم و مسیر را پیاده طی کردم");
  });

  it("accepts the Arabic letter forms of a Persian text typed on an Arabic keyboard", () => {
    const meeting = only(read("۱- اين‌جانب به‌طور خصوصي با ساعدی ملاقات كردم.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["نوید", "ساعدی"]);
  });

  it("reads no meeting that is to come, that refers back, or that is denied", () => {
    const bodies = [
      "۱- دیدارهای بعدی در محیط‌های خصوصی برگزار خواهد شد.",
      "۲- ابوکرار تمیمی دیدار را هماهنگ کرده بود.",
      "۳- پیشنهاد می‌شود دیدار با حارث نوری الزبیدی از طریق ابوکرار تمیمی انجام شود.",
      "۴- ابوکرار تمیمی با حارث نوری الزبیدی دیدار نکرد.",
    ];
    for (const body of bodies) assert.deepEqual(ofType(read(body, PEOPLE), "meeting"), [], body);
  });

  it("reads a subject line that names a meeting, with the writer and the noun before با", () => {
    const meeting = only(read("موضوع: دیدار با ابوکرار تمیمی و پیشنهاد او برای سفر به تهران\n\n۱- هیچ.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["نوید", "ابوکرار تمیمی"]);
    const head = only(read("موضوع: دیدار رئیس ایستگاه با ساعدی\n\n۱- هیچ.", PEOPLE), "meeting");
    assert.deepEqual(head.roles.participant, ["رئیس ایستگاه", "ساعدی"]);
  });

  it("reads a person the model missed by the title before the name, and 'او' as that person", () => {
    const meeting = only(read("۱- روز پنجشنبه در مقر کاک ریبوار حمه‌صالح در حاشیهٔ کربلا با او دیدار شد.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["نوید", "ریبوار حمه‌صالح"]);
  });

  it("reads presence: at a party with the writer, at the writer's host's invitation, and at the meeting told just before", () => {
    const present = only(read("۱- شیخ حارث نوری الزبیدی نیز در جشن حضور داشت.", PEOPLE), "meeting");
    assert.deepEqual(present.roles.participant, ["حارث نوری الزبیدی", "نوید"]);
    const invited = only(read("۱- این‌جانب به دعوت تمیمی و با پوشش «شریک تجاری» در جشن حضور یافتم.", PEOPLE), "meeting");
    assert.deepEqual(invited.roles.participant, ["نوید", "تمیمی"]);
    const meetings = ofType(read("۱- با ساعدی در کربلا دیدار شد.\n۲- منبع ۱۳۶۲۲۰ این دیدار را ترتیب داده بود و در آن حضور داشت.", PEOPLE), "meeting");
    assert.deepEqual(meetings[1]?.roles.participant, ["منبع ۱۳۶۲۲۰", "نوید", "ساعدی"]);
  });
});

describe("Persian payments", () => {
  it("reads an instalment, its amount, intermediary and payee, with 'او' given the name before it", () => {
    const payment = only(read("۱- حارث نوری الزبیدی تأیید کرد که قسط نخست به مبلغ چهار میلیون دلار از طریق صرافی النخیل بصره به نمایندهٔ او تحویل شده است.", PEOPLE), "payment");
    assert.equal(payment.amount, 4_000_000);
    assert.equal(payment.currency, "USD");
    assert.equal(payment.kind, "installment");
    assert.deepEqual(payment.roles.intermediary, ["صرافی النخیل بصره"]);
    assert.deepEqual(payment.roles.payee, ["نمایندهٔ حارث نوری الزبیدی"]);
    assert.deepEqual(payment.roles.payer, ["نوید"]);
  });

  it("reads gifts and rewards, with the recipient the model missed", () => {
    const gift = only(read("۱- به تمیمی یک جعبه پسته و یک بسته زعفران هدیه داده شد.", PEOPLE), "payment");
    assert.equal(gift.kind, "gift");
    assert.deepEqual(gift.roles.payee, ["تمیمی"]);
    const reward = only(read("۱- مبلغ ۵۰۰ دلار به عنوان پاداش به ابوکرار تمیمی پرداخت شد.", PEOPLE), "payment");
    assert.equal(reward.kind, "reward");
    assert.equal(reward.amount, 500);
    assert.deepEqual(reward.roles.payee, ["ابوکرار تمیمی"]);
  });

  it("reads a received instalment as paid to the one who confirms it", () => {
    const payment = only(read("۱- حارث نوری الزبیدی تأیید کرد که قسط دوم به مبلغ چهار میلیون دلار در تاریخ ۱۳۹۳/۱۰/۰۷ دریافت شده است.", PEOPLE), "payment");
    assert.deepEqual(payment.roles.payee, ["حارث نوری الزبیدی"]);
    assert.equal(payment.date, "2014-12-28");
  });

  it("reads one payment per به when gifts go to two people, and the writer as giver of a participle", () => {
    const [watch, saffron] = ofType(read("۱- یک ساعت مچی به ساعدی و یک بسته زعفران به میزبان هدیه داده شد.", PEOPLE), "payment");
    assert.deepEqual(watch?.roles, { payer: ["نوید"], payee: ["ساعدی"] });
    assert.deepEqual(saffron?.roles, { payer: ["نوید"], payee: ["میزبان"] });
    const participle = only(read("موضوع: صورت‌حساب هزینهٔ هدایای تقدیم‌شده به ابوکرار تمیمی\n\n۱- هیچ.", PEOPLE), "payment");
    assert.deepEqual(participle.roles, { payer: ["نوید"], payee: ["ابوکرار تمیمی"] });
  });

  it("reads the lines of an expense statement, and who covers whose expenses", () => {
    const lines = ofType(read("۱- هزینهٔ هدایا به شرح زیر اعلام می‌شود.\n۲- خرما (یک جعبه): ۱۲ یورو.\n۳- جمع کل: ۱۲ یورو.", PEOPLE), "payment");
    assert.deepEqual(lines.map((line) => [line.roles.payer, line.amount, line.kind]), [[["نوید"], 12, "expense"], [["نوید"], 12, "expense"]]);
    const covered = only(read("۱- ساعدی گفته است که هزینه‌های کتله را «بازرگانان کربلا» تأمین می‌کنند.", PEOPLE), "payment");
    assert.deepEqual(covered.roles, { payer: ["بازرگانان کربلا"], payee: ["کتله"] });
  });

  it("reads no payment from thanks for a gift, human rights, or a payment asked for", () => {
    const bodies = [
      "۱- او از هدیه بسیار تشکر کرد.",
      "۲- حارث نوری الزبیدی دربارهٔ حقوق بشر در بصره سخن گفت.",
      "۳- حارث نوری الزبیدی خواستار پرداخت قسط دوم پیش از پایان ماه شد.",
      "۴- این مبلغ باید به حارث نوری الزبیدی پرداخت شود.",
    ];
    for (const body of bodies) assert.deepEqual(ofType(read(body, PEOPLE), "payment"), [], body);
  });
});

describe("Persian affiliation, reporting, recruitment and restriction", () => {
  it("reads a special relationship with us and 'one of our people'", () => {
    const relations = read("۱- منبع اظهار داشت که صلاح العبیدی با ما رابطهٔ ویژه دارد.\n۲- صلاح العبیدی را باید «از افراد خودی» دانست.", PEOPLE);
    const [relationship, people] = ofType(relations, "affiliation");
    assert.deepEqual(relationship?.roles, { member: ["صلاح العبیدی"], organization: ["دفتر کربلا"] });
    assert.equal(relationship?.quality, "رابطهٔ ویژه");
    assert.equal(people?.quality, "از افراد خودی");
  });

  it("reads an informant's statement and a line written with arrows, not the header nor a room put at the writer's disposal", () => {
    const relations = read("۱- منبع ۱۳۴۹۰۵ اظهار داشت که وزیر در قم زندگی کرده است.\n۲- مسیر گزارش‌دهی: منبع ۱۳۴۹۰۵ ← دفتر کربلا ← ستاد مرکزی، تهران.\n۳- منبع ۱۳۴۹۰۵ اتاقی در هتل را برای این دیدار در اختیار گذاشته بود.", PEOPLE);
    const reporting = ofType(relations, "reporting");
    assert.equal(reporting.length, 2);
    const [statement, line] = reporting;
    assert.deepEqual(statement?.roles, { source: ["منبع ۱۳۴۹۰۵"], handler: ["نوید"] });
    assert.deepEqual(line?.roles, { source: ["منبع ۱۳۴۹۰۵"], handler: ["دفتر کربلا"], headquarters: ["ستاد مرکزی، تهران"] });
  });

  it("reads an accepted offer of cooperation as a recruitment, but not a wish to use someone", () => {
    const recruitment = only(read("۱- ساعدی پیشنهاد همکاری را پذیرفت.", PEOPLE), "recruitment");
    assert.deepEqual(recruitment.roles, { recruiter: ["نوید"], target: ["ساعدی"] });
    assert.deepEqual(ofType(read("۱- ابوکرار تمیمی باید با احتیاط به کار گرفته شود.", PEOPLE), "recruitment"), []);
  });

  it("reads a report withheld from a body the model did not name", () => {
    const restriction = only(read("هشدار: این گزارش به هیچ وجه نباید در اختیار قرارگاه فجر قرار گیرد.", PEOPLE), "restriction");
    assert.deepEqual(restriction.roles, { withheldFrom: ["قرارگاه فجر"], originator: ["دفتر کربلا"] });
    const shared = only(read("۱- این گزارش نباید با قرارگاه فجر به اشتراک گذاشته شود.", PEOPLE), "restriction");
    assert.deepEqual(shared.roles.withheldFrom, ["قرارگاه فجر"]);
  });
});
