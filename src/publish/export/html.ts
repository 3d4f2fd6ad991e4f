/**
 * An excerpt as one self-contained, inert HTML file: no script, no remote
 * resource, every text escaped, and a Content-Security-Policy that forbids
 * anything else (images and fonts only as `data:` URLs, the one style sheet
 * only by its hash). It says nothing but the redacted title and passage: no
 * document id, no original file name, no metadata of the original.
 *
 * Persian and Arabic read right to left: every line takes its direction from
 * its own first strong letter, so a mixed excerpt reads properly. The
 * Vazirmatn font is embedded when the excerpt has Arabic script and the font
 * file is small enough; otherwise the reader's system fonts are used.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { REDACTION_MARK } from "../leak-check/check.js";
import { ExcerptError, type Excerpt, type ExcerptSegment } from "./excerpt.js";
import type { BurntPage } from "./scan.js";

/** A font bigger than this is not worth embedding in every excerpt. */
const MAX_EMBEDDED_FONT_BYTES = 96 * 1024;

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const SYSTEM_FONTS = `"Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, Arial, sans-serif`;

/** Burnt images of the excerpt's scanned pages, by page number. */
export type BurntPages = ReadonlyMap<number, BurntPage>;

export function renderHtml(excerpt: Excerpt, burntPages: BurntPages = new Map()): string {
  const body = excerpt.parts
    .map((part) => {
      if (part.kind === "text") return `<section>${paragraphs(part.segments)}</section>`;
      const burnt = burntPages.get(part.page);
      if (!burnt) throw new ExcerptError(`page ${part.page} is a scan and has no burnt image to publish`);
      const image = `<img src="data:image/jpeg;base64,${burnt.image.toString("base64")}" width="${burnt.width}" height="${burnt.height}" alt="Page ${part.page} of the original, with redacted regions blacked out">`;
      return `<section class="scan">${image}<h2>Text of page ${part.page}, read by OCR</h2>${paragraphs(part.segments)}</section>`;
    })
    .join("\n");
  const style = styleSheet(hasArabicScript(excerpt) ? embeddedFont() : undefined);
  const policy = `default-src 'none'; img-src data:; font-src data:; style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'; base-uri 'none'; form-action 'none'`;
  const language = excerpt.language === "und" ? "" : ` lang="${excerpt.language}"`;
  const direction = excerpt.language === "fa" || excerpt.language === "ar" ? "rtl" : "ltr";
  return `<!DOCTYPE html>
<html${language} dir="${direction}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(excerpt.title)}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1 dir="auto">${markedTitle(excerpt.title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/**
 * One `<p>` per line, each taking its direction from its own first strong
 * letter, so that a Persian line in an English cable (or the reverse) reads
 * the right way; a blank line leaves a gap before the next.
 */
function paragraphs(segments: readonly ExcerptSegment[]): string {
  const lines: string[] = [""];
  for (const segment of segments) {
    if (segment.kind === "redacted") {
      lines[lines.length - 1] += block();
      continue;
    }
    segment.text.replace(/\r\n?/g, "\n").split("\n").forEach((piece, index) => {
      if (index > 0) lines.push("");
      lines[lines.length - 1] += escapeHtml(piece);
    });
  }
  const html: string[] = [];
  let gap = false;
  for (const line of lines) {
    if (!line.trim()) {
      gap = html.length > 0;
      continue;
    }
    html.push(`<p dir="auto"${gap ? ' class="after-gap"' : ""}>${line}</p>`);
    gap = false;
  }
  return html.join("\n");
}

function block(): string {
  return `<span class="redacted" role="img" aria-label="redacted">${REDACTION_MARK}</span>`;
}

/** The title with each mark shown as a block, like the passage. */
function markedTitle(title: string): string {
  return title.split(REDACTION_MARK).map(escapeHtml).join(block());
}

function hasArabicScript(excerpt: Excerpt): boolean {
  return ARABIC_SCRIPT.test(excerpt.title) || excerpt.parts.some((part) => part.segments.some((segment) => segment.kind === "text" && ARABIC_SCRIPT.test(segment.text)));
}

/** Vazirmatn Regular as a `data:` URL, or undefined when it is missing or too big to embed. */
function embeddedFont(): string | undefined {
  let file: string;
  try {
    file = path.join(path.dirname(createRequire(import.meta.url).resolve("vazirmatn/package.json")), "fonts/webfonts/Vazirmatn-Regular.woff2");
  } catch {
    return undefined;
  }
  if (!existsSync(file) || statSync(file).size > MAX_EMBEDDED_FONT_BYTES) return undefined;
  return `data:font/woff2;base64,${readFileSync(file).toString("base64")}`;
}

function styleSheet(font: string | undefined): string {
  const face = font ? `@font-face{font-family:"Vazirmatn";src:url(${font}) format("woff2");font-weight:400;font-style:normal}` : "";
  const family = font ? `"Vazirmatn", ${SYSTEM_FONTS}` : SYSTEM_FONTS;
  return `${face}
@page{size:A4;margin:12mm}
html{font-family:${family};font-size:12pt;line-height:1.6;color:#111;background:#fff}
main{max-width:46em;margin:0 auto;padding:1em}
h1{font-size:1.4em;line-height:1.3}
h2{font-size:1em;color:#444}
p{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
p.after-gap{margin-top:.8em}
.redacted{background:#000;color:#000;letter-spacing:-.1em;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.scan{break-before:page}
.scan img{display:block;max-width:100%;max-height:265mm;width:auto;height:auto;margin:0 auto;break-after:page}
@media print{main{max-width:none;padding:0}}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
