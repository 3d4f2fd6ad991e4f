/** Reading a list the store gives a page at a time, whole. */

/** Items read per page. */
export const PAGE_SIZE = 200;

/**
 * Every item of a paged list, page after page until a short one.
 *
 * @example
 * for (const entity of pages((offset) => store.entities.listEntities({ type: "source", limit: PAGE_SIZE, offset }))) …
 */
export function* pages<T>(page: (offset: number) => T[]): Generator<T> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const items = page(offset);
    yield* items;
    if (items.length < PAGE_SIZE) return;
  }
}
