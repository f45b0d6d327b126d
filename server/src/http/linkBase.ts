/**
 * Where a board's links point: PUBLIC_URL when it is set; otherwise the
 * address the person used, which is the request's own URL (built from its
 * Host header, which @hono/node-server checks, with `X-Forwarded-Proto` from
 * a proxy). So someone who opened localhost:3000, the machine's address on
 * the network, or Vite's dev server gets links that open from where they
 * are, in the same browser origin (the board kept in the browser is per
 * origin).
 */
export function linkBase(
  publicUrl: string | undefined,
  requestUrl: string,
  forwardedProto: string | undefined,
): string {
  if (publicUrl) return publicUrl;
  const { host } = new URL(requestUrl);
  const scheme = forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  return `${scheme}://${host}`;
}
