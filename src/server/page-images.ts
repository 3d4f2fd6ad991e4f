/**
 * Pages of PDFs as PNG images, rendered on demand with Poppler's `pdftoppm`
 * and kept in a small in-memory cache. Renders run a few at a time with a
 * time limit, so a reader scrolling through a 500-page scan cannot swamp the
 * machine.
 *
 * @example
 * const images = new PageImages();
 * const png = await images.render("/leak/scan.pdf", sha256, 3); // page 3, 1400 px on its long side
 */
import { execFile } from "node:child_process";
import { HttpError } from "./http-error.js";

export interface PageImagesOptions {
  /** Bytes of PNG kept in memory; default 64 MiB. */
  cacheBytes?: number;
  /** Renders at once; default 2. */
  concurrency?: number;
  /** Seconds one render may take; default 30. */
  timeoutSeconds?: number;
  /** Pixels on the page's long side; default 1400. */
  longSide?: number;
}

const MAX_PNG_BYTES = 64 * 1024 * 1024;

export class PageImages {
  private readonly options: Required<PageImagesOptions>;
  /** Insertion order is recency order: a hit is moved to the end, the front is evicted first. */
  private readonly cache = new Map<string, Buffer>();
  private cachedBytes = 0;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: PageImagesOptions = {}) {
    this.options = { cacheBytes: 64 * 1024 * 1024, concurrency: 2, timeoutSeconds: 30, longSide: 1400, ...options };
  }

  /** Page `page` (1-based) of the PDF at `file`, whose SHA-256 is `sha256`, as PNG bytes. */
  async render(file: string, sha256: string, page: number): Promise<Buffer> {
    const key = `${sha256}:${page}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.limited(() => this.pdftoppm(file, page)).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const png = await pending;
    this.remember(key, png);
    return png;
  }

  private remember(key: string, png: Buffer): void {
    if (this.cache.has(key) || png.length > this.options.cacheBytes) return;
    this.cache.set(key, png);
    this.cachedBytes += png.length;
    for (const [oldest, bytes] of this.cache) {
      if (this.cachedBytes <= this.options.cacheBytes) break;
      this.cache.delete(oldest);
      this.cachedBytes -= bytes.length;
    }
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    while (this.running >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private pdftoppm(file: string, page: number): Promise<Buffer> {
    const args = ["-png", "-singlefile", "-f", String(page), "-l", String(page), "-scale-to", String(this.options.longSide), file];
    return new Promise((resolve, reject) => {
      execFile("pdftoppm", args, { encoding: "buffer", maxBuffer: MAX_PNG_BYTES, timeout: this.options.timeoutSeconds * 1000 }, (error, stdout, stderr) => {
        if (!error && stdout.length > 0) return resolve(stdout);
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        if (failure?.code === "ENOENT") return reject(new HttpError(503, "tool-failed", "pdftoppm is not installed; install it with: apt-get install poppler-utils"));
        const reason = failure?.killed ? `gave no image within ${this.options.timeoutSeconds} s` : stderr.toString("utf8").trim().split("\n")[0] || "gave no image";
        reject(new HttpError(502, "tool-failed", `pdftoppm could not render page ${page}: ${reason}`));
      });
    });
  }
}
