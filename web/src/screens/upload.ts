/**
 * Uploading files into the archive, with live progress: the bytes going out,
 * then the ingest job's files, rate, ETA, documents, and problems by stage
 * of the pipeline, as the server streams them. Each upload has its own
 * address (`/upload?id=…`), so its progress can be reopened.
 */
import { api, ApiFailure, type IngestStage, type UploadsView, type UploadView } from "../api.js";
import { append, definitions, h, replace } from "../dom.js";
import { formatBytes, formatDuration, formatNumber } from "../format.js";
import type { ScreenContext } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";
import { searchUrl } from "./search.js";

const STAGES: [IngestStage, string][] = [
  ["upload", "Upload (refused by the server)"],
  ["read", "Reading files"],
  ["detect", "Type and encoding"],
  ["unpack", "Unpacking archives"],
  ["extract", "Extracting text"],
];
const STATE_WORDS: Record<UploadView["state"], string> = { queued: "Waiting for the archive", ingesting: "Ingesting", done: "Done", failed: "Failed" };
const DOCUMENTS_LISTED = 25;

export async function uploadScreen(context: ScreenContext): Promise<void> {
  context.setTitle("Upload");
  loading(context.main, "upload settings");
  let settings: UploadsView;
  try {
    settings = await api.uploads(context.signal);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Upload", error);
    return;
  }
  const input = h("input", { id: "files", attrs: { type: "file", multiple: true, name: "files", "aria-describedby": "upload-limits" } });
  const chosen = h("p", { class: "chosen", attrs: { "aria-live": "polite" } }, "No files chosen.");
  const message = h("div", { class: "upload-message" });
  const progress = h("section", { class: "upload-progress", attrs: { "aria-labelledby": "progress-title" }, hidden: true });
  let files: File[] = [];
  const choose = (list: FileList | null) => {
    files = list ? [...list] : [];
    const total = files.reduce((sum, file) => sum + file.size, 0);
    chosen.textContent = files.length === 0 ? "No files chosen." : `${files.length} ${files.length === 1 ? "file" : "files"} chosen, ${formatBytes(total)}.`;
  };
  input.addEventListener("change", () => choose(input.files));
  const dropZone = h(
    "div",
    { class: "drop-zone" },
    h("label", { attrs: { for: "files" } }, "Choose files to add"),
    input,
    h("p", { class: "hint" }, "or drop them here"),
  );
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    dropZone.classList.add("dragging");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("dragging");
    if (event.dataTransfer?.files.length) {
      input.files = event.dataTransfer.files;
      choose(input.files);
    }
  });
  const submit = h("button", { attrs: { type: "submit" } }, "Upload and ingest");
  const form = h(
    "form",
    { class: "upload-form", attrs: { novalidate: true } },
    dropZone,
    chosen,
    h("p", { id: "upload-limits", class: "hint" }, `Text, HTML, e-mail, PDF, scans, Word, zip and tar files; up to ${formatNumber(settings.maxFiles)} files and ${formatBytes(settings.maxUploadBytes)} in one upload. They are stored beside the archive under names the server makes, and never changed.`),
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send();
  });

  const send = async () => {
    replace(message);
    const refusal = refuse(files, settings);
    if (refusal) {
      replace(message, failurePanel(refusal));
      return;
    }
    submit.disabled = true;
    const total = files.reduce((sum, file) => sum + file.size, 0);
    const bar = h("progress", { id: "sent", attrs: { max: Math.max(1, total), value: 0 } });
    const sentText = h("span", {}, `0 of ${formatBytes(total)}`);
    progress.hidden = false;
    replace(progress, h("h2", { id: "progress-title" }, "Sending"), h("p", { class: "bar" }, h("label", { attrs: { for: "sent" } }, "Sent "), bar, " ", sentText));
    try {
      const view = await api.sendFiles(files, (sent, of) => {
        bar.value = sent;
        sentText.textContent = `${formatBytes(sent)} of ${formatBytes(of || total)}`;
      }, context.signal);
      context.navigate(`/upload?${new URLSearchParams({ id: view.id })}`);
    } catch (error) {
      if (isAbort(error)) return;
      progress.hidden = true;
      replace(message, failurePanel(error));
      submit.disabled = false;
    }
  };

  replace(
    context.main,
    heading("Add files to the archive"),
    form,
    message,
    progress,
    recentUploads(settings.uploads, context.query.get("id")),
  );

  const id = context.query.get("id");
  if (!id) return;
  progress.hidden = false;
  replace(progress, h("h2", { id: "progress-title" }, "Upload ", h("code", {}, id)), h("p", { attrs: { role: "status" } }, "Connecting…"));
  try {
    const final = await api.followUpload(id, (view) => renderJob(progress, view), context.signal);
    renderJob(progress, final);
  } catch (error) {
    if (isAbort(error)) return;
    replace(progress, h("h2", { id: "progress-title" }, "Upload ", h("code", {}, id)), failurePanel(error));
  }
}

/** The browser's own check of the server's limits, so that a too-large upload is not sent at all. */
function refuse(files: File[], settings: UploadsView): ApiFailure | undefined {
  if (files.length === 0) return new ApiFailure(400, { code: "no-files", message: "choose at least one file first" });
  if (files.length > settings.maxFiles) return new ApiFailure(413, { code: "too-large", message: `an upload may hold at most ${formatNumber(settings.maxFiles)} files; these are ${formatNumber(files.length)}` });
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > settings.maxUploadBytes) {
    return new ApiFailure(413, { code: "too-large", message: `these files come to ${formatBytes(total)}, over the limit of ${formatBytes(settings.maxUploadBytes)} for one upload; send fewer at a time` });
  }
  return undefined;
}

function renderJob(container: HTMLElement, view: UploadView): void {
  const { progress } = view;
  const finished = view.state === "done" || view.state === "failed";
  const filesBar = h("progress", { id: "files-read", attrs: { max: Math.max(1, progress.filesTotal), value: progress.filesDone } });
  const entityStage = progress.stage === "entities" && (progress.entityDocumentsTotal ?? 0) > 0;
  const relationStage = progress.stage === "relations" && (progress.relationDocumentsTotal ?? 0) > 0;
  const rate = progress.bytesPerSecond > 0 ? `${formatBytes(progress.bytesPerSecond)}/s · ${progress.filesPerSecond} files/s` : "—";
  replace(
    container,
    h("h2", { id: "progress-title" }, "Upload ", h("code", {}, view.id)),
    h("p", { class: `state state-${view.state}`, attrs: { role: "status" } }, STATE_WORDS[view.state], view.state === "ingesting" ? (entityStage ? ": reading names in the new documents" : relationStage ? ": reading relations in the new documents" : "") : ""),
    h("p", { class: "bar" }, h("label", { attrs: { for: "files-read" } }, "Files read "), filesBar, ` ${formatNumber(progress.filesDone)} of ${formatNumber(progress.filesTotal)}`),
    entityStage ? h("p", { class: "bar" }, h("label", { attrs: { for: "names-read" } }, "Documents read for names "), h("progress", { id: "names-read", attrs: { max: Math.max(1, progress.entityDocumentsTotal ?? 1), value: progress.entityDocumentsDone ?? 0 } })) : null,
    relationStage ? h("p", { class: "bar" }, h("label", { attrs: { for: "relations-read" } }, "Documents read for relations "), h("progress", { id: "relations-read", attrs: { max: Math.max(1, progress.relationDocumentsTotal ?? 1), value: progress.relationDocumentsDone ?? 0 } })) : null,
    definitions(
      [
        ["Bytes", `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`],
        ["Rate", rate],
        ["Time left", finished ? undefined : progress.etaSeconds === null ? "working it out" : formatDuration(progress.etaSeconds)],
        ["Time taken", formatDuration(progress.elapsedMs / 1000)],
        ["Documents", formatNumber(progress.documents)],
        ["Problems", formatNumber(view.problems.length)],
      ],
      { class: "fields progress-fields" },
    ),
    problemsByStage(view),
    view.state === "failed" && view.error ? failurePanel(new ApiFailure(500, view.error)) : null,
    view.state === "done" ? doneSummary(view) : null,
  );
}

function problemsByStage(view: UploadView): HTMLElement | null {
  if (view.problems.length === 0) return null;
  const rows = STAGES.filter(([stage]) => (view.problemsByStage[stage] ?? 0) > 0).map(([stage, label]) => h("tr", {}, h("th", { attrs: { scope: "row" } }, label), h("td", {}, formatNumber(view.problemsByStage[stage] ?? 0))));
  return h(
    "div",
    { class: "problems" },
    h("h3", {}, "Problems by stage"),
    h("table", { class: "counts" }, h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Stage"), h("th", { attrs: { scope: "col" } }, "Problems"))), h("tbody", {}, ...rows)),
    h(
      "ul",
      { class: "problem-list" },
      ...view.problems.map((problem) =>
        h("li", {}, h("span", { class: "path", dir: "ltr" }, fileName(problem.locator)), " · ", h("code", {}, problem.code), ` · ${problem.message}`, problem.indexed ? " (its content still went in)" : ""),
      ),
    ),
  );
}

function doneSummary(view: UploadView): HTMLElement {
  const report = view.report;
  const documents = view.documents.slice(0, DOCUMENTS_LISTED);
  return h(
    "div",
    { class: "done" },
    h("p", {}, report ? `${formatNumber(report.documents.total)} documents from ${formatNumber(report.files.ingested)} of ${formatNumber(report.files.seen)} files; ${formatNumber(report.documents.duplicates)} exact duplicates. ` : "", h("a", { href: searchUrl(`path:"${view.folder.replace(/["\\]/g, "\\$&")}"`) }, "Search what this upload added")),
    documents.length
      ? h("ul", { class: "plain documents" }, ...documents.map((document) => h("li", {}, h("a", { href: `/documents/${document.id}`, dir: "auto" }, document.name), ` · ${document.type}${document.duplicateOf ? ` · duplicate of #${document.duplicateOf}` : ""}`)))
      : null,
  );
}

function recentUploads(uploads: UploadView[], current: string | null): HTMLElement | null {
  const others = uploads.filter((upload) => upload.id !== current);
  if (others.length === 0) return null;
  const list = h("ul", { class: "plain" });
  for (const upload of others.slice(0, 10)) {
    append(list, h("li", {}, h("a", { href: `/upload?${new URLSearchParams({ id: upload.id })}` }, upload.id), ` · ${STATE_WORDS[upload.state]} · ${upload.files.length} files · ${formatNumber(upload.progress.documents)} documents`));
  }
  return h("section", { class: "recent", attrs: { "aria-labelledby": "recent-title" } }, h("h2", { id: "recent-title" }, "Earlier uploads"), list);
}

function fileName(locator: string): string {
  return locator.split("/").slice(-1)[0] ?? locator;
}
