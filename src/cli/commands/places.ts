import { Command, Option } from "commander";
import { PLACE_STATUSES, placesView, type PlaceStatus } from "../../extract/geocode.js";
import type { GazetteerPlace, PlaceView } from "../../model/network.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatTable } from "../format.js";

function where(place: GazetteerPlace): string {
  return `${place.name}, ${place.country}`;
}

function describe(place: PlaceView): { where: string; coordinates: string } {
  if (place.location) return { where: where(place.location), coordinates: `${place.location.latitude.toFixed(4)}, ${place.location.longitude.toFixed(4)}` };
  if (place.status === "ambiguous") return { where: `one of: ${place.candidates.map(where).join(" · ")}`, coordinates: "" };
  return { where: "not in the gazetteer", coordinates: "" };
}

export function placesCommand(): Command {
  return new Command("places")
    .description("list the places the archive names, put on the map from the offline gazetteer: located, ambiguous (candidates listed, none guessed) or unknown")
    .addOption(archiveOption())
    .addOption(new Option("-s, --status <status>", "only places with this status").choices(PLACE_STATUSES))
    .addOption(new Option("-n, --limit <n>", "places to show").default(50).argParser(Number))
    .option("--json", "print {places: [{id, type, name, mentions, documents, status, location, candidates}]} as JSON")
    .addHelpText(
      "after",
      `
A place is located when one gazetteer entry fits its names (in any script) or
clearly outweighs the others: a country outranks a town of the same name, and
a city wins when it has ten times the people of the next candidate. Otherwise
it is ambiguous, unless the archive's other located places point clearly to
one candidate's country. Names in no gazetteer are unknown, and still listed.

Examples:
  trove places
  trove places --status ambiguous
  trove places --json --limit 500        # for a map`,
    )
    .action((options: { archive: string; status?: PlaceStatus; limit: number; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const view = placesView(store.entities, { ...(options.status && { status: options.status }), limit: options.limit });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
          return;
        }
        if (view.places.length === 0) {
          process.stdout.write(
            options.status
              ? `No ${options.status} places.\n`
              : "No places yet. Ingest documents (entity extraction is part of ingest), then run this again.\n",
          );
          return;
        }
        const rows = view.places.map((place) => {
          const { where: location, coordinates } = describe(place);
          return [place.id, place.name, place.status, location, coordinates, place.mentions, place.documents];
        });
        process.stdout.write(`${formatTable([["id", "name", "status", "where", "lat, lon", "mentions", "documents"], ...rows])}\n`);
      } finally {
        store.close();
      }
    });
}
