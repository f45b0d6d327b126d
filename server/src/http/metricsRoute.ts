import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { registry } from "../metrics";
import { apiError } from "./answers";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * `GET /metrics` in Prometheus's text format, for whoever holds
 * METRICS_TOKEN (as `Authorization: Bearer`, never in the URL, so it stays
 * out of access logs); with no METRICS_TOKEN the route is off (404). Behind
 * the deploy's proxy every request comes from the loopback address, so
 * where a request comes from proves nothing: only the token does. The
 * figures are counts and times, never board content, ids or tokens.
 */
export function metricsRoute(app: Hono, metricsToken: string | undefined): void {
  app.get("/metrics", async (c) => {
    if (!metricsToken) return apiError(c, 404, "not-found", "Metrics are off: set METRICS_TOKEN to serve them.");
    const given = /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    // Compared as digests, in constant time: the answer's timing tells nothing about the token.
    if (!timingSafeEqual(digest(given), digest(metricsToken))) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return apiError(c, 401, "bad-token", "GET /metrics needs METRICS_TOKEN as a Bearer token.");
    }
    c.header("content-type", registry.contentType);
    c.header("cache-control", "no-store");
    return c.body(await registry.metrics());
  });
}
