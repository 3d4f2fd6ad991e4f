/** The workbench in the browser: a router over its screens, the search box in the header, and the keys. */
import "../styles/app.css";
import { installKeyboard } from "./keyboard.js";
import { Router } from "./router.js";
import { entityListScreen } from "./screens/entities.js";
import { entityScreen } from "./screens/entity.js";
import { notFoundScreen } from "./screens/not-found.js";
import { overviewScreen } from "./screens/overview.js";
import { readerScreen } from "./screens/reader.js";
import { searchScreen } from "./screens/search.js";
import { uploadScreen } from "./screens/upload.js";

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
    { pattern: /^\/upload$/, screen: uploadScreen },
    { pattern: /^\/overview$/, screen: overviewScreen },
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
router.start();
