/**
 * The verification report as one HTML page a newsroom can keep, send and
 * open offline: a summary at the top, then every table of the JSON report.
 *
 * The page is inert whatever the archive holds. Every value that comes from
 * a document (names, paths, titles, passages, PDF metadata) is escaped as
 * text; the page has no script, loads nothing (its Content-Security-Policy
 * allows inline styles and nothing else), and links only to its own sections.
 */
import type { Claim, ClaimsReport } from "./claims.js";
import { FINDING_KINDS, type Finding } from "./finding.js";
import type { ManifestEntry } from "./manifest.js";
import type { NearDuplicatePair } from "./near-duplicates.js";
import type { VerificationReport } from "./report.js";

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 78em; padding: 0 1em; color: #1d1d1f; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #d0d0d0; padding: .25em .5em; text-align: start; vertical-align: top; }
th { background: #f2f2f2; }
td.number { text-align: end; font-variant-numeric: tabular-nums; }
code, .hash { font-family: ui-monospace, monospace; font-size: .92em; word-break: break-all; }
.warning { color: #9a3412; font-weight: 600; } .info { color: #1e40af; }
.evidence { font-family: ui-monospace, monospace; font-size: .92em; background: #fafafa; }
.muted { color: #666; }
nav a { margin-inline-end: 1em; }
`;

/** Documents named in a finding's cell before "and N more". */
const DOCUMENTS_SHOWN = 12;

export function renderVerificationHtml(report: VerificationReport): string {
  const documents = new Map(report.manifest.entries.map((entry) => [entry.id, entry]));
  const documentRef = (id: number) => {
    const entry = documents.get(id);
    return `<span title="${escapeHtml(entry?.path ?? "")}">#${id}</span>${entry ? ` <span dir="auto">${escapeHtml(entry.name)}</span>` : ""}`;
  };
  const documentList = (ids: readonly number[]) =>
    ids.slice(0, DOCUMENTS_SHOWN).map(documentRef).join("<br>") + (ids.length > DOCUMENTS_SHOWN ? `<br><span class="muted">and ${ids.length - DOCUMENTS_SHOWN} more</span>` : "");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Verification report — ${escapeHtml(report.archive)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<h1>Verification report</h1>",
    `<p>Archive <code>${escapeHtml(report.archive)}</code>, schema ${report.schemaVersion}; generated ${escapeHtml(report.generatedAt)}.<br>`,
    `Manifest digest (SHA-256 of <code>sha256  path</code> lines in id order): <span class="hash">${escapeHtml(report.manifest.digest)}</span></p>`,
    '<nav><a href="#summary">Summary</a><a href="#findings">Findings</a><a href="#duplicates">Duplicates</a><a href="#pdfs">PDF metadata</a><a href="#claims">Claims to check</a><a href="#manifest">Manifest</a></nav>',
    summarySection(report),
    findingsSection(report.findings, documentList),
    duplicatesSection(report, documentRef),
    pdfSection(report, documentRef),
    claimsSection(report.claims, documentRef),
    manifestSection(report),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function summarySection(report: VerificationReport): string {
  const { summary } = report;
  const span = summary.span ? `${summary.span.first} to ${summary.span.last} (${summary.span.dated} dated documents; outliers before ${summary.span.lowerFence} or after ${summary.span.upperFence})` : "too few dated documents to tell";
  const facts: [string, string | number][] = [
    ["Originals (files, members, attachments, copies)", summary.originals],
    ["Indexed (copies left out)", summary.indexed],
    ["Exact duplicates (same SHA-256)", summary.duplicates],
    ["Near-duplicate pairs", summary.nearDuplicatePairs],
    ["Alike texts under different reference numbers", summary.differentlyNumberedPairs],
    ["PDFs", summary.pdfs],
    ["Dated between", span],
    ["Warnings", summary.warnings],
    ["For information", summary.infos],
  ];
  const kinds = summary.findings.map(
    (count) =>
      `<tr><td>${count.warnings + count.infos > 0 ? `<a href="#${count.kind}">${escapeHtml(count.title)}</a>` : escapeHtml(count.title)}</td>` +
      `<td class="number${count.warnings > 0 ? " warning" : ""}">${count.warnings}</td><td class="number">${count.infos}</td></tr>`,
  );
  return [
    '<h2 id="summary">Summary</h2>',
    `<table>${facts.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(String(value))}</td></tr>`).join("")}</table>`,
    "<table><thead><tr><th>Check</th><th>Warnings</th><th>Information</th></tr></thead><tbody>",
    ...kinds,
    "</tbody></table>",
  ].join("\n");
}

function findingsSection(findings: Finding[], documentList: (ids: readonly number[]) => string): string {
  const parts = ['<h2 id="findings">Findings</h2>'];
  if (findings.length === 0) parts.push("<p>No check found anything to report.</p>");
  for (const { kind, title, description, quotesText } of FINDING_KINDS) {
    const ofKind = findings.filter((finding) => finding.kind === kind);
    if (ofKind.length === 0) continue;
    parts.push(
      `<h3 id="${kind}">${escapeHtml(title)} (${ofKind.length})</h3>`,
      `<p class="muted">${isolatingRightToLeft(description)}</p>`,
      "<table><thead><tr><th>Severity</th><th>Documents</th><th>Finding</th><th>Evidence</th></tr></thead><tbody>",
      ...ofKind.map(
        (finding) =>
          `<tr><td class="${finding.severity}">${finding.severity}</td><td>${documentList(finding.documentIds)}</td>` +
          `<td>${isolatingRightToLeft(finding.message)}</td>` +
          (quotesText ? `<td class="evidence" dir="auto">${escapeHtml(finding.evidence ?? "")}</td></tr>` : `<td class="evidence">${isolatingRightToLeft(finding.evidence ?? "")}</td></tr>`),
      ),
      "</tbody></table>",
    );
  }
  return parts.join("\n");
}

function duplicatesSection(report: VerificationReport, documentRef: (id: number) => string): string {
  const { nearDuplicates, duplicates } = report;
  const method = nearDuplicates.method;
  const pairRows = (pairs: readonly NearDuplicatePair[], extra: (pair: NearDuplicatePair) => string = () => "") =>
    pairs.map((pair) => `<tr><td>${documentRef(pair.documentIds[0])}</td><td>${documentRef(pair.documentIds[1])}</td><td class="number">${pair.jaccard.toFixed(3)}</td><td class="number">${pair.estimatedJaccard.toFixed(3)}</td>${extra(pair)}</tr>`);
  const head = (extra = "") => `<table><thead><tr><th>Document</th><th>Document</th><th>Jaccard</th><th>Estimated</th>${extra}</tr></thead><tbody>`;
  return [
    '<h2 id="duplicates">Duplicates</h2>',
    `<h3>Exact duplicates (${duplicates.length} originals copied)</h3>`,
    duplicates.length === 0
      ? "<p>No two documents have the same bytes.</p>"
      : "<table><thead><tr><th>Original</th><th>SHA-256</th><th>Copies</th></tr></thead><tbody>" +
        duplicates.map((group) => `<tr><td>${documentRef(group.originalId)}</td><td class="hash">${escapeHtml(group.sha256)}</td><td>${group.copies.map((copy) => `${documentRef(copy.id)} <span class="muted">ingested ${escapeHtml(copy.ingestedAt)}</span>`).join("<br>")}</td></tr>`).join("") +
        "</tbody></table>",
    `<h3>Near-duplicates (${nearDuplicates.pairs.length} pairs)</h3>`,
    `<p class="muted">MinHash with LSH banding over ${method.shingleWords}-word shingles of the normalised text: ${method.hashes} hash functions in ${method.bands} bands of ${method.rowsPerBand}, seed ${method.seed}. ` +
      `${nearDuplicates.documents} documents compared, ${nearDuplicates.candidates} candidate pairs; pairs estimated at ${method.threshold} or more were verified on their texts (${nearDuplicates.rejected} fell short).</p>`,
    nearDuplicates.pairs.length === 0 ? "<p>No near-duplicates.</p>" : `${head()}${pairRows(nearDuplicates.pairs).join("")}</tbody></table>`,
    `<h3>Alike texts under different reference numbers (${nearDuplicates.differentReferences.length} pairs)</h3>`,
    "<p class=\"muted\">Mostly different documents in one template (pages of one web site, forms); sometimes a copy given a new number.</p>",
    nearDuplicates.differentReferences.length === 0
      ? "<p>None.</p>"
      : `${head("<th>References</th>")}${nearDuplicates.differentReferences.map((pair) => pairRows([pair], () => `<td dir="auto">${escapeHtml(pair.references.join(" / "))}</td>`)[0]).join("")}</tbody></table>`,
  ].join("\n");
}

function pdfSection(report: VerificationReport, documentRef: (id: number) => string): string {
  const { documents, producers } = report.pdfs;
  if (documents.length === 0) return '<h2 id="pdfs">PDF metadata</h2>\n<p>The archive holds no PDFs.</p>';
  return [
    '<h2 id="pdfs">PDF metadata</h2>',
    `<p>Producers: ${producers.map((entry) => `<span dir="auto">${escapeHtml(entry.producer)}</span> (${entry.count})`).join(", ") || "none recorded"}.</p>`,
    "<table><thead><tr><th>Document</th><th>Producer</th><th>Creator</th><th>Author</th><th>Created</th><th>Modified</th><th>Read from</th></tr></thead><tbody>",
    ...documents.map(
      (pdf) =>
        `<tr><td>${documentRef(pdf.documentId)}</td><td dir="auto">${escapeHtml(pdf.producer ?? "")}</td><td dir="auto">${escapeHtml(pdf.creator ?? "")}</td><td dir="auto">${escapeHtml(pdf.author ?? "")}</td>` +
        `<td>${escapeHtml(pdf.created ?? "")}</td><td>${escapeHtml(pdf.modified ?? "")}</td><td>${pdf.readFrom === "original" ? "the file on disk" : "the ingest record"}${pdf.note ? `<br><span class="muted">${escapeHtml(pdf.note)}</span>` : ""}</td></tr>`,
    ),
    "</tbody></table>",
  ].join("\n");
}

function claimsSection(claims: ClaimsReport, documentRef: (id: number) => string): string {
  const parts = ['<h2 id="claims">Claims to check</h2>'];
  if (!claims.available) {
    parts.push(`<p>${escapeHtml(claims.note ?? "No claims could be listed.")}</p>`);
    return parts.join("\n");
  }
  parts.push("<p class=\"muted\">The people, places, organisations and days the archive names most, with the earliest documents that name them: corroborate them outside the leak before relying on it.</p>");
  const sections: [string, Claim[]][] = [["People", claims.people], ["Places", claims.places], ["Organisations", claims.organizations], ["Days", claims.dates]];
  for (const [title, list] of sections) {
    if (list.length === 0) continue;
    parts.push(
      `<h3>${title}</h3>`,
      "<table><thead><tr><th>Name</th><th>Documents</th><th>Mentions</th><th>Dated</th><th>Named in</th><th>First passage</th></tr></thead><tbody>",
      ...list.map(
        (claim) =>
          `<tr><td dir="auto">${escapeHtml(claim.name)}${claim.aliases.length > 0 ? `<br><span class="muted">also ${escapeHtml(claim.aliases.join(", "))}</span>` : ""}</td>` +
          `<td class="number">${claim.documentCount}</td><td class="number">${claim.mentions}</td>` +
          `<td>${escapeHtml(claim.firstDate ?? "")}${claim.lastDate && claim.lastDate !== claim.firstDate ? ` – ${escapeHtml(claim.lastDate)}` : ""}</td>` +
          `<td>${claim.documents.map((document) => `${documentRef(document.id)}${document.date ? ` <span class="muted">${escapeHtml(document.date)}</span>` : ""}`).join("<br>")}</td>` +
          `<td class="evidence" dir="auto">${claim.passage ? `#${claim.passage.documentId}: ${escapeHtml(claim.passage.text)}` : ""}</td></tr>`,
      ),
      "</tbody></table>",
    );
  }
  return parts.join("\n");
}

function manifestSection(report: VerificationReport): string {
  const { entries, runs } = report.manifest;
  const entryRow = (entry: ManifestEntry) =>
    `<tr><td class="number">${entry.id}</td><td dir="auto"><code>${escapeHtml(entry.path)}</code></td><td class="hash">${escapeHtml(entry.sha256)}</td>` +
    `<td class="number">${entry.size}</td><td>${escapeHtml(entry.type)}</td><td>${escapeHtml(entry.ingestedAt)}</td>` +
    `<td>${entry.parentId === undefined ? "" : `in #${entry.parentId}`}${entry.duplicateOf === undefined ? "" : `${entry.parentId === undefined ? "" : "; "}copy of #${entry.duplicateOf}`}</td></tr>`;
  return [
    '<h2 id="manifest">Manifest</h2>',
    "<h3>Ingest runs</h3>",
    "<table><thead><tr><th>Run</th><th>Inputs</th><th>Started</th><th>Finished</th></tr></thead><tbody>",
    ...runs.map((run) => `<tr><td class="number">${run.id}</td><td dir="auto">${run.inputs.map((input) => `<code>${escapeHtml(input)}</code>`).join("<br>")}</td><td>${escapeHtml(run.startedAt)}</td><td>${escapeHtml(run.finishedAt ?? "not finished")}</td></tr>`),
    "</tbody></table>",
    `<h3>Originals (${entries.length})</h3>`,
    "<table><thead><tr><th>Id</th><th>Path</th><th>SHA-256</th><th>Bytes</th><th>Type</th><th>Ingested</th><th>Custody</th></tr></thead><tbody>",
    ...entries.map(entryRow),
    "</tbody></table>",
  ].join("\n");
}

/** A run of right-to-left script, with the digits, spaces and punctuation inside it: `ک/۵۰۲/۹۳`, `دفتر کربلا`. */
const RIGHT_TO_LEFT_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC](?:[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u200C\u200D\s/.،–-]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC])?/g;

/**
 * English text that quotes Persian or Arabic (`ک/۷۰۶/۹۳ is dated 2014-11-23`),
 * escaped, with each right-to-left run isolated so that it does not pull
 * the dates and arrows around it into its own direction.
 */
function isolatingRightToLeft(text: string): string {
  let html = "";
  let last = 0;
  for (const run of text.matchAll(RIGHT_TO_LEFT_RUN)) {
    html += `${escapeHtml(text.slice(last, run.index))}<bdi>${escapeHtml(run[0])}</bdi>`;
    last = run.index! + run[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Control characters, and the bidi overrides that make a file name read backwards, are shown by their code instead. */
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** Text as HTML that shows it and does nothing else, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ESCAPES[character]!)
    .replace(HIDDEN_CHARACTERS, (character) => `[U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);
}
