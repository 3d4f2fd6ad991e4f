/** Any address that is not a screen. */
import { h, replace } from "../dom.js";
import type { ScreenContext } from "../router.js";
import { heading } from "./common.js";

export async function notFoundScreen(context: ScreenContext): Promise<void> {
  context.setTitle("Not found");
  replace(
    context.main,
    heading("No such page"),
    h("p", { attrs: { role: "alert" } }, "The workbench has no page at ", h("code", {}, location.pathname), "."),
    h("p", {}, h("a", { href: "/" }, "Search the archive"), " · ", h("a", { href: "/overview" }, "See what it holds")),
  );
}
