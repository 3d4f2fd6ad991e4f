/** A cable's fields as a reporter reads them in a terminal. */
import type { Cable, DateMention } from "../model/cable.js";

export function renderCable(cable: Cable): string {
  const fields: [string, string | undefined][] = [
    ["layout", cable.layout],
    ["reference", cable.reference],
    ["date", cable.date && describeDate(cable.date)],
    ["other dates", cable.otherDates.length ? cable.otherDates.map(describeDate).join("; ") : undefined],
    ["from", [cable.origin, cable.sender].filter(Boolean).join(" — ") || undefined],
    ["to", cable.to.join("; ") || undefined],
    ["info", cable.info.join("; ") || undefined],
    ["classification", cable.classification && `${cable.classification}${cable.classificationLevel && cable.classificationLevel !== cable.classification ? ` (${cable.classificationLevel})` : ""}`],
    ["caveats", cable.caveats.join("; ") || undefined],
    ["subject", cable.subject],
    ["tags", cable.tags.join(", ") || undefined],
    ["references", cable.references.map((reference) => `${reference.label ? `${reference.label}. ` : ""}${reference.text}${reference.canonical ? ` [${reference.canonical}]` : ""}`).join("; ") || undefined],
    ["sources", cable.sources.join(", ") || undefined],
    ["signer", cable.signer],
    ["translated by", cable.translation?.translator],
    ["checked by", cable.translation?.reviewer],
    ["paragraphs", cable.paragraphs.length ? String(cable.paragraphs.length) : undefined],
    ["language", cable.language],
  ];
  const lines = fields.filter(([, value]) => value !== undefined).map(([name, value]) => `  ${name.padEnd(15)}${value}`);
  for (const warning of cable.warnings) lines.push(`  ${"warning".padEnd(15)}${warning}`);
  return `${lines.join("\n")}\n`;
}

/** `۱۳۹۳/۰۷/۱۵ (jalali) = 2014-10-07`, or the reason it could not be read. */
export function describeDate(date: DateMention): string {
  const gregorian = date.iso ?? (date.candidates?.length ? `one of ${date.candidates.join(", ")}` : date.warning ?? "unreadable");
  return date.calendar === "gregorian" && date.iso ? `${date.text} = ${date.iso}` : `${date.text} (${date.calendar}) = ${gregorian}`;
}
