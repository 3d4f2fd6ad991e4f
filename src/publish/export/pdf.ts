/**
 * An excerpt as PDF: the excerpt's HTML printed by headless Chromium (scripts
 * off, network refused), then given an info dictionary that says only the
 * redacted title and "Trove" as author, creator and producer. Chromium writes
 * no XMP and no outline or tags here, so the text layer, the info dictionary
 * and the embedded images are the whole of what the file carries.
 */
import type { Browser } from "playwright-core";
import { openInertPage } from "./chromium.js";
import { replacePdfInfo } from "./pdf-info.js";

/** What an exported PDF names as its author, creator and producer. */
const NEUTRAL_AUTHOR = "Trove";

export async function renderPdf(html: string, title: string, browser: Browser): Promise<Buffer> {
  const page = await openInertPage(browser);
  try {
    await page.setContent(html, { waitUntil: "load" });
    const printed = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, outline: false, tagged: false });
    return replacePdfInfo(printed, { Title: title, Author: NEUTRAL_AUTHOR, Creator: NEUTRAL_AUTHOR, Producer: NEUTRAL_AUTHOR });
  } finally {
    await page.close();
  }
}
