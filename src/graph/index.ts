/** The graph stage's public API: the network, its measures and paths, and its exports. */
export { buildNetwork, Network, EDGE_KINDS, RELATION_WEIGHT, CO_OCCURRENCE_WEIGHT, type NetworkEdge, type NetworkMetrics, type NetworkNode, type NetworkOptions, type NetworkSource } from "./network.js";
export { networkView, rankEntities, type NetworkViewOptions, type RankOptions } from "./view.js";
export { evidencePath, RELATION_COST, CO_OCCURRENCE_COST } from "./paths.js";
export type { CentralityScores } from "./centrality.js";
export type { CommunityAssignment } from "./communities.js";
export { exportNetwork, EXPORT_FORMATS, DIRECTORY_FORMATS, type ExportFormat, type ExportSource } from "./export/export-network.js";
export { gexf } from "./export/gexf.js";
export { graphml } from "./export/graphml.js";
export { csvFiles, nodesCsv, edgesCsv } from "./export/csv.js";
export { neo4jFiles, loadCypher } from "./export/neo4j.js";
export { ftmEntities, ftmLines, type FtmDocumentInfo, type FtmEntity, type FtmSource } from "./export/ftm.js";
export { writeFileAtomically, writeDirectoryAtomically, ExportTargetError, type ExportedFile } from "./export/write.js";
