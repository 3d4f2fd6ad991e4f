/**
 * The cable parsers in the order they are asked: the most specific layouts
 * first, the generic reader last. The first parser that recognises a document
 * reads it; a parser that fails leaves a generic reading with its warning, so
 * parsing never stops an ingest.
 */
import type { Cable, CableParser, ParseInput } from "../model/cable.js";
import { cablegateParser } from "./cablegate.js";
import { crestParser } from "./crest.js";
import { emailMessageParser } from "./email-message.js";
import { fieldReportParser } from "./field-report.js";
import { genericParser } from "./generic.js";
import { plusdParser } from "./plusd.js";

export const CABLE_PARSERS: readonly CableParser[] = [emailMessageParser, plusdParser, cablegateParser, crestParser, fieldReportParser, genericParser];

/**
 * A cable is never this long; a longer text is a dump or a book, and reading
 * its layout past here would make parsing dominate ingest. Offsets stay valid:
 * the parsers see a prefix of the text.
 */
export const PARSE_MAX_CHARS = 500_000;

/** Reads the layout of a document into a `Cable`; never throws. */
export function parseCable(input: ParseInput, parsers: readonly CableParser[] = CABLE_PARSERS): Cable {
  if (input.text.length <= PARSE_MAX_CHARS) return parseWhole(input, parsers);
  const cable = parseWhole({ ...input, text: input.text.slice(0, PARSE_MAX_CHARS) }, parsers);
  return { ...cable, warnings: [...cable.warnings, `only the first ${PARSE_MAX_CHARS} of ${input.text.length} characters were read for the layout`] };
}

function parseWhole(input: ParseInput, parsers: readonly CableParser[]): Cable {
  for (const parser of parsers) {
    let recognised = false;
    try {
      recognised = parser.recognises(input);
      if (recognised) return parser.parse(input);
    } catch (error) {
      if (!recognised) continue;
      const fallback = genericParser.parse(input);
      return { ...fallback, warnings: [...fallback.warnings, `the ${parser.layout} parser failed: ${(error as Error).message}`] };
    }
  }
  return genericParser.parse(input);
}
