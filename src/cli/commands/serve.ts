import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_MAX_UPLOAD_MB } from "../../server/app.js";
import { isLoopback } from "../../server/middleware/host-guard.js";
import { DEFAULT_HOST, DEFAULT_PORT, startServer, type RunningServer } from "../../server/server.js";
import { archiveOption } from "../archive-option.js";

/** For embedding and tests: stop the server with `signal` instead of Ctrl-C, and learn its address. */
export interface ServeControl {
  signal?: AbortSignal;
  onListening?: (server: RunningServer) => void;
}

export function serveCommand(control: ServeControl = {}): Command {
  return new Command("serve")
    .description("open the archive in a browser: the web workbench and its JSON API, on this machine only unless --host says otherwise")
    .addOption(archiveOption())
    .addOption(new Option("-p, --port <n>", "the port to listen on; 0 picks a free one").default(DEFAULT_PORT).argParser(wholeNumber(65535)))
    .addOption(new Option("--host <address>", "the address to listen on; any but a loopback address opens the archive to the network").default(DEFAULT_HOST))
    .addOption(new Option("--max-upload-mb <n>", "the largest upload the browser may send, all files together").default(DEFAULT_MAX_UPLOAD_MB).argParser(wholeNumber(1024 * 1024, 1)))
    .addOption(new Option("--workers <n>", "extraction threads for uploads (default: one fewer than the cores)").argParser(wholeNumber(256)))
    .option("--no-entities", "skip finding people, places, sources and money in uploads (a later trove ingest catches up)")
    .option("--secure-cookies", "mark the session cookie Secure, for a server behind a TLS proxy (browsers drop Secure cookies over plain HTTP)")
    .option("--trust-proxy", "behind one reverse proxy: take client addresses from X-Forwarded-For and HTTPS from X-Forwarded-Proto")
    .addHelpText(
      "after",
      `
The API is described at /api/openapi.json. Uploads are stored in uploads/
beside the archive, one folder per upload, under names the server makes.
An archive that does not exist yet is created empty, ready for uploads.

An archive with no users is open to whoever can reach the server, so it is
served on loopback only. To share it on a network, create an admin first
(trove user add NAME --admin); from the first user on, everyone signs in.`,
    )
    .action(async (options: { archive: string; port: number; host: string; maxUploadMb: number; workers?: number; entities: boolean; secureCookies?: boolean; trustProxy?: boolean }) => {
      const server = await startServer({
        secureCookies: options.secureCookies ?? false,
        trustProxy: options.trustProxy ?? false,
        archive: options.archive,
        host: options.host,
        port: options.port,
        maxUploadBytes: options.maxUploadMb * 1024 * 1024,
        entities: options.entities,
        ...(options.workers !== undefined && { workers: options.workers }),
      });
      const lines = [
        `Trove is serving ${server.trove.archive.location}${server.trove.archive.created ? " (a new, empty archive: add files on the Upload page)" : ""}`,
        `Open ${server.url} in a browser. Stop with Ctrl-C.`,
        `The JSON API is described at ${server.url}api/openapi.json`,
      ];
      if (!isLoopback(options.host)) lines.push(`Listening on ${options.host}: everyone signs in; run it behind HTTPS (a TLS proxy, with --secure-cookies) so that passwords never cross the network in clear.`);
      process.stdout.write(`${lines.join("\n")}\n`);
      control.onListening?.(server);
      await stopRequested(control.signal);
      await server.close();
    });
}

/** Resolves on Ctrl-C, SIGTERM, or `signal`. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop);
  });
}

function wholeNumber(max: number, min = 0): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return number;
  };
}
