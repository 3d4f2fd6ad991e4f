/**
 * Uploads: `POST /api/uploads` stores files and queues them for ingest;
 * `GET /api/uploads/{id}` is the job's state for polling, and
 * `GET /api/uploads/{id}/events` streams it as Server-Sent Events
 * (`progress` on every change, then one `end`).
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { UploadsView, UploadView } from "../api-types.js";
import type { UploadJobs } from "../upload-jobs.js";

export function uploadRoutes(uploads: UploadJobs): Hono {
  const routes = new Hono();
  routes.get("/api/uploads", (c) => {
    const view: UploadsView = { ...uploads.limits, uploads: uploads.list() };
    return c.json(view);
  });

  routes.post("/api/uploads", async (c) => {
    const view = await uploads.receive(c.req.raw.body, c.req.header("Content-Type"), c.req.header("Content-Length"));
    return c.json(view, 202, { Location: `/api/uploads/${view.id}` });
  });

  routes.get("/api/uploads/:id", (c) => c.json(uploads.view(c.req.param("id"))));

  routes.get("/api/uploads/:id/events", (c) => {
    const id = c.req.param("id");
    const first = uploads.view(id);
    return streamSSE(c, async (stream) => {
      let sequence = 0;
      let writing = Promise.resolve();
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const send = (view: UploadView) => {
        writing = writing.then(async () => {
          if (stream.closed || stream.aborted) return;
          await stream.writeSSE({ event: "progress", id: String(++sequence), data: JSON.stringify(view) });
          if (view.state === "done" || view.state === "failed") {
            await stream.writeSSE({ event: "end", id: String(++sequence), data: JSON.stringify({ id: view.id, state: view.state }) });
            finish();
          }
        });
      };
      const unsubscribe = uploads.subscribe(id, send);
      stream.onAbort(() => finish());
      send(first);
      await finished;
      unsubscribe();
      await writing;
    });
  });
  return routes;
}
