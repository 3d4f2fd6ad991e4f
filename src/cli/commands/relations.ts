import { Command } from "commander";
import { findMentions } from "../../extract/mentions.js";
import { extractRelations } from "../../extract/relations/index.js";
import type { ExtractedRelation, RelationsOutput } from "../../model/relation.js";
import { EXIT_SOME_FILES_FAILED, type ExitStatus } from "../exit-status.js";
import { readFiles } from "../read-files.js";

type OutputRelation = RelationsOutput["relations"][number];

export function relationsCommand(exit: ExitStatus): Command {
  return new Command("relations")
    .description("find meetings, payments, affiliations, reporting lines, recruitments and handling restrictions in files, with the sentence each is read from, without an archive")
    .argument("<file...>", "files to read (members of archives and e-mail attachments are read too)")
    .option("--json", "print {file, relations: [{type, roles, date, place, amount, currency, quality, evidence, confidence, …}]} as JSON, one line per document when there are several")
    .addHelpText(
      "after",
      `
Relation types and the roles of their participants:
  meeting      participant (two or more), place; with cover and counterSurveillance when the text tells them
  payment      payer, payee, intermediary; with amount, currency, kind (gift, bribe, salary,
               expense, reward, installment, other) and purpose
  affiliation  member, organization; with the quality stated ("special relationship")
  reporting    source, handler, headquarters
  recruitment  recruiter, target; with the inducement as purpose
  restriction  withheldFrom, originator

English and Persian sentences are read. The writer of a report ("we", "the
undersigned", "a meeting was held with …") is named by the officer of its
From: line (else its office, else the word as written), with null offsets.
Evidence offsets are character offsets (UTF-16 code units) into the document's
text as Trove reads it; date is the sentence's own date, else the document's.

Examples:
  trove relations samples/reports/en/report-1393-09-14-karbala.en.txt
  trove relations samples/reports/fa/*.txt --json | jq -c '.relations[] | select(.type == "payment")'`,
    )
    .action(async (files: string[], options: { json?: boolean }) => {
      const { documents, problems } = await readFiles(files);
      const results = documents.map((document): RelationsOutput & { file: string } => {
        const mentions = findMentions(document.text, { language: document.language });
        const relations = extractRelations(document.text, mentions, { language: document.language, documentDate: document.date ?? null });
        return { file: document.locator, relations: relations.map(forOutput) };
      });
      if (options.json) process.stdout.write(results.length === 1 ? `${JSON.stringify(results[0], null, 2)}\n` : results.map((result) => `${JSON.stringify(result)}\n`).join(""));
      else process.stdout.write(results.map(render).join("\n"));
      for (const problem of problems) process.stderr.write(`trove: ${problem.locator}: ${problem.code}: ${problem.message}\n`);
      if (problems.some((problem) => !problem.indexed)) exit.code = EXIT_SOME_FILES_FAILED;
    });
}

/** The JSON contract: the fields in a fixed order, the optional ones only when present. */
function forOutput(relation: ExtractedRelation): OutputRelation {
  const { type, roles, date, place, amount, currency, quality, evidence, confidence, kind, purpose, cover, counterSurveillance } = relation;
  return {
    type, roles, date, place, amount, currency, quality, evidence, confidence,
    ...(kind !== undefined ? { kind } : {}),
    ...(purpose !== undefined ? { purpose } : {}),
    ...(cover !== undefined ? { cover } : {}),
    ...(counterSurveillance !== undefined ? { counterSurveillance } : {}),
  };
}

function render(result: RelationsOutput & { file: string }): string {
  if (result.relations.length === 0) return `${result.file}\n  no relations found\n`;
  return `${result.file}\n${result.relations.map(renderRelation).join("\n")}\n`;
}

function renderRelation(relation: OutputRelation): string {
  const heading = [relation.type, relation.confidence.toFixed(2), relation.date ?? "undated", relation.place ? `in ${relation.place}` : ""].filter((part) => part !== "").join("  ");
  const lines = [`  ${heading}`];
  for (const [role, names] of Object.entries(relation.roles)) lines.push(`    ${role}: ${(names ?? []).join("; ")}`);
  if (relation.amount !== null) lines.push(`    amount: ${relation.amount} ${relation.currency ?? ""}`.trimEnd());
  const details: Array<[string, string | null | undefined]> = [
    ["kind", relation.kind], ["purpose", relation.purpose], ["quality", relation.quality], ["cover", relation.cover], ["counter-surveillance", relation.counterSurveillance],
  ];
  for (const [label, value] of details) if (value) lines.push(`    ${label}: ${value}`);
  lines.push(`    evidence (${relation.evidence.start}–${relation.evidence.end}): ${relation.evidence.text.replace(/\s+/gu, " ")}`);
  return lines.join("\n");
}
