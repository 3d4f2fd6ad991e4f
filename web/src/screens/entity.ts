/**
 * An entity's profile: its name and type, every spelling in every script,
 * titles and roles, the span of dates, the relations it takes part in (each
 * with its evidence sentence), each mention in the passage around it (a link
 * into the reader), who else appears in the same documents, and a search for
 * every document that mentions it. `/entities/NAME` opens the entity a name
 * stands for, as `trove entity NAME` does.
 */
import { api, ApiFailure, type EntityView, type RelationsView } from "../api.js";
import { definitions, h, replace, type Child } from "../dom.js";
import { formatIsoDate, formatNumber } from "../format.js";
import type { ScreenContext } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";
import { dateSpan, entitiesUrl, entityTypeName, entityUrl, nameSpan, separated } from "./entities.js";
import { moneyUrl } from "./money.js";
import { evidenceQuote, relationSummary } from "./relation-view.js";
import { quoted, searchUrl } from "./search.js";
import { timelineUrl } from "./timeline.js";
import { entityRedactionSection } from "./entity-redaction.js";

/** Relations shown on a profile; the timeline lists them all. */
const PROFILE_RELATIONS = 50;

export async function entityScreen(context: ScreenContext): Promise<void> {
  const requested = context.params.id ?? "";
  context.setTitle(requested);
  loading(context.main, `entity ${requested}`);
  let profile: EntityView;
  let relations: RelationsView | ApiFailure;
  let others: number[] = [];
  try {
    let id: number;
    if (/^\d{1,15}$/.test(requested)) id = Number(requested);
    else {
      if (requested.trim() === "") throw new ApiFailure(404, { code: "not-found", message: "no entity named; list them at /entities" });
      [id, ...others] = (await api.lookupEntity(requested, context.signal)).ids as [number, ...number[]];
    }
    // A failure to read relations leaves the rest of the profile standing; the section says what went wrong.
    [profile, relations] = await Promise.all([
      api.entity(id, context.signal),
      api.relations({ entity: id, limit: PROFILE_RELATIONS }, context.signal).catch((error: unknown) => {
        if (error instanceof ApiFailure) return error;
        throw error;
      }),
    ]);
  } catch (error) {
    if (isAbort(error)) throw error;
    context.setTitle("Entity not found");
    failureScreen(context.main, "Entity not found", error);
    return;
  }
  context.setTitle(profile.name);
  const title = heading(nameSpan(profile.name, { class: `entity-name type-${profile.type}` }));
  title.id = "entity-name";
  replace(
    context.main,
    h(
      "article",
      { class: "entity-profile", attrs: { "aria-labelledby": "entity-name" } },
      h(
        "header",
        { class: "reader-head" },
        title,
        h("p", { class: "reader-meta" }, summaryLine(profile)),
        profile.mergedFrom !== undefined ? h("p", { class: "note" }, `Entity ${profile.mergedFrom} was merged into this one.`) : null,
        h("p", {}, h("a", { href: searchUrl(`entity:${quoted(profile.name)}`) }, "Search the documents that mention ", nameSpan(profile.name))),
      ),
      aboutSection(profile, others),
      relationsSection(profile, relations),
      mentionsSection(profile),
      coOccurringSection(profile),
      entityRedactionSection(profile),
    ),
  );
}

function summaryLine(profile: EntityView): string {
  const counts = `${formatNumber(profile.mentionCount)} ${profile.mentionCount === 1 ? "mention" : "mentions"} in ${formatNumber(profile.documentCount)} ${profile.documentCount === 1 ? "document" : "documents"}`;
  return `${entityTypeName(profile.type)} ${profile.id} · ${counts}`;
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "reader-section", attrs: { "aria-labelledby": id } }, h("h2", { id }, title), ...children);
}

function aboutSection(profile: EntityView, others: number[]): HTMLElement {
  const counted = (name: string, count: number) => h("li", {}, nameSpan(name), h("span", { class: "count" }, ` ×${formatNumber(count)}`));
  return section(
    "about-entity",
    "Names and dates",
    definitions(
      [
        ["Written as", profile.aliases.length ? h("ul", { class: "plain aliases" }, ...profile.aliases.map((alias) => counted(alias.name, alias.count))) : undefined],
        ["Titles", profile.titles.length ? h("ul", { class: "plain" }, ...profile.titles.map((title) => counted(title.title, title.count))) : undefined],
        ["Roles", profile.roles.length ? h("ul", { class: "plain" }, ...profile.roles.map((role) => counted(role.role, role.count))) : undefined],
        ["First and last", dateSpan(profile.firstDate, profile.lastDate)],
        ["Other entities by this name", others.length ? separated(others.slice(0, 10).map((other) => h("a", { href: entityUrl(other) }, `entity ${other}`))) : undefined],
        ["Type", h("a", { href: entitiesUrl(profile.type) }, `all ${entityTypeName(profile.type).toLowerCase()} entities`)],
      ],
      { class: "fields" },
    ),
  );
}

function relationsSection(profile: EntityView, relations: RelationsView | ApiFailure): HTMLElement {
  if (relations instanceof ApiFailure) return section("relations", "Relations", failurePanel(relations));
  if (relations.total === 0) {
    return section("relations", "Relations", h("p", { class: "note" }, "No relations read for this entity: meetings, payments, affiliations, reporting lines, recruitment and handling restrictions are read from the documents as they are ingested."));
  }
  const shownNote =
    relations.relations.length < relations.total
      ? h("p", { class: "note" }, `The first ${formatNumber(relations.relations.length)} of ${formatNumber(relations.total)}; `, h("a", { href: timelineUrl({ entity: profile.id }) }, "the timeline lists them all"), ".")
      : h("p", { class: "note" }, h("a", { href: timelineUrl({ entity: profile.id }) }, "See them on the timeline"), " · ", h("a", { href: moneyUrl(profile.id) }, "payments in the money ledger"));
  return section(
    "relations",
    "Relations",
    shownNote,
    h("ol", { class: "relations" }, ...relations.relations.map((relation) => h("li", { class: "relation" }, relationSummary(relation), evidenceQuote(relation.evidence, relation.documentId, relation.documentTitle)))),
  );
}

function mentionsSection(profile: EntityView): HTMLElement {
  if (profile.mentions.length === 0) return section("mentions", "Mentions", h("p", { class: "note" }, "No mentions are left on this entity."));
  const shownNote = profile.mentions.length < profile.mentionCount ? h("p", { class: "note" }, `The first ${formatNumber(profile.mentions.length)} of ${formatNumber(profile.mentionCount)}; search for the rest.`) : null;
  return section(
    "mentions",
    "Mentions",
    shownNote,
    h(
      "ol",
      { class: "mentions" },
      ...profile.mentions.map((mention) =>
        h(
          "li",
          { class: "mention-in-context" },
          h(
            "p",
            { class: "mention-source" },
            h("a", { href: `/documents/${mention.documentId}`, dir: "auto" }, mention.documentTitle || `document #${mention.documentId}`),
            ...(mention.documentDate ? [" · ", h("time", { attrs: { datetime: mention.documentDate } }, formatIsoDate(mention.documentDate))] : [" · undated"]),
          ),
          // The passage is document text: built from text nodes and one <mark>, never parsed.
          h(
            "p",
            { class: "passage", dir: "auto" },
            "…",
            mention.passage.slice(0, mention.highlightStart),
            h("mark", {}, mention.passage.slice(mention.highlightStart, mention.highlightEnd)),
            mention.passage.slice(mention.highlightEnd),
            "…",
          ),
        ),
      ),
    ),
  );
}

function coOccurringSection(profile: EntityView): HTMLElement | null {
  if (profile.coOccurring.length === 0) return null;
  return section(
    "appears-with",
    "Appears with",
    h(
      "ul",
      { class: "plain co-occurring" },
      ...profile.coOccurring.map((other) =>
        h(
          "li",
          {},
          h("a", { href: entityUrl(other.id), class: `entity-link type-${other.type}` }, nameSpan(other.name)),
          h("span", { class: "note" }, ` · ${entityTypeName(other.type)} · ${formatNumber(other.documents)} shared ${other.documents === 1 ? "document" : "documents"}`),
        ),
      ),
    ),
  );
}
