/** The country outlines of Natural Earth at 1:110 million, as TopoJSON; esbuild bundles the file into the map's chunk. */
declare module "world-atlas/countries-110m.json" {
  import type { GeometryCollection, Topology } from "topojson-specification";
  const countries: Topology<{ countries: GeometryCollection<{ name: string }> }>;
  export default countries;
}
