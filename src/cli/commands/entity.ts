import { Command, Option } from "commander";
import { NotFoundError } from "../../errors.js";
import { runRelationStage } from "../../pipeline/relation-stage.js";
import { findEntitiesByName } from "../../search/entity-lookup.js";
import type { EntityProfile } from "../../store/entity-store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatTable } from "../format.js";
import { withWritableArchive } from "../writable-archive.js";

export function entityCommand(): Command {
  return new Command("entity")
    .description("one entity's profile: aliases in every script, mentions in context, who else appears with it")
    .argument("<name-or-id...>", "an entity id, or a name in any script and spelling")
    .addOption(archiveOption())
    .addOption(new Option("-m, --mentions <n>", "mentions to show").default(20).argParser(Number))
    .option("--show-source-links", "show the people a source was marked as (sensitive)")
    .option("--json", "print the profile as JSON: {id, type, name, aliases, mentionCount, documentCount, firstDate, lastDate, titles, roles, mentions, coOccurring, linkedIdentities}")
    .addHelpText(
      "after",
      `
A name finds the entity with that alias in any script; otherwise the closest
match by name across scripts and spellings. Other candidates are listed.

Decisions (they survive re-ingest):
  trove entity merge 12 40 41          make 40 and 41 part of 12
  trove entity split 12 "Soleimani"    move an alias (and its mentions) to a new entity
  trove entity link 88 12              mark source 88 as person 12 (shown only with --show-source-links)

Examples:
  trove entity "Qassem Soleimani"
  trove entity قاسم سلیمانی --json`,
    )
    .action((words: string[], options: { archive: string; mentions: number; showSourceLinks?: boolean; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const query = words.join(" ");
        const ids = /^\d+$/.test(query) ? [Number(query)] : findEntitiesByName(store.entities, query, { tolerant: false });
        if (ids.length === 0) throw new NotFoundError(`no entity called ${JSON.stringify(query)} in this archive; try: trove search 'name~${query}' or trove entities`);
        const profile = store.entities.getEntity(ids[0]!, { mentionLimit: options.mentions, showSourceLinks: options.showSourceLinks ?? false });
        if (options.json) process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
        else process.stdout.write(render(profile, ids.slice(1)));
      } finally {
        store.close();
      }
    })
    .addCommand(
      new Command("merge")
        .description("merge entities that are one and the same into the first")
        .argument("<target>", "the entity id that stays")
        .argument("<others...>", "entity ids that become part of it")
        .addOption(archiveOption())
        .option("--note <text>", "why (kept with the decision)")
        .action((target: string, others: string[], options: { archive: string; note?: string }) => {
          withWritableArchive(options.archive, (store) => {
            store.entities.mergeEntities(entityId(target), others.map(entityId), options.note);
            process.stdout.write(`Merged ${others.join(", ")} into ${target}.\n`);
          });
        }),
    )
    .addCommand(
      new Command("split")
        .description("move aliases of an entity (and their mentions) to a new entity")
        .argument("<id>", "the entity id")
        .argument("<alias...>", "aliases that belong to someone else (quote each)")
        .addOption(archiveOption())
        .option("--note <text>", "why (kept with the decision)")
        .action(async (id: string, aliases: string[], options: { archive: string; note?: string }) => {
          await withWritableArchive(options.archive, async (store) => {
            const created = store.entities.splitEntity(entityId(id), aliases, options.note);
            process.stdout.write(`Moved ${aliases.map((alias) => JSON.stringify(alias)).join(", ")} to new entity ${created}.\n`);
            // The relations of the documents that name it are read again, so the graph and ledger name the right entity at once.
            const reread = await runRelationStage(store);
            if (reread.documents > 0) process.stdout.write(`Relations read again in ${reread.documents} document${reread.documents === 1 ? "" : "s"}.\n`);
          });
        }),
    )
    .addCommand(
      new Command("link")
        .description("mark a source number as a known person (shown only with --show-source-links)")
        .argument("<source>", "the source's entity id")
        .argument("<person>", "the person's entity id")
        .addOption(archiveOption())
        .option("--note <text>", "on what evidence (kept with the link)")
        .action((source: string, person: string, options: { archive: string; note?: string }) => {
          withWritableArchive(options.archive, (store) => {
            store.entities.linkSource(entityId(source), entityId(person), options.note);
            process.stdout.write(`Linked source ${source} to person ${person}.\n`);
          });
        }),
    );
}

function entityId(value: string): number {
  if (!/^\d+$/.test(value)) throw new NotFoundError(`'${value}' is not an entity id; find ids with: trove entities`);
  return Number(value);
}

function render(profile: EntityProfile, others: number[]): string {
  const lines = [`${profile.name}  (${profile.type} ${profile.id}${profile.mergedFrom ? `, merged from ${profile.mergedFrom}` : ""})`];
  lines.push(`  ${profile.mentionCount} mentions in ${profile.documentCount} documents${profile.firstDate ? `, ${profile.firstDate} … ${profile.lastDate}` : ""}`);
  if (profile.aliases.length > 0) lines.push(`  written as: ${profile.aliases.map((alias) => `${alias.name} (${alias.count})`).join(" · ")}`);
  if (profile.titles.length > 0) lines.push(`  titles: ${profile.titles.map((title) => title.title).join(" · ")}`);
  if (profile.roles.length > 0) lines.push(`  roles: ${profile.roles.map((role) => role.role).join(" · ")}`);
  for (const identity of profile.linkedIdentities) lines.push(`  linked to: ${identity.type} ${identity.id} ${identity.name}${identity.note ? ` (${identity.note})` : ""}`);
  if (profile.mentions.length > 0) {
    lines.push("", "Mentions:");
    for (const mention of profile.mentions) {
      const passage = mention.passage.replace(/\s+/gu, " ");
      lines.push(`  [${mention.documentId}] ${mention.documentDate ?? "undated"}  ${mention.documentTitle}`, `      …${passage.trim()}…`);
    }
  }
  if (profile.coOccurring.length > 0) {
    lines.push("", "Appears with:", formatTable([["id", "type", "name", "documents"], ...profile.coOccurring.map((other) => [other.id, other.type, other.name, other.documents])]));
  }
  if (others.length > 0) lines.push("", `Other entities with that name: ${others.slice(0, 10).join(", ")} (trove entity ID)`);
  return `${lines.join("\n")}\n`;
}
