/**
 * Client-side routing on the history API: every screen has a URL, links
 * inside the app change screens without a page load, and Back returns to
 * the scroll position (and selected hit) the reader left.
 */

/** What a screen offers the keyboard: `j`/`k` and `Esc`. */
export interface ScreenHandle {
  /** Moves the selection by one item (`j` is 1, `k` is -1). */
  move?(step: 1 | -1): void;
  /** Remembered with the history entry, to restore on Back. */
  selection?(): number | undefined;
}

export interface ScreenContext {
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Aborted when the reader leaves the screen: fetches and event streams stop with it. */
  signal: AbortSignal;
  /** The selection to restore when coming Back. */
  restoredSelection?: number;
  navigate(url: string): void;
  setTitle(title: string): void;
}

export type Screen = (context: ScreenContext) => Promise<ScreenHandle | void>;

export interface Route {
  pattern: RegExp;
  /** Names of the pattern's groups, in order. */
  params?: string[];
  screen: Screen;
}

interface EntryState {
  depth: number;
  scroll?: number;
  selection?: number;
}

export class Router {
  private readonly routes: readonly Route[];
  private readonly fallback: Screen;
  private readonly main: HTMLElement;
  private current?: { controller: AbortController; handle: ScreenHandle | void };
  private rendering = 0;
  private loaded = false;

  constructor(main: HTMLElement, routes: readonly Route[], fallback: Screen) {
    this.main = main;
    this.routes = routes;
    this.fallback = fallback;
  }

  start(): void {
    history.scrollRestoration = "manual";
    if (!history.state) history.replaceState({ depth: 0 } satisfies EntryState, "");
    document.addEventListener("click", (event) => this.onClick(event));
    window.addEventListener("popstate", () => void this.render(true));
    void this.render(false);
  }

  get screen(): ScreenHandle | void {
    return this.current?.handle;
  }

  /** True when Back stays inside the app. */
  get canGoBack(): boolean {
    return ((history.state as EntryState | null)?.depth ?? 0) > 0;
  }

  navigate(url: string, options: { replace?: boolean } = {}): void {
    const state = (history.state as EntryState | null) ?? { depth: 0 };
    if (options.replace) {
      history.replaceState(state, "", url);
    } else {
      history.replaceState({ ...state, scroll: window.scrollY, selection: this.current?.handle?.selection?.() }, "");
      history.pushState({ depth: state.depth + 1 } satisfies EntryState, "", url);
    }
    void this.render(false);
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.("a");
    if (!link || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
    event.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      document.getElementById(decodeURIComponent(url.hash.slice(1)))?.focus();
      return;
    }
    this.navigate(url.pathname + url.search + url.hash);
  }

  private async render(restoring: boolean): Promise<void> {
    const ticket = ++this.rendering;
    this.current?.controller.abort();
    const controller = new AbortController();
    const { screen, params } = this.match(location.pathname);
    const state = (history.state as EntryState | null) ?? { depth: 0 };
    this.current = { controller, handle: undefined };
    const context: ScreenContext = {
      main: this.main,
      params,
      query: new URLSearchParams(location.search),
      signal: controller.signal,
      ...(restoring && state.selection !== undefined && { restoredSelection: state.selection }),
      navigate: (url) => this.navigate(url),
      setTitle: (title) => {
        document.title = title ? `${title} · Trove` : "Trove";
      },
    };
    markCurrentNavigation(location.pathname);
    try {
      const handle = await screen(context);
      if (ticket !== this.rendering) return;
      this.current.handle = handle;
    } catch (error) {
      if (controller.signal.aborted) return;
      throw error;
    }
    if (restoring) window.scrollTo(0, state.scroll ?? 0);
    else if (this.loaded && !this.main.contains(document.activeElement) && !isSearchBox(document.activeElement)) {
      window.scrollTo(0, 0);
      // Moving focus to the new screen's heading tells a screen reader the screen changed.
      (this.main.querySelector("h1") as HTMLElement | null)?.focus({ preventScroll: true });
    }
    this.loaded = true;
  }

  private match(pathname: string): { screen: Screen; params: Record<string, string> } {
    for (const route of this.routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const params: Record<string, string> = {};
      route.params?.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1] ?? "")));
      return { screen: route.screen, params };
    }
    return { screen: this.fallback, params: {} };
  }
}

function isSearchBox(element: Element | null): boolean {
  return element instanceof HTMLInputElement && element.type === "search";
}

/** The top-level screens, each with its link in the main navigation. */
const SECTIONS = ["entities", "graph", "timeline", "map", "money", "redactions", "upload", "tags", "overview"];

function markCurrentNavigation(pathname: string): void {
  const first = pathname.split("/")[1] ?? "";
  const section = SECTIONS.includes(first) ? first : first === "" || first === "search" ? "search" : "";
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) {
    if (link.dataset.nav === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}
