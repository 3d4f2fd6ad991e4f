/**
 * Narrowing a screen to one entity by name: the box takes a name in any
 * script or spelling, or an id, and the address keeps the id (`?entity=12`),
 * as `/api/entities/lookup` resolves the name.
 */
import { api, type EntityView } from "../api.js";
import { h } from "../dom.js";

/** The entity an address names with `?entity=ID`, or undefined when it names none or not a whole number. */
export function entityParam(query: URLSearchParams): number | undefined {
  const value = query.get("entity") ?? "";
  return /^\d{1,15}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/** The profile of the entity a screen is narrowed to, for its name; a failure (say an unknown id) is the caller's to show. */
export function filteredEntity(id: number | undefined, signal: AbortSignal): Promise<EntityView | undefined> {
  return id === undefined ? Promise.resolve(undefined) : api.entity(id, signal);
}

/** A labelled text box for a name, filled with the current entity's. */
export function entityNameField(inputId: string, current: EntityView | undefined): HTMLElement {
  return h(
    "p",
    { class: "field" },
    h("label", { attrs: { for: inputId } }, "Entity"),
    h("input", { id: inputId, attrs: { name: "entity", type: "text", dir: "auto", autocomplete: "off", spellcheck: "false", value: current?.name ?? "", "aria-describedby": `${inputId}-hint` } }),
    h("span", { id: `${inputId}-hint`, class: "hint" }, "A name in any script or spelling, or an entity id; empty for all."),
  );
}

/** The id a typed name or id stands for (the best match), or undefined for an empty box; a name that matches nothing throws `not-found`. */
export async function resolveEntityName(typed: string, signal: AbortSignal): Promise<number | undefined> {
  const value = typed.trim();
  if (value === "") return undefined;
  if (/^\d{1,15}$/.test(value)) return Number(value);
  return (await api.lookupEntity(value, signal)).ids[0];
}
