/** Pieces every screen uses: its heading, a waiting note, and the panel that explains a failure. */
import { ApiFailure } from "../api.js";
import { h, replace, type Child } from "../dom.js";

/** The screen's one `h1`, focusable so that the router can move focus to it. */
export function heading(...children: Child[]): HTMLHeadingElement {
  return h("h1", { attrs: { tabindex: -1 } }, ...children);
}

export function loading(main: HTMLElement, what: string): void {
  replace(main, h("p", { class: "loading", attrs: { role: "status" } }, `Loading ${what}…`));
}

/** What went wrong, in the API's words, with its stable code; never a stack trace. */
export function failurePanel(error: unknown): HTMLElement {
  const failure = error instanceof ApiFailure ? error : new ApiFailure(0, { code: "unexpected", message: error instanceof Error ? error.message : String(error) });
  return h(
    "div",
    { class: "failure", attrs: { role: "alert" } },
    h("p", {}, h("strong", {}, failureTitle(failure)), " ", failure.message, "."),
    h("p", { class: "failure-code" }, "Error code: ", h("code", {}, failure.code)),
  );
}

function failureTitle(failure: ApiFailure): string {
  if (failure.status === 404) return "Not found:";
  if (failure.status === 413) return "Too large:";
  if (failure.status >= 400 && failure.status < 500) return "Not accepted:";
  if (failure.status === 0) return "No answer:";
  return "The server failed:";
}

/** A failure as the whole screen: heading, explanation, a way on. */
export function failureScreen(main: HTMLElement, title: string, error: unknown): void {
  replace(main, heading(title), failurePanel(error), h("p", {}, h("a", { href: "/" }, "Back to search")));
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
