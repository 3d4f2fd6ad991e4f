/** A network whose names carry everything a hostile or foreign document can: markup, quotes, commas, line breaks, Persian, control characters. */
import { buildNetwork, type Network } from "../../../src/graph/network.js";
import { entity, link, networkSource, person } from "../fixtures.js";

export const NAMES = {
  markup: `Smith & "Sons" <Ltd> 'Trading'`,
  comma: "Jabouri, Salim",
  newline: "Line one\nline two",
  persian: "قاسم سلیمانی",
  control: "Bell\u0007Name",
  formula: "=HYPERLINK(\"x\")",
} as const;

export function hostileNetwork(): Network {
  return buildNetwork(
    networkSource(
      [
        entity(1, "organization", NAMES.markup),
        person(2, NAMES.comma),
        person(3, NAMES.newline),
        person(4, NAMES.persian),
        entity(5, "place", "Karbala"),
        entity(6, "source", "Source 134832"),
        person(7, NAMES.control),
        person(8, NAMES.formula),
      ],
      [
        link(1, 2, "payment"),
        link(2, 4, "meeting"),
        link(2, 4, "co-occurrence"),
        link(3, 4, "co-occurrence"),
        link(4, 5, "co-occurrence"),
        link(6, 4, "reporting"),
        link(7, 8, "recruitment"),
        link(8, 1, "affiliation"),
      ],
    ),
  );
}
