import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExtractedRelation } from "../../../src/model/relation.js";
import type { NamedSpan } from "./build-mentions.js";
import { ofType, only, readChecked } from "./reading.js";

const HEADER = 'From: Karbala Office — "Navid"\nTo: Headquarters, Tehran — Iraq Department\n\n';

function read(body: string, names: readonly NamedSpan[] = [], documentDate: string | null = null): ExtractedRelation[] {
  return readChecked(HEADER + body, names, { language: "en", documentDate });
}

const PEOPLE: NamedSpan[] = [
  { text: "Harith al-Zubaidi", type: "person" },
  { text: "Abu Karrar Tamimi", type: "person" },
  { text: "Muhannad Salim", type: "person" },
  { text: "Jasim al-Halfi", type: "person" },
  { text: "Firas al-Saadi", type: "person" },
  { text: "Salah al-Ubaidi", type: "person" },
  { text: "Karbala", type: "place" },
  { text: "Basra", type: "place" },
  { text: "Tehran", type: "place" },
  { text: "Iraq", type: "place" },
  { text: "National Reform Bloc", type: "organization" },
  { text: "Quds Force", type: "organization" },
  { text: "al-Nakhil exchange office", type: "organization" },
];

describe("English meetings", () => {
  it("reads who met whom, where and when, with the sentence as evidence", () => {
    const body = "1. On 7 October 2014 Abu Karrar Tamimi met with Harith al-Zubaidi and Muhannad Salim in Karbala.";
    const meeting = only(read(body, PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["Abu Karrar Tamimi", "Harith al-Zubaidi", "Muhannad Salim"]);
    assert.equal(meeting.place, "Karbala");
    assert.deepEqual(meeting.roles.place, ["Karbala"]);
    assert.equal(meeting.date, "2014-10-07");
    assert.equal(meeting.evidence.text, body.slice(3));
  });

  it("makes the writer of a report the other participant of a meeting in the passive, with null offsets", () => {
    const meeting = only(read("1. At 19:30 on 1393/06/23 (2014-09-14) a meeting was held with Source 134905 in an alley off Karrada Street.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["Navid", "Source 134905"]);
    const writer = meeting.participants.find((participant) => participant.name === "Navid");
    assert.equal(writer?.start, null);
    assert.equal(writer?.end, null);
    assert.equal(meeting.date, "2014-09-14");
  });

  it("falls back on the document's date, and keeps the cover and the counter-surveillance described beside the meeting", () => {
    const relations = read(
      "1. Under cover of a hunting trip, a meeting took place with Firas al-Saadi.\n2. Before the meeting the undersigned switched taxis twice and walked the last part of the route.",
      PEOPLE,
      "2014-11-11",
    );
    const meeting = only(relations, "meeting");
    assert.equal(meeting.date, "2014-11-11");
    assert.equal(meeting.cover, "hunting trip");
    assert.equal(meeting.counterSurveillance, "switched taxis twice and walked the last part of the route");
  });

  it("reads an exhibition or a party as the cover", () => {
    const meeting = only(read('1. At the photo exhibition "Footsteps to Karbala" a meeting took place with Harith al-Zubaidi.', PEOPLE), "meeting");
    assert.equal(meeting.cover, 'photo exhibition "Footsteps to Karbala"');
  });

  it("reads the other cues: held talks, called on, hosted, a possessive meeting", () => {
    assert.equal(ofType(read("1. Harith al-Zubaidi held talks with Salah al-Ubaidi.", PEOPLE), "meeting").length, 1);
    assert.equal(ofType(read("1. PolOff called on Harith al-Zubaidi at his office.", PEOPLE), "meeting").length, 1);
    assert.equal(ofType(read("1. Salah al-Ubaidi hosted Harith al-Zubaidi at his home.", PEOPLE), "meeting").length, 1);
    const owned = only(read("1. The service knows of Abu Karrar Tamimi's meetings with Firas al-Saadi.", PEOPLE), "meeting");
    assert.deepEqual(owned.roles.participant, ["Abu Karrar Tamimi", "Firas al-Saadi"]);
  });

  it("resolves 'he' to the person named before it", () => {
    const meeting = only(read("1. Harith al-Zubaidi said that on 8 January 2015 he had met an American diplomat in Baghdad.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["Harith al-Zubaidi", "American diplomat"]);
    const he = meeting.participants.find((participant) => participant.name === "Harith al-Zubaidi");
    assert.equal(he?.start, null);
  });

  it("reads no meeting from 'met' that is not about people, nor from a meeting proposed, planned or denied", () => {
    const bodies = [
      "1. Harith al-Zubaidi met the deadline for the budget.",
      "2. Iraq has met its obligations to the Agency.",
      "3. The proposal met with failure in Karbala.",
      "4. It is proposed that a meeting with Harith al-Zubaidi be arranged through Abu Karrar Tamimi.",
      "5. Harith al-Zubaidi will meet Salah al-Ubaidi next week.",
      "6. Abu Karrar Tamimi did not meet Harith al-Zubaidi.",
      "7. Harith al-Zubaidi called on Salah al-Ubaidi to resign.",
      "8. The meeting lasted about twenty minutes.",
    ];
    for (const body of bodies) assert.deepEqual(ofType(read(body, PEOPLE), "meeting"), [], body);
  });

  it("reads a subject line that names a meeting as the writer's meeting, but not one only proposed", () => {
    const meeting = only(read("Subject: Meeting with Harith al-Zubaidi and his proposal to visit Tehran\n\n1. Nothing else.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["Navid", "Harith al-Zubaidi"]);
    assert.deepEqual(ofType(read("Subject: Proposed meeting with Harith al-Zubaidi\n\n1. Nothing else.", PEOPLE), "meeting"), []);
  });

  it("reads someone telling an officer as a meeting, unless it was by telephone or to the press", () => {
    const told = only(read("1. At a dinner in Basra on 3 March Abu Karrar Tamimi told PolOff that the money had arrived.", PEOPLE), "meeting");
    assert.deepEqual(told.roles.participant, ["Abu Karrar Tamimi", "PolOff"]);
    const assured = only(read("1. Harith al-Zubaidi assured EmbOff that the two sides would meet again.", PEOPLE), "meeting");
    assert.deepEqual(assured.roles.participant, ["Harith al-Zubaidi", "EmbOff"]);
    for (const body of [
      "1. Abu Karrar Tamimi told PolOff by telephone that the money had arrived.",
      "1. Harith al-Zubaidi told reporters that he would resign.",
      "1. Muhannad Salim was told to keep the third floor empty.",
    ]) assert.deepEqual(ofType(read(body, PEOPLE), "meeting"), [], body);
  });

  it("reads the speaker of a description the model did not name, across a place after it", () => {
    const meeting = only(read("1. A customs broker at Basra told ConOff on 9 February that the vans had left.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["customs broker", "ConOff"]);
    const apposition = only(read("1. Harith al-Zubaidi, a member of the National Reform Bloc, conveyed to the Ambassador his disappointment.", PEOPLE), "meeting");
    assert.deepEqual(apposition.roles.participant, ["Harith al-Zubaidi", "the Ambassador"]);
  });

  it("reads everyone a delegation lists after 'accompanied by', a title before a name being no one else", () => {
    const meeting = only(read("1. Harith al-Zubaidi and Salah al-Ubaidi were accompanied by Deputy Minister of Finance Muhannad Salim, Quds Force Commander Firas al-Saadi, and Jasim al-Halfi.", PEOPLE), "meeting");
    assert.deepEqual(meeting.roles.participant, ["Harith al-Zubaidi", "Salah al-Ubaidi", "Muhannad Salim", "Firas al-Saadi", "Jasim al-Halfi"]);
  });

  it("adds whoever 'was present' to the meeting told just before", () => {
    const relations = ofType(read("1. A meeting was held with Harith al-Zubaidi in Karbala.\n2. Source 134905 had arranged the meeting and was present.", PEOPLE), "meeting");
    assert.equal(relations.length, 2);
    assert.deepEqual(relations[1]!.roles.participant, ["Source 134905", "Navid", "Harith al-Zubaidi"]);
  });

  it("reads a subject joined by someone unnamed, an object after a date and a new title, and a title in brackets as no one", () => {
    const joined = only(read("1. PolOff and an acting notetaker met with Harith al-Zubaidi.", PEOPLE), "meeting");
    assert.deepEqual(joined.roles.participant, ["PolOff", "Harith al-Zubaidi"]);
    const later = only(read("1. Salah al-Ubaidi had met on July 20 with newly appointed mediator Jasim al-Halfi.", PEOPLE), "meeting");
    assert.deepEqual(later.roles.participant, ["Salah al-Ubaidi", "Jasim al-Halfi"]);
    const glossed = only(read("1. PolOff met with Finance Director (A/S) Muhannad Salim.", PEOPLE), "meeting");
    assert.deepEqual(glossed.roles.participant, ["PolOff", "Muhannad Salim"]);
  });

  it("reads the listener named for a country and the speaker of a cable written in capitals", () => {
    const french = only(read("1. Jasim al-Halfi told the French that he would go slowly.", PEOPLE), "meeting");
    assert.deepEqual(french.roles.participant, ["Jasim al-Halfi", "French"]);
    const capitals = only(read("1. THE AMBASSADOR URGED KARIM HADI TO TAKE THE LONGER VIEW.", [{ text: "KARIM HADI", type: "person" }]), "meeting");
    assert.deepEqual(capitals.roles.participant, ["THE AMBASSADOR", "KARIM HADI"]);
  });
});

describe("English payments", () => {
  it("reads payer, payee, intermediary, amount, currency and kind", () => {
    const body = "1. Jasim al-Halfi paid $16 million to Harith al-Zubaidi through the al-Nakhil exchange office as a bribe.";
    const payment = only(read(body, PEOPLE), "payment");
    assert.deepEqual(payment.roles.payer, ["Jasim al-Halfi"]);
    assert.deepEqual(payment.roles.payee, ["Harith al-Zubaidi"]);
    assert.deepEqual(payment.roles.intermediary, ["al-Nakhil exchange office"]);
    assert.equal(payment.amount, 16_000_000);
    assert.equal(payment.currency, "USD");
    assert.equal(payment.kind, "bribe");
  });

  it("reads an instalment delivered in the passive, with the writer's side paying", () => {
    const payment = only(read("1. The first instalment of four million dollars was delivered to Harith al-Zubaidi on 1393/09/10 (2014-12-01) in Basra.", PEOPLE), "payment");
    assert.equal(payment.kind, "installment");
    assert.equal(payment.amount, 4_000_000);
    assert.deepEqual(payment.roles.payee, ["Harith al-Zubaidi"]);
    assert.deepEqual(payment.roles.payer, ["Navid"]);
    assert.equal(payment.date, "2014-12-01");
    assert.equal(payment.place, "Basra");
  });

  it("reads gifts, rewards, monthly salaries and money received from someone", () => {
    const gift = only(read("1. Abu Karrar Tamimi briefed us.\n2. A box of pistachios was given to Abu Karrar Tamimi as a gift.", PEOPLE), "payment");
    assert.equal(gift.kind, "gift");
    assert.deepEqual(gift.roles.payee, ["Abu Karrar Tamimi"]);
    const reward = only(read("1. Source 134905 was present.\n2. 500 dollars was paid to the source as a reward.", PEOPLE), "payment");
    assert.equal(reward.kind, "reward");
    assert.deepEqual(reward.roles.payee, ["Source 134905"]);
    const salary = only(read("1. Firas al-Saadi was handed his first monthly payment of 2,500 dollars.", PEOPLE), "payment");
    assert.equal(salary.kind, "salary");
    assert.equal(salary.amount, 2500);
    const received = only(read("1. Harith al-Zubaidi received 20,000 dollars from Jasim al-Halfi.", PEOPLE), "payment");
    assert.deepEqual(received.roles.payee, ["Harith al-Zubaidi"]);
    assert.deepEqual(received.roles.payer, ["Jasim al-Halfi"]);
  });

  it("reads 'the above amount' as the total stated before it", () => {
    const payment = only(read("1. Total: 87.5 euros.\n2. The above amount was credited to the account of the Erbil Office.", [...PEOPLE, { text: "Erbil Office", type: "organization" }]), "payment");
    assert.equal(payment.amount, 87.5);
    assert.equal(payment.currency, "EUR");
    assert.equal(payment.kind, "expense");
    assert.deepEqual(payment.roles.payee, ["Erbil Office"]);
  });

  it("reads no payment from idioms, prices, requests, or sums paid by nobody named", () => {
    const bodies = [
      "1. Harith al-Zubaidi paid tribute to the martyrs of Karbala.",
      "2. Harith al-Zubaidi paid attention to the warnings from Basra.",
      "3. Close attention should be paid to Harith al-Zubaidi.",
      "4. Salah al-Ubaidi handed over a list of eleven projects worth approximately 210 million dollars.",
      "5. Harith al-Zubaidi asked for the second instalment to be paid before the end of December.",
      "6. Remittances to Iraq reached USD 1.8 billion last year.",
      "7. Harith al-Zubaidi denied receiving a single dinar from Tehran.",
      "8. Please order that the above amount be credited to the account of Jasim al-Halfi.",
    ];
    for (const body of bodies) assert.deepEqual(ofType(read(body, PEOPLE), "payment"), [], body);
  });

  it("reads one payment per recipient when a sentence gives two gifts", () => {
    const [watch, saffron] = ofType(read("1. A wristwatch was given to Muhannad Salim and a packet of saffron to the host as gifts.", PEOPLE), "payment");
    assert.deepEqual(watch?.roles, { payer: ["Navid"], payee: ["Muhannad Salim"] });
    assert.deepEqual(saffron?.roles, { payer: ["Navid"], payee: ["host"] });
  });

  it("reads the lines of an expense statement as the writer's payments, and its subject line", () => {
    const text = "Subject: Expense statement for the gifts presented to Muhannad Salim\n\n1. The cost of the gifts is reported as follows.\n2. Dates (one box): 12 euros.\n3. Total: 12 euros (twelve euros).";
    const payments = ofType(read(text, PEOPLE), "payment");
    assert.deepEqual(payments.map((payment) => payment.roles), [{ payer: ["Navid"], payee: ["Muhannad Salim"] }, { payer: ["Navid"] }, { payer: ["Navid"] }]);
    assert.deepEqual(payments.slice(1).map((payment) => [payment.amount, payment.kind]), [[12, "expense"], [12, "expense"]]);
    assert.deepEqual(ofType(read("1. Dates (one box): 12 euros.", PEOPLE), "payment"), []);
  });

  it("reads who covers someone's expenses, and who moves cash", () => {
    const covered = only(read('1. Harith al-Zubaidi says the bloc\'s expenses are covered by "Karbala businessmen".', PEOPLE), "payment");
    assert.deepEqual(covered.roles, { payer: ["Karbala businessmen"], payee: ["bloc"] });
    const sponsored = only(read("1. The exhibition was sponsored by Abu Karrar Tamimi.", PEOPLE), "payment");
    assert.deepEqual(sponsored.roles.payer, ["Abu Karrar Tamimi"]);
    const cash = only(read("1. A port contact says Jasim al-Halfi sent two large cash consignments by road to Karbala.", PEOPLE), "payment");
    assert.deepEqual(cash.roles, { intermediary: ["Jasim al-Halfi"] });
  });

  it("reads a surname the model typed as an organisation as the person named in full", () => {
    const text = "1. Harith al-Zubaidi arrived.\n2. Zubaidi confirmed that the second instalment of four million dollars was received.";
    const payment = only(read(text, [{ text: "Harith al-Zubaidi", type: "person" }, { text: "Zubaidi", type: "organization" }]), "payment");
    assert.deepEqual(payment.roles.payee, ["Zubaidi"]);
  });

  it("reads 'paid a visit' as a meeting", () => {
    const relations = read("1. Salah al-Ubaidi paid a visit to Harith al-Zubaidi.", PEOPLE);
    assert.deepEqual(ofType(relations, "payment"), []);
    assert.equal(ofType(relations, "meeting").length, 1);
  });
});

describe("English affiliation, reporting, recruitment and restriction", () => {
  it("reads a stance toward the writer's side and a membership, with the quality stated", () => {
    const relations = read('1. The source stated that Salah al-Ubaidi has a "special relationship" with us.\n2. Harith al-Zubaidi, one of the leaders of the National Reform Bloc, needs money.', PEOPLE);
    const [stance, membership] = ofType(relations, "affiliation");
    assert.deepEqual(stance?.roles, { member: ["Salah al-Ubaidi"], organization: ["Karbala Office"] });
    assert.equal(stance?.quality, "special relationship");
    assert.deepEqual(membership?.roles, { member: ["Harith al-Zubaidi"], organization: ["National Reform Bloc"] });
    assert.equal(membership?.quality, "one of the leaders");
  });

  it("reads an informant telling an officer and a line written with arrows, but not the report's header nor a contact telling an officer", () => {
    const relations = read("1. Source 134832 told the Iranian officer that the money had arrived.\n2. Reporting line: Source 134832 → Navid → Headquarters, Tehran.\n3. Harith al-Zubaidi told PolOff that the bloc needs money.", PEOPLE);
    const reporting = ofType(relations, "reporting");
    assert.equal(reporting.length, 2);
    const [told, line] = reporting;
    assert.deepEqual(told?.roles, { source: ["Source 134832"], handler: ["Iranian officer"] });
    assert.deepEqual(line?.roles, { source: ["Source 134832"], handler: ["Navid"], headquarters: ["Headquarters, Tehran"] });
  });

  it("reads a recruitment and the inducement offered", () => {
    const offer = only(read("1. It was proposed to Firas al-Saadi that his son be treated in Tehran at our expense; in return he would give us information.", PEOPLE), "recruitment");
    assert.deepEqual(offer.roles, { recruiter: ["Navid"], target: ["Firas al-Saadi"] });
    assert.equal(offer.purpose, "his son be treated in Tehran at our expense");
    const recruited = only(read("1. Abu Karrar Tamimi recruited Firas al-Saadi in 2014.", PEOPLE), "recruitment");
    assert.deepEqual(recruited.roles, { recruiter: ["Abu Karrar Tamimi"], target: ["Firas al-Saadi"] });
  });

  it("reads a report withheld from a named body, and no restriction from caveats that name nobody", () => {
    const restriction = only(read("1. This report is not to be shared with the Quds Force.", PEOPLE), "restriction");
    assert.deepEqual(restriction.roles, { withheldFrom: ["Quds Force"], originator: ["Karbala Office"] });
    for (const body of ["1. SECRET//NOFORN", "1. NOT RELEASABLE TO FOREIGN NATIONALS.", "1. Not for release to the public."]) {
      assert.deepEqual(ofType(read(body, PEOPLE), "restriction"), [], body);
    }
  });

  it("keeps two relations that contradict each other, each with its own evidence", () => {
    const relations = read("1. Harith al-Zubaidi met Salah al-Ubaidi in Basra on 3 March 2015.\n2. Harith al-Zubaidi met Salah al-Ubaidi in Karbala on 3 March 2015.", PEOPLE);
    const places = ofType(relations, "meeting").map((meeting) => meeting.place);
    assert.deepEqual(places, ["Basra", "Karbala"]);
  });
});
