/**
 * The archive's network, built once and kept while the archive stays the
 * same. Building it reads every link in the archive and its measures
 * (PageRank, betweenness, Louvain) cost more than any one request should pay
 * again, while a reporter filters, ranks and follows paths in the same network
 * many times over. Anything committed to the archive (an upload, an ingest, a
 * merge from the terminal) changes its version, and the next request builds
 * afresh.
 */
import { buildNetwork, type Network } from "../graph/network.js";
import type { ArchiveAccess } from "./archive-access.js";

export class NetworkCache {
  private readonly archive: ArchiveAccess;
  private built?: { version: number; network: Network };

  constructor(archive: ArchiveAccess) {
    this.archive = archive;
  }

  get network(): Network {
    const version = this.archive.version;
    if (this.built?.version !== version) this.built = { version, network: buildNetwork(this.archive.reader.relations) };
    return this.built.network;
  }
}
