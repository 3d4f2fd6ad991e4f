import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { RELATION_EXTRACTOR_VERSION } from "../../src/extract/relations/index.js";
import type { FtmEntity } from "../../src/graph/export/ftm.js";
import type { EvidencePath, GraphNode, NetworkView } from "../../src/model/network.js";
import { RELATION_TYPES } from "../../src/model/relation.js";
import { paragraphCoOccurrences } from "../../src/pipeline/co-occurrence.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { findEntitiesByName } from "../../src/search/entity-lookup.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";
import { readCsvRecords } from "../graph/export/read-csv.js";
import { descendants, parseStrictXml } from "../graph/export/strict-xml.js";

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;
const SAMPLES = ["reports/en/report-1393-09-14-karbala.en.txt", "reports/fa/report-1393-09-14-karbala.fa.txt", "reports/en/report-1394-02-08-beirut.en.txt", "cables/15BEIRUT388.txt"];
const KARBALA_REPORT = "report-1393-09-14-karbala.en.txt";
const MEETING_SENTENCE = "a meeting took place with Sheikh Harith Nouri al-Zubaidi and Abu Karrar Tamimi";

/** Runs the real command line, from source, in its own process. */
function trove(args: string[]) {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Ingests the samples, then records the Karbala report's meeting of al-Zubaidi
 * and Abu Karrar as the relation stage would: through the store, with the
 * sentence as evidence and the paragraph co-occurrences recomputed, so that
 * the network holds a stated relation whatever the extractor reads.
 */
async function sampleArchive(): Promise<{ archive: string; zubaidi: number; karrar: number; reportId: number; meetingId: number }> {
  const dir = tempDir();
  const leak = path.join(dir, "leak");
  mkdirSync(leak);
  for (const sample of SAMPLES) copyFileSync(path.resolve("samples", sample), path.join(leak, path.basename(sample)));
  const archive = path.join(dir, "archive.db");
  const store = SqliteStore.open(archive);
  try {
    await ingest(store, [leak], { workers: 0 });
    const [zubaidi] = findEntitiesByName(store.entities, "Harith al-Zubaidi", { tolerant: false });
    const [karrar] = findEntitiesByName(store.entities, "Abu Karrar Tamimi", { tolerant: false });
    assert.ok(zubaidi && karrar && zubaidi !== karrar, "the samples name both men");
    const { id: reportId } = store.database.prepare("SELECT id FROM documents WHERE name = ?").get(KARBALA_REPORT) as { id: number };
    const text = store.getDocument(reportId).text;
    const start = text.indexOf(MEETING_SENTENCE);
    const participant = (name: string, entityId: number) => ({ role: "participant" as const, name, entityType: "person" as const, start: null, end: null, entityId });
    const meeting = {
      type: "meeting" as const,
      roles: { participant: ["Harith Nouri al-Zubaidi", "Abu Karrar Tamimi"] },
      participants: [participant("Harith Nouri al-Zubaidi", zubaidi), participant("Abu Karrar Tamimi", karrar)],
      date: "2014-12-04",
      place: "Karbala",
      amount: null,
      currency: null,
      quality: null,
      cover: "a photo exhibition",
      evidence: { start, end: start + MEETING_SENTENCE.length, text: MEETING_SENTENCE },
      confidence: 0.9,
    };
    store.relations.saveRelations(reportId, RELATION_EXTRACTOR_VERSION, [meeting], paragraphCoOccurrences(text, store.entities.documentMentions(reportId)));
    store.commit();
    const [saved] = store.relations.listRelations({ documentId: reportId });
    return { archive, zubaidi, karrar, reportId, meetingId: saved!.id };
  } finally {
    store.close();
  }
}

describe("trove graph", () => {
  let archive: string;
  let zubaidi: number;
  let karrar: number;
  let reportId: number;
  let meetingId: number;
  let view: NetworkView;

  before(async () => {
    ({ archive, zubaidi, karrar, reportId, meetingId } = await sampleArchive());
    const run = trove(["graph", "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    view = JSON.parse(run.stdout) as NetworkView;
  });

  it("shows the network with no subcommand: as JSON a NetworkView, as text the counts and communities", () => {
    assert.deepEqual(Object.keys(view).sort(), ["communities", "edges", "nodes", "omittedNodes"]);
    assert.ok(view.nodes.length > 10);
    assert.equal(view.omittedNodes, 0);
    assert.ok(view.edges.some((edge) => edge.kinds.includes("meeting") && [edge.source, edge.target].sort().join() === [zubaidi, karrar].sort().join()));
    assert.deepEqual(view.communities.map((community) => community.id), view.communities.map((_, index) => index));

    const text = trove(["graph", "show", "--archive", archive, "--type", "person", "--limit", "5"]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^5 entities and \d+ edges? \(\d+ more entit(y|ies) past the limit\)/);
    assert.match(text.stdout, /communit(y|ies):/);
    assert.match(text.stdout, /meeting \d+/);
  });

  it("ranks entities by a centrality, of the types asked for", () => {
    const run = trove(["graph", "top", "--by", "degree", "--type", "person,organization", "--limit", "4", "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const { by, nodes } = JSON.parse(run.stdout) as { by: string; nodes: GraphNode[] };
    assert.equal(by, "degree");
    assert.equal(nodes.length, 4);
    assert.ok(nodes.every((node) => node.type === "person" || node.type === "organization"));
    for (let i = 1; i < nodes.length; i++) assert.ok(nodes[i - 1]!.degree >= nodes[i]!.degree);
    assert.equal(trove(["graph", "top", "--by", "fame", "--archive", archive]).status, 1, "an unknown centrality is refused");
  });

  it("follows a path from a name in Persian script to one in English, through a stated relation and its evidence", () => {
    const run = trove(["graph", "path", "حارث الزبیدی", "Abu Karrar Tamimi", "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const path = JSON.parse(run.stdout) as EvidencePath;
    assert.equal(path.from.id, zubaidi, "the Persian spelling finds the same man");
    assert.equal(path.to.id, karrar);
    // The meeting links them directly; the hop cites the first relation stated between them, in whichever report.
    assert.equal(path.hops?.length, 1);
    const [hop] = path.hops!;
    assert.ok((RELATION_TYPES as readonly string[]).includes(hop!.kind), hop!.kind);
    assert.ok(hop!.evidence.text.length > 0);

    const text = trove(["graph", "path", String(zubaidi), "Abu Karrar Tamimi", "--archive", archive]);
    assert.equal(text.status, 0, text.stderr);
    assert.ok(text.stdout.includes(`—${hop!.kind}→ `));
    assert.ok(text.stdout.includes(hop!.evidence.text.replace(/\s+/g, " ").trim()));
    assert.ok(text.stdout.includes(`[${hop!.documentId}] ${hop!.documentTitle}`));
  });

  it("says so when no path links two entities, and names an entity it does not know", () => {
    const reached = new Set([zubaidi]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const edge of view.edges) {
        if (reached.has(edge.source) !== reached.has(edge.target)) {
          reached.add(edge.source).add(edge.target);
          grown = true;
        }
      }
    }
    const apart = view.nodes.find((node) => !reached.has(node.id));
    assert.ok(apart, "the cable's entities form a network of their own");
    const none = trove(["graph", "path", String(zubaidi), String(apart.id), "--archive", archive]);
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stdout, /^No path links .+ in the network/);
    assert.equal((JSON.parse(trove(["graph", "path", String(zubaidi), String(apart.id), "--archive", archive, "--json"]).stdout) as EvidencePath).hops, null);

    const unknown = trove(["graph", "path", "Nobody Known", "Abu Karrar Tamimi", "--archive", archive]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no entity called "Nobody Known"/);
  });

  it("exports every format where asked, and refuses a file where a directory is needed", () => {
    const out = tempDir();
    for (const [format, target] of [["gexf", "network.gexf"], ["graphml", "network.graphml"], ["csv", "csv"], ["ftm", "network.ftm.json"], ["neo4j", "neo4j/import"]] as const) {
      const run = trove(["graph", "export", "--format", format, "--out", path.join(out, target), "--archive", archive]);
      assert.equal(run.status, 0, `${format}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`as ${format} to `));
    }
    const gexf = parseStrictXml(readFileSync(path.join(out, "network.gexf"), "utf8"));
    assert.equal(descendants(gexf, "node").length, view.nodes.length);
    assert.equal(descendants(gexf, "edge").length, view.edges.length);
    assert.equal(descendants(parseStrictXml(readFileSync(path.join(out, "network.graphml"), "utf8")), "edge").length, view.edges.length);
    assert.equal(readCsvRecords(readFileSync(path.join(out, "csv", "nodes.csv"), "utf8")).length, view.nodes.length);
    assert.deepEqual(readdirSync(path.join(out, "neo4j", "import")).sort(), ["edges.csv", "load.cypher", "nodes.csv"]);

    const entities = readFileSync(path.join(out, "network.ftm.json"), "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as FtmEntity);
    const event = entities.find((entity) => entity.id === `trove-meeting-${meetingId}`)!;
    assert.equal(event.schema, "Event");
    assert.deepEqual([...event.properties.involved!].sort(), [`trove-person-${zubaidi}`, `trove-person-${karrar}`].sort());
    assert.deepEqual(event.properties.proof, [`trove-document-${reportId}`]);
    const document = entities.find((entity) => entity.id === `trove-document-${reportId}`)!;
    assert.deepEqual(document.properties.fileName, [KARBALA_REPORT]);

    const taken = path.join(out, "taken");
    writeFileSync(taken, "mine");
    const refused = trove(["graph", "export", "--format", "csv", "--out", taken, "--archive", archive]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /is a file/);
    assert.equal(readFileSync(taken, "utf8"), "mine");
  });
});
