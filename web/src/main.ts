/** The workbench in the browser: a router over its screens, the search box in the header, and the keys. */
import "../styles/app.css";
import "../styles/relations.css";
import "../styles/redactions.css";
import { ApiFailure } from "./api.js";
import { installKeyboard } from "./keyboard.js";
import { Router, type Screen } from "./router.js";
import { failureScreen } from "./screens/common.js";
import { entityListScreen } from "./screens/entities.js";
import { entityScreen } from "./screens/entity.js";
import { moneyScreen } from "./screens/money.js";
import { notFoundScreen } from "./screens/not-found.js";
import { overviewScreen } from "./screens/overview.js";
import { readerScreen } from "./screens/reader.js";
import { redactionsScreen } from "./screens/redactions.js";
import { searchScreen } from "./screens/search.js";
import { timelineScreen } from "./screens/timeline.js";
import { tagsScreen } from "./screens/tags.js";
import { uploadScreen } from "./screens/upload.js";
import { installSession } from "./screens/login.js";

/**
 * A screen whose code (and the drawing library and map data it brings) is
 * fetched the first time it is opened, so that the search screen loads without it.
 */
function onDemand(title: string, load: () => Promise<Screen>): Screen {
  return async (context) => {
    let screen: Screen;
    try {
      screen = await load();
    } catch {
      // Typically a server rebuilt since this page loaded: the chunk's hashed name is gone.
      failureScreen(context.main, title, new ApiFailure(0, { code: "network", message: "this screen's code could not be loaded; reload the page" }));
      return;
    }
    return screen(context);
  };
}

const main = document.getElementById("main")!;
const searchBox = document.getElementById("q") as HTMLInputElement;
const searchForm = searchBox.form!;

const router = new Router(
  main,
  [
    { pattern: /^\/(?:search)?$/, screen: (context) => searchScreen(context, searchBox) },
    { pattern: /^\/documents\/([^/]+)$/, params: ["id"], screen: readerScreen },
    { pattern: /^\/entities$/, screen: entityListScreen },
    { pattern: /^\/entities\/([^/]+)$/, params: ["id"], screen: entityScreen },
    { pattern: /^\/graph$/, screen: onDemand("Network", async () => (await import("./screens/graph.js")).graphScreen) },
    { pattern: /^\/timeline$/, screen: timelineScreen },
    { pattern: /^\/map$/, screen: onDemand("Map", async () => (await import("./screens/map.js")).mapScreen) },
    { pattern: /^\/money$/, screen: moneyScreen },
    { pattern: /^\/redactions$/, screen: redactionsScreen },
    { pattern: /^\/upload$/, screen: uploadScreen },
    { pattern: /^\/overview$/, screen: overviewScreen },
    { pattern: /^\/tags$/, screen: tagsScreen },
  ],
  notFoundScreen,
);

searchForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = searchBox.value.trim();
  // Leaving the box lets j and k move through the hits straight away.
  searchBox.blur();
  router.navigate(query ? `/search?${new URLSearchParams({ q: query })}` : "/");
});

installKeyboard(router, searchBox);
void installSession(document.querySelector<HTMLElement>(".masthead")!);
router.start();
