/**
 * Runs one of the external tools Trove relies on (Tesseract, Poppler) with a
 * time limit and bounded output, and turns a missing tool into an error that
 * says how to install it.
 */
import { execFile } from "node:child_process";
import { TroveError } from "../errors.js";

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

const INSTALL_HINT: Record<string, string> = {
  tesseract: "apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara tesseract-ocr-eng",
  pdftotext: "apt-get install poppler-utils",
  pdfinfo: "apt-get install poppler-utils",
  pdftoppm: "apt-get install poppler-utils",
};

/** A tool that exited non-zero, timed out, or is not installed. */
export class ToolError extends TroveError {
  readonly stderr: string;

  constructor(tool: string, message: string, stderr = "") {
    super("tool-failed", `${tool}: ${message}`);
    this.stderr = stderr;
  }
}

export function runTool(tool: string, args: string[], timeoutSeconds: number, maxOutputBytes = 256 * 1024 * 1024): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      {
        timeout: timeoutSeconds * 1000,
        maxBuffer: maxOutputBytes,
        encoding: "utf8",
        // One thread per Tesseract run: Trove parallelises across files instead.
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const failure = error as NodeJS.ErrnoException & { killed?: boolean };
        if (failure.code === "ENOENT") {
          return reject(new ToolError(tool, `not installed; install it with: ${INSTALL_HINT[tool] ?? tool}`));
        }
        if (failure.killed) return reject(new ToolError(tool, `gave no answer within ${timeoutSeconds} s`, stderr));
        reject(new ToolError(tool, firstLine(stderr) || failure.message, stderr));
      },
    );
  });
}

function firstLine(text: string): string {
  return text.split("\n").map((line) => line.trim()).find((line) => line.length > 0) ?? "";
}
