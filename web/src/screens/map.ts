/**
 * Places on a map: every place the documents name, located offline against
 * the gazetteer. Located places are drawn on the world map, sized by their
 * mentions; a place several entries fit is listed with its candidates rather
 * than put where one of them guesses; places no entry fits are listed too.
 * Each name opens its profile.
 */
import { api, type GazetteerPlace, type PlacesView, type PlaceView } from "../api.js";
import { h, replace } from "../dom.js";
import { formatNumber } from "../format.js";
import type { ScreenContext } from "../router.js";
import { fitLabelPlates } from "../svg-labels.js";
import { drawWorldMap } from "../world-map.js";
import { failureScreen, heading, isAbort, loading } from "./common.js";
import { entityUrl, separated } from "./entities.js";
import { entityLink } from "./relation-view.js";

const WIDTH = 960;
const HEIGHT = 540;

export async function mapScreen(context: ScreenContext): Promise<void> {
  context.setTitle("Map");
  loading(context.main, "the places");
  let view: PlacesView;
  try {
    view = await api.places(context.signal);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Map", error);
    return;
  }
  const located = view.places.filter((place) => place.status === "located" && place.location);
  const ambiguous = view.places.filter((place) => place.status === "ambiguous");
  const unknown = view.places.filter((place) => place.status === "unknown");
  const intro = h("p", { class: "note" }, "The places the documents name, located against an offline gazetteer: nothing is looked up on the internet. A place that several entries could be is listed with its candidates instead of being guessed.");
  if (view.places.length === 0) {
    replace(
      context.main,
      heading("Map"),
      intro,
      h("p", { class: "empty" }, "No places yet: they are found in the documents' text when documents are ingested with the entity stage. ", h("a", { href: "/upload" }, "Add files"), " to begin."),
    );
    return;
  }
  const map = located.length ? drawWorldMap(located, { width: WIDTH, height: HEIGHT, open: (place) => context.navigate(entityUrl(place.id)) }) : undefined;
  replace(
    context.main,
    heading("Map"),
    intro,
    map
      ? h("figure", { class: "map-figure" }, map, h("figcaption", { class: "note" }, "Circle size: mentions. Country outlines: Natural Earth."))
      : h("p", { class: "empty" }, "None of the places could be located; they are listed below."),
    locatedTable(located),
    ambiguousSection(ambiguous),
    unknownSection(unknown),
  );
  if (map) fitLabelPlates(map);
}

function where(place: GazetteerPlace): string {
  return `${place.name}, ${place.country} (${place.kind}, ${place.latitude.toFixed(2)}, ${place.longitude.toFixed(2)})`;
}

function counts(place: PlaceView): string {
  return `${formatNumber(place.mentions)} ${place.mentions === 1 ? "mention" : "mentions"} in ${formatNumber(place.documents)} ${place.documents === 1 ? "document" : "documents"}`;
}

function locatedTable(places: PlaceView[]): HTMLElement | null {
  if (places.length === 0) return null;
  const column = (label: string, className?: string) => h("th", { attrs: { scope: "col" }, ...(className && { class: className }) }, label);
  return h(
    "section",
    { attrs: { "aria-labelledby": "located-places" } },
    h("h2", { id: "located-places" }, `Located (${formatNumber(places.length)})`),
    h(
      "table",
      { class: "entity-table places-table" },
      h("thead", {}, h("tr", {}, column("Place"), column("Located as"), column("Mentions", "number"), column("Documents", "number"))),
      h(
        "tbody",
        {},
        ...places.map((place) =>
          h(
            "tr",
            {},
            h("th", { attrs: { scope: "row" } }, entityLink(place)),
            h("td", {}, where(place.location!)),
            h("td", { class: "number" }, formatNumber(place.mentions)),
            h("td", { class: "number" }, formatNumber(place.documents)),
          ),
        ),
      ),
    ),
  );
}

function ambiguousSection(places: PlaceView[]): HTMLElement | null {
  if (places.length === 0) return null;
  return h(
    "section",
    { attrs: { "aria-labelledby": "ambiguous-places" } },
    h("h2", { id: "ambiguous-places" }, `Ambiguous (${formatNumber(places.length)})`),
    h("p", { class: "note" }, "Several places bear these names and nothing in the archive tells them apart; none is drawn."),
    h(
      "ul",
      { class: "plain place-list" },
      ...places.map((place) => h("li", {}, entityLink(place), h("span", { class: "note" }, ` · ${counts(place)} · could be `), ...separated(place.candidates.map(where)))),
    ),
  );
}

function unknownSection(places: PlaceView[]): HTMLElement | null {
  if (places.length === 0) return null;
  return h(
    "section",
    { attrs: { "aria-labelledby": "unknown-places" } },
    h("h2", { id: "unknown-places" }, `Not in the gazetteer (${formatNumber(places.length)})`),
    h("ul", { class: "plain place-list" }, ...places.map((place) => h("li", {}, entityLink(place), h("span", { class: "note" }, ` · ${counts(place)}`)))),
  );
}
