/**
 * Decides what a file is. Content wins over the name, because leaked files are
 * often misnamed; where the name promised a format the content is not, the
 * mismatch is reported so the reporter knows.
 */
import path from "node:path";
import type { DocumentType } from "../model/document.js";
import { looksBinary } from "../text/encoding.js";
import { imageMime } from "./readers/image.js";

export interface DetectedType {
  type: DocumentType;
  mime: string;
  /** The type the file name promised, when the content says otherwise. */
  namedAs?: DocumentType;
}

const BY_EXTENSION: Record<string, DocumentType> = {
  ".txt": "text", ".md": "text", ".text": "text", ".csv": "text", ".json": "text", ".xml": "text",
  ".html": "html", ".htm": "html", ".xhtml": "html",
  ".eml": "email", ".mbox": "mbox",
  ".pdf": "pdf",
  ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image", ".gif": "image", ".bmp": "image", ".webp": "image",
  ".docx": "docx",
  ".zip": "zip", ".tar": "tar", ".tgz": "tar",
};

const MIME: Record<DocumentType, string> = {
  text: "text/plain", html: "text/html", email: "message/rfc822", mbox: "application/mbox", pdf: "application/pdf",
  image: "image/*", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  zip: "application/zip", tar: "application/x-tar", binary: "application/octet-stream",
};

/** The type a file name suggests, or undefined when the name says nothing Trove knows. */
export function typeFromName(name: string): DocumentType | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".tar.gz")) return "tar";
  return BY_EXTENSION[path.extname(lower)];
}

/** Detects the type from the first bytes of the file (at least 4 KiB where it has them) and its name. */
export function detectType(head: Uint8Array, name: string): DetectedType {
  const named = typeFromName(name);
  const sniffed = sniff(head, named);
  const type = sniffed?.type ?? named ?? "binary";
  const mime = sniffed?.mime ?? MIME[type];
  const mislabelled = named !== undefined && named !== type && !compatible(named, type);
  return mislabelled ? { type, mime, namedAs: named } : { type, mime };
}

/** A text-family name on another text format (an e-mail saved as .txt) is not a mislabel worth reporting. */
function compatible(named: DocumentType, actual: DocumentType): boolean {
  const textual: DocumentType[] = ["text", "html", "email", "mbox"];
  return (named === "text" && textual.includes(actual)) || (named === "email" && actual === "text") || (named === "mbox" && actual === "text");
}

function sniff(head: Uint8Array, named: DocumentType | undefined): { type: DocumentType; mime: string } | undefined {
  if (head.length === 0) return undefined;
  if (startsWith(head, "%PDF-")) return { type: "pdf", mime: MIME.pdf };
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) {
    const isDocx = named === "docx" || Buffer.from(head).includes("word/document.xml");
    return isDocx ? { type: "docx", mime: MIME.docx } : { type: "zip", mime: MIME.zip };
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return { type: named === "tar" ? "tar" : "binary", mime: "application/gzip" };
  if (head.length > 262 && String.fromCharCode(...head.subarray(257, 262)) === "ustar") return { type: "tar", mime: MIME.tar };
  const image = imageMime(head);
  if (image) return { type: "image", mime: image };
  if (looksBinary(head)) return { type: "binary", mime: MIME.binary };
  const start = Buffer.from(head.subarray(0, 4096)).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (/^(<!doctype html|<html|<head|<body)/i.test(start) || (named !== "text" && /<html[\s>]/i.test(start.slice(0, 1024)))) {
    return { type: "html", mime: MIME.html };
  }
  if (/^From \S+.*\r?\n[\w-]+:/.test(start)) return { type: "mbox", mime: MIME.mbox };
  if (looksLikeEmail(start)) return { type: "email", mime: MIME.email };
  return named === "html" || named === "email" || named === "mbox" ? undefined : { type: "text", mime: MIME.text };
}

/** Every line of the first block is a header, From: holds an address, and a header only mail carries is there. */
function looksLikeEmail(start: string): boolean {
  const lines = (start.split(/\r?\n\r?\n/, 1)[0] ?? "").split(/\r?\n/);
  const headers = new Map<string, string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    const header = /^([A-Za-z][A-Za-z0-9-]*):(.*)$/.exec(line);
    if (!header) return false;
    headers.set(header[1]!.toLowerCase(), header[2]!);
  }
  const mailOnly = ["message-id", "received", "return-path", "mime-version", "x-mailer", "delivered-to"].some((name) => headers.has(name));
  return /@/.test(headers.get("from") ?? "") && (mailOnly || headers.has("subject"));
}

function startsWith(head: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (head[i] !== ascii.charCodeAt(i)) return false;
  return true;
}
