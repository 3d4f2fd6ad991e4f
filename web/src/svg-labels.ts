/**
 * Names written over a drawing, each on a small plate of the page's colour,
 * so that a name crossing a circle or a line stays as legible as body text.
 * The plates are sized once the drawing is on the page, where text can be measured.
 */
import { svg } from "./dom.js";

const PADDING_X = 3;
const PADDING_Y = 1;

/** A name at (x, y), its baseline there, with an empty plate behind it. */
export function label(x: number, y: number, text: string): SVGGElement {
  return svg("g", { class: "label" }, svg("rect", { rx: 2 }), svg("text", { x, y }, text));
}

/** Sizes every label's plate to its text; call once the drawing is in the document. */
export function fitLabelPlates(drawing: SVGSVGElement): void {
  for (const group of drawing.querySelectorAll<SVGGElement>("g.label")) {
    const text = group.querySelector("text");
    const plate = group.querySelector("rect");
    if (!text || !plate) continue;
    const box = text.getBBox();
    plate.setAttribute("x", String(box.x - PADDING_X));
    plate.setAttribute("y", String(box.y - PADDING_Y));
    plate.setAttribute("width", String(box.width + 2 * PADDING_X));
    plate.setAttribute("height", String(box.height + 2 * PADDING_Y));
  }
}
