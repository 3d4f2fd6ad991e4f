/**
 * Progress for long jobs: a bar with files, bytes, rate and ETA on a terminal;
 * one plain line every few seconds when the output goes to a file or a CI log.
 */
import cliProgress from "cli-progress";
import type { IngestProgress } from "../pipeline/ingest-job.js";
import { formatBytes, formatDuration } from "./format.js";

const PLAIN_EVERY_MS = 5000;

export interface ProgressView {
  update(progress: IngestProgress): void;
  stop(): void;
}

export function ingestProgressView(stream: NodeJS.WriteStream, enabled: boolean): ProgressView {
  if (!enabled) return { update() {}, stop() {} };
  return stream.isTTY ? barView(stream) : plainView(stream);
}

function barView(stream: NodeJS.WriteStream): ProgressView {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "ingest {bar} {percentage}% | {files} files | {bytes} | {rate} | {documents} documents | {problems} problems | ETA {eta_formatted}",
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let entityBar: cliProgress.SingleBar | undefined;
  return {
    update(progress) {
      if (progress.stage === "entities") {
        if (!entityBar) {
          if (started) bar.stop();
          started = false;
          entityBar = new cliProgress.SingleBar(
            { stream, format: "entities {bar} {percentage}% | {value}/{total} documents | {mentions} mentions | ETA {eta_formatted}", hideCursor: true, fps: 5 },
            cliProgress.Presets.shades_classic,
          );
          entityBar.start(Math.max(progress.entityDocumentsTotal, 1), progress.entityDocumentsDone, { mentions: progress.mentions });
        } else {
          entityBar.update(progress.entityDocumentsDone, { mentions: progress.mentions });
        }
        return;
      }
      const payload = payloadOf(progress);
      if (!started) {
        bar.start(Math.max(progress.bytesTotal, 1), progress.bytesDone, payload);
        started = true;
      } else {
        bar.update(progress.bytesDone, payload);
      }
    },
    stop() {
      if (started) bar.stop();
      entityBar?.stop();
    },
  };
}

function plainView(stream: NodeJS.WriteStream): ProgressView {
  let lastLine = 0;
  let latest: IngestProgress | undefined;
  const print = (progress: IngestProgress) => {
    if (progress.stage === "entities") {
      stream.write(`entities: ${progress.entityDocumentsDone}/${progress.entityDocumentsTotal} documents, ${progress.mentions} mentions\n`);
      return;
    }
    const payload = payloadOf(progress);
    const remaining = progress.bytesDone > 0 ? ((progress.bytesTotal - progress.bytesDone) * progress.elapsedMs) / progress.bytesDone : undefined;
    stream.write(`ingest: ${payload.files} files, ${payload.bytes}, ${payload.rate}, ${progress.documents} documents, ${progress.problems} problems${remaining === undefined ? "" : `, ETA ${formatDuration(remaining)}`}\n`);
  };
  return {
    update(progress) {
      latest = progress;
      if (Date.now() - lastLine >= PLAIN_EVERY_MS) {
        lastLine = Date.now();
        print(progress);
      }
    },
    stop() {
      if (latest) print(latest);
    },
  };
}

function payloadOf(progress: IngestProgress) {
  const seconds = Math.max(progress.elapsedMs / 1000, 0.001);
  return {
    files: `${progress.filesDone}/${progress.filesTotal}`,
    bytes: `${formatBytes(progress.bytesDone)}/${formatBytes(progress.bytesTotal)}`,
    rate: `${formatBytes(progress.bytesDone / seconds)}/s`,
    documents: progress.documents,
    problems: progress.problems,
  };
}
