/**
 * Who is writing: read from the header of a field report or a cable, so
 * that "we", "the undersigned" and "a meeting was held with X" can name the
 * writer.
 *
 * The convention for the implied writer (a participant the text does not
 * name, with `start` and `end` null):
 * - the officer of the `From:` line when it names one after a dash
 *   (`From: Baghdad Station — "Roozbeh"` → `Roozbeh`, `از: دفتر کربلا — نوید` → `نوید`);
 * - else the office of the `From:` or `FM` line (`FM AMEMBASSY BAGHDAD` → `AMEMBASSY BAGHDAD`);
 * - else the words of the text, as written (`we`, `the undersigned`, `اینجانب`).
 * Where the writer stands for the service rather than the person ("one of our
 * people", "a special relationship with us"), the office comes first.
 */
import type { EntityType } from "../../model/entity.js";

export interface DocumentVoice {
  /** The officer who signs, when the header names one. */
  officer: string | null;
  /** The office, station or embassy the report comes from. */
  office: string | null;
}

/** How far into a document its header is looked for. */
const HEADER_WINDOW = 4000;

const FROM_LINE = /^[ \t]*(?:(?:From|FROM|از)[ \t]*:|FM[ \t])[ \t]*(?<value>[^\n]{2,160})$/mu;
const DASH = /[ \t]+[—–-]{1,2}[ \t]+/u;
const QUOTES = /^["“«'‘]+|["”»'’]+$/gu;
const E_MAIL = /<[^>]*>|\S+@\S+/gu;
const HAS_E_MAIL = /\S@\S/u;

export function readDocumentVoice(text: string): DocumentVoice {
  const header = text.slice(0, HEADER_WINDOW);
  const from = FROM_LINE.exec(header)?.groups?.value?.trim();
  let officer: string | null = null;
  let office: string | null = null;
  if (from !== undefined) {
    const [place, person] = from.replace(E_MAIL, "").split(DASH, 2).map((part) => part.replace(/\([^)]*\)/gu, "").trim().replace(QUOTES, ""));
    // An e-mail's From names a person; a report's names an office, then its officer after a dash.
    if (HAS_E_MAIL.test(from)) officer = place || null;
    else {
      office = place || null;
      officer = person || null;
    }
  }
  return { officer, office };
}

/** The writer as a participant: who "I" and "we" are. `forService` puts the office first ("our people"). */
export function writerName(voice: DocumentVoice, asWritten: string, forService: boolean): { name: string; entityType: EntityType | null } {
  const first = forService ? voice.office : voice.officer;
  const second = forService ? voice.officer : voice.office;
  if (first) return { name: first, entityType: forService ? "organization" : "person" };
  if (second) return { name: second, entityType: forService ? "person" : "organization" };
  return { name: asWritten, entityType: null };
}
