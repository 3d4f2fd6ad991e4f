/**
 * Keys: `/` focuses the search box, `j` and `k` move through the hits (or
 * whatever list the screen offers), Enter opens the focused link (the
 * browser's own behaviour), Esc leaves a text box or goes back.
 */
import type { Router } from "./router.js";

export function installKeyboard(router: Router, searchBox: HTMLInputElement): void {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const typing = isTextEntry(event.target);
    if (event.key === "Escape") {
      if (typing) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (location.pathname === "/" || location.pathname === "/search") return;
      event.preventDefault();
      if (router.canGoBack) history.back();
      else router.navigate("/");
      return;
    }
    if (typing) return;
    if (event.key === "/") {
      event.preventDefault();
      searchBox.focus();
      searchBox.select();
    } else if (event.key === "j" || event.key === "k") {
      const screen = router.screen;
      if (!screen?.move) return;
      event.preventDefault();
      screen.move(event.key === "j" ? 1 : -1);
    }
  });
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["button", "submit", "checkbox", "radio", "file", "reset"].includes(target.type);
}
