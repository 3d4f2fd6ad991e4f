/**
 * Building the page. Every string becomes a text node: nothing from the
 * archive is ever parsed as HTML, so a document that carries markup shows
 * it as text and runs none of it. Attributes that could run script (`on…`)
 * or load styles (`style`) cannot be set through here at all.
 *
 * @example
 * h("p", { class: "note", lang: "fa", dir: "rtl" }, "گزارش ", h("strong", {}, "۱۳۹۳"))
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  lang?: string;
  dir?: string;
  title?: string;
  href?: string;
  hidden?: boolean;
  /** Any other attribute, by name; `on…` and `style` are refused. */
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  if (props.lang) element.lang = props.lang;
  if (props.dir) element.dir = props.dir;
  if (props.title) element.title = props.title;
  if (props.hidden) element.hidden = true;
  if (props.href !== undefined) element.setAttribute("href", props.href);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name) || name.toLowerCase() === "style") throw new Error(`refusing to set the ${name} attribute`);
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener as EventListener);
  append(element, ...children);
  return element;
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/**
 * An SVG element, for the drawings (network, map): attributes by name, with
 * the same refusals as `h`; text children become text nodes.
 *
 * @example
 * svg("circle", { cx: 10, cy: 10, r: 4, class: "node" }, svg("title", {}, "Harith al-Zubaidi"))
 */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name) || name.toLowerCase() === "style") throw new Error(`refusing to set the ${name} attribute`);
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children as nodes; strings and numbers as text. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** A list of definitions, skipping terms without a value. */
export function definitions(rows: [string, Child | Child[]][], props: Props = {}): HTMLDListElement {
  const list = h("dl", props);
  for (const [term, value] of rows) {
    const values = Array.isArray(value) ? value : [value];
    if (values.every((item) => item === undefined || item === null || item === false || item === "")) continue;
    append(list, h("div", { class: "definition" }, h("dt", {}, term), h("dd", {}, ...values)));
  }
  return list;
}
