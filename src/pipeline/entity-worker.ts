/**
 * An entity-stage worker thread: finds the mentions in each document the
 * pool sends, one at a time, in the order sent. The NER models are read with
 * the first document and kept for the life of the thread.
 */
import { parentPort } from "node:worker_threads";
import { findMentions } from "../extract/mentions.js";
import type { MentionReply, MentionRequest } from "./mention-pool.js";

const port = parentPort;
if (!port) throw new Error("entity-worker.ts runs only as a worker thread");
const post = (reply: MentionReply) => port.postMessage(reply);

port.on("message", ({ id, text, language }: MentionRequest) => {
  try {
    post({ kind: "mentions", id, mentions: findMentions(text, { language }) });
  } catch (error) {
    post({ kind: "failed", id, message: (error as Error).message });
  }
});
post({ kind: "ready" });
