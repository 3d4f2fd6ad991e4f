import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { EXPORT_FORMATS, DIRECTORY_FORMATS, exportNetwork, type ExportSource } from "../../../src/graph/export/export-network.js";
import { ExportTargetError, writeDirectoryAtomically, writeFileAtomically } from "../../../src/graph/export/write.js";
import { networkView } from "../../../src/graph/view.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { hostileNetwork } from "./hostile-network.js";

function* failingHalfway(): Generator<string> {
  yield "<gexf>";
  throw new Error("disk full");
}

const source: ExportSource = { view: networkView(hostileNetwork()), relations: [], document: (id) => ({ title: `Report ${id}`, fileName: `${id}.txt` }) };

describe("writing an export", () => {
  it("writes every format where asked, a file or a directory created as needed", () => {
    const dir = tempDir();
    for (const format of EXPORT_FORMATS) {
      const out = path.join(dir, "nested", `network-${format}`);
      exportNetwork(format, source, out);
      if (DIRECTORY_FORMATS.has(format)) assert.ok(readdirSync(out).includes("nodes.csv"), format);
      else assert.ok(readFileSync(out, "utf8").length > 0, format);
    }
    assert.deepEqual(readdirSync(path.join(dir, "nested")).filter((name) => name.includes("partial")), []);
  });

  it("refuses to write a directory format over a file, and a file format over a directory", () => {
    const dir = tempDir();
    const file = path.join(dir, "taken.csv");
    writeFileSync(file, "mine");
    assert.throws(() => exportNetwork("csv", source, file), ExportTargetError);
    assert.equal(readFileSync(file, "utf8"), "mine");
    assert.throws(() => exportNetwork("gexf", source, dir), ExportTargetError);
  });

  it("leaves nothing behind when writing fails, and keeps an earlier export whole", () => {
    const dir = tempDir();
    const file = path.join(dir, "network.gexf");
    assert.throws(() => writeFileAtomically(file, failingHalfway()), /disk full/);
    assert.deepEqual(readdirSync(dir), []);
    writeFileSync(file, "earlier export");
    assert.throws(() => writeFileAtomically(file, failingHalfway()), /disk full/);
    assert.deepEqual(readdirSync(dir), ["network.gexf"]);
    assert.equal(readFileSync(file, "utf8"), "earlier export");

    const folder = path.join(dir, "csv");
    assert.throws(() => writeDirectoryAtomically(folder, [{ name: "nodes.csv", content: ["id\r\n"] }, { name: "edges.csv", content: failingHalfway() }]), /disk full/);
    assert.equal(existsSync(folder), false, "a directory it created is removed again");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "nodes.csv"), "earlier");
    assert.throws(() => writeDirectoryAtomically(folder, [{ name: "nodes.csv", content: ["id\r\n"] }, { name: "edges.csv", content: failingHalfway() }]), /disk full/);
    assert.deepEqual(readdirSync(folder), ["nodes.csv"]);
    assert.equal(readFileSync(path.join(folder, "nodes.csv"), "utf8"), "earlier", "no file of a failed export replaces an earlier one");
  });
});
