/**
 * Writing an export where the reporter asked, all or nothing: every file is
 * written beside its destination under a temporary name and renamed into
 * place only once all of them are complete, so an export that fails (a full
 * disk, a bad path) leaves no half-written file behind, and never replaces a
 * good earlier export with a broken one.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { TroveError } from "../../errors.js";

/** One file of an export: its name inside the export's directory, and its text in chunks. */
export interface ExportedFile {
  name: string;
  content: Iterable<string>;
}

/** The path given for an export cannot take it: a file where a directory is needed, or the reverse. */
export class ExportTargetError extends TroveError {
  constructor(message: string) {
    super("export-target", message);
  }
}

/** Chunks are gathered up to this size before each write. */
const WRITE_BUFFER_CHARS = 1 << 20;

/** Writes one file at `target`, replacing any file there. */
export function writeFileAtomically(target: string, content: Iterable<string>): void {
  if (existsSync(target) && statSync(target).isDirectory()) throw new ExportTargetError(`${target} is a directory; give a file name for this format`);
  const directory = path.dirname(target);
  mkdirSync(directory, { recursive: true });
  commit([[stage(directory, path.basename(target), content), target]]);
}

/** Writes the files into the directory `target`, creating it if needed; refuses a path that is a file. */
export function writeDirectoryAtomically(target: string, files: readonly ExportedFile[]): void {
  const existed = existsSync(target);
  if (existed && !statSync(target).isDirectory()) throw new ExportTargetError(`${target} is a file; this format writes several files, so give a directory`);
  mkdirSync(target, { recursive: true });
  const staged: Array<[string, string]> = [];
  try {
    for (const file of files) staged.push([stage(target, file.name, file.content), path.join(target, file.name)]);
  } catch (error) {
    for (const [temporary] of staged) unlinkSync(temporary);
    if (!existed) rmdirSync(target);
    throw error;
  }
  commit(staged);
}

function stage(directory: string, name: string, content: Iterable<string>): string {
  const temporary = path.join(directory, `.${name}.${process.pid}.${Date.now().toString(36)}.partial`);
  const descriptor = openSync(temporary, "wx");
  try {
    let buffer = "";
    for (const chunk of content) {
      buffer += chunk;
      if (buffer.length >= WRITE_BUFFER_CHARS) {
        writeSync(descriptor, buffer);
        buffer = "";
      }
    }
    writeSync(descriptor, buffer);
  } catch (error) {
    closeSync(descriptor);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(descriptor);
  return temporary;
}

function commit(staged: ReadonlyArray<[string, string]>): void {
  for (const [temporary, final] of staged) renameSync(temporary, final);
}
