/**
 * Signing in to a shared workbench: a modal dialog over whatever screen was
 * open, shown whenever the API answers 401, and a "Sign out" button in the
 * header while signed in. Signing in or out reloads the page, so that every
 * screen starts again under the new session and nothing read before stays
 * on screen. An open workbench (no users) shows neither.
 */
import { csrfHeaders, getJson, rememberSession, sendJson, SIGNED_OUT_EVENT, type SessionView } from "../api.js";
import { h } from "../dom.js";
import { failurePanel } from "./common.js";

let dialog: HTMLDialogElement | undefined;

export async function installSession(masthead: HTMLElement): Promise<void> {
  window.addEventListener(SIGNED_OUT_EVENT, showSignIn);
  let session: SessionView;
  try {
    session = await getJson<SessionView>("/api/session");
  } catch {
    // The screens explain a server that does not answer; the header simply stays as it is.
    return;
  }
  rememberSession(session);
  if (session.mode === "signed-in") masthead.append(signOutButton(session.user.name));
  if (session.mode === "signed-out") showSignIn();
}

function showSignIn(): void {
  if (dialog?.open) return;
  const name = h("input", { id: "sign-in-name", attrs: { name: "username", autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true } });
  const password = h("input", { id: "sign-in-password", attrs: { type: "password", name: "password", autocomplete: "current-password", required: true } });
  const submit = h("button", { attrs: { type: "submit" } }, "Sign in");
  const message = h("div", { class: "sign-in-message", attrs: { "aria-live": "polite" } });
  const form = h(
    "form",
    {
      class: "sign-in",
      on: {
        submit: (event) => {
          event.preventDefault();
          submit.disabled = true;
          sendJson<SessionView>("/api/session", { name: name.value, password: password.value }).then(
            () => window.location.reload(),
            (error: unknown) => {
              password.value = "";
              submit.disabled = false;
              message.replaceChildren(failurePanel(error));
              password.focus();
            },
          );
        },
      },
    },
    h("p", {}, h("label", { attrs: { for: "sign-in-name" } }, "Name"), " ", name),
    h("p", {}, h("label", { attrs: { for: "sign-in-password" } }, "Password"), " ", password),
    message,
    h("p", {}, submit),
  );
  dialog = h(
    "dialog",
    // Escape must not leave a page that every request would refuse.
    { class: "sign-in-dialog", attrs: { "aria-labelledby": "sign-in-title" }, on: { cancel: (event) => event.preventDefault() } },
    h("h2", { id: "sign-in-title" }, "Sign in to Trove"),
    h("p", {}, "This archive is shared: sign in with the name and password an admin gave you."),
    form,
  );
  document.body.append(dialog);
  dialog.showModal();
  name.focus();
}

function signOutButton(userName: string): HTMLButtonElement {
  return h(
    "button",
    {
      class: "sign-out",
      attrs: { type: "button" },
      on: {
        click: () => {
          void fetch("/api/session", { method: "DELETE", headers: csrfHeaders() }).finally(() => window.location.assign("/"));
        },
      },
    },
    `Sign out ${userName}`,
  );
}
