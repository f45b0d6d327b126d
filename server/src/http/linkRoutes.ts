import type { Context, Hono } from "hono";
import { SHARED_ROLES, type BoardLinks, type Role, type SharedRole } from "@journeyboard/shared";
import type { LinkService } from "../links/LinkService";
import { apiError, requestToken } from "./answers";
import { jsonOnly } from "./requestGuards";

export interface LinkRouteDeps {
  links: LinkService;
  /** The role a request's token has on a board, or the error answer. */
  roleOn(c: Context, boardId: string): Promise<Role | Response>;
  /** The base of the links a request gets (PUBLIC_URL, else the address it came to). */
  linksFor(c: Context): string;
}

/** The facilitator token of a request, or the error answer: the links are derived from it, and no other role sees them. */
export const facilitatorOf =
  (roleOn: LinkRouteDeps["roleOn"]) =>
  async (c: Context, boardId: string): Promise<string | Response> => {
    const role = await roleOn(c, boardId);
    if (role instanceof Response) return role;
    if (role !== "facilitator")
      return apiError(c, 403, "forbidden", "Only the facilitator sees and changes the links.");
    return requestToken(c)!;
  };

const isSharedRole = (role: string): role is SharedRole => (SHARED_ROLES as readonly string[]).includes(role);

/**
 * The facilitator's links, from any device: `GET /api/boards/:id/links`
 * shows the participant and viewer links, `POST .../links/:role/rotate`
 * makes a new one (the old one stops working) and `DELETE .../links/:role`
 * turns one off. Each takes the facilitator's token, which is what the
 * links are derived from; any other role's gets 403.
 */
export function linkRoutes(app: Hono, { links, roleOn, linksFor }: LinkRouteDeps): void {
  const facilitator = facilitatorOf(roleOn);
  const answer = async (c: Context, boardId: string, token: string) =>
    c.json<BoardLinks>(await links.linksOf(boardId, token, linksFor(c)));

  app.get("/api/boards/:id/links", async (c) => {
    const id = c.req.param("id");
    const token = await facilitator(c, id);
    return token instanceof Response ? token : answer(c, id, token);
  });

  app.post("/api/boards/:id/links/:role/rotate", jsonOnly, async (c) => {
    const { id, role } = c.req.param();
    if (!isSharedRole(role)) return apiError(c, 404, "not-found", "Only participant and viewer links rotate.");
    const token = await facilitator(c, id);
    if (token instanceof Response) return token;
    await links.rotate(id, role, token);
    return answer(c, id, token);
  });

  app.delete("/api/boards/:id/links/:role", async (c) => {
    const { id, role } = c.req.param();
    if (!isSharedRole(role)) return apiError(c, 404, "not-found", "Only participant and viewer links are turned off.");
    const token = await facilitator(c, id);
    if (token instanceof Response) return token;
    await links.revoke(id, role);
    return answer(c, id, token);
  });
}
