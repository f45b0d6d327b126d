import type { Context, Hono } from "hono";
import { InviteRequest, MAX_INVITES, type PersonalLinks } from "@journeyboard/shared";
import type { PersonalLinkService, PersonalLinksRefusal } from "../links/PersonalLinkService";
import { apiError, limitBody } from "./answers";
import { facilitatorOf, type LinkRouteDeps } from "./linkRoutes";
import { jsonOnly } from "./requestGuards";

const REFUSALS: Record<PersonalLinksRefusal, { status: 400 | 404; message: string }> = {
  "unknown-invite": { status: 404, message: "No one invited to this board has this id." },
  "too-many-invites": { status: 400, message: `people: a board invites at most ${MAX_INVITES} people` },
};

/**
 * The facilitator's personal links, from any device:
 * `GET /api/boards/:id/personal-links` lists everyone invited with their
 * links, `POST .../personal-links` invites more people,
 * `DELETE .../personal-links/:invite` revokes one person's link and
 * `POST .../personal-links/:invite/reissue` gives them a new one. Each takes
 * the facilitator's token and answers the whole list.
 */
export function personalLinkRoutes(
  app: Hono,
  { personalLinks, roleOn, linksFor }: Omit<LinkRouteDeps, "links"> & { personalLinks: PersonalLinkService },
): void {
  const facilitator = facilitatorOf(roleOn);
  const answer = async (c: Context, boardId: string, token: string, refusal: PersonalLinksRefusal | null = null) => {
    if (refusal) return apiError(c, REFUSALS[refusal].status, refusal, REFUSALS[refusal].message);
    return c.json<PersonalLinks>(await personalLinks.linksOf(boardId, token, linksFor(c)));
  };

  app.get("/api/boards/:id/personal-links", async (c) => {
    const id = c.req.param("id");
    const token = await facilitator(c, id);
    return token instanceof Response ? token : answer(c, id, token);
  });

  app.post(
    "/api/boards/:id/personal-links",
    jsonOnly,
    // 500 people of 60-character names and departments, in JSON, fit.
    limitBody(128 * 1024, "invalid-request", "larger than 128 KiB"),
    async (c) => {
      const id = c.req.param("id");
      const token = await facilitator(c, id);
      if (token instanceof Response) return token;
      const parsed = InviteRequest.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join(".") || "body";
        return apiError(c, 400, "invalid-request", `${field}: ${issue?.message ?? "invalid"}`, { field });
      }
      return answer(c, id, token, await personalLinks.invite(id, parsed.data.people, token));
    },
  );

  app.delete("/api/boards/:id/personal-links/:invite", async (c) => {
    const { id, invite } = c.req.param();
    const token = await facilitator(c, id);
    if (token instanceof Response) return token;
    return answer(c, id, token, await personalLinks.revoke(id, invite));
  });

  app.post("/api/boards/:id/personal-links/:invite/reissue", jsonOnly, async (c) => {
    const { id, invite } = c.req.param();
    const token = await facilitator(c, id);
    if (token instanceof Response) return token;
    return answer(c, id, token, await personalLinks.reissue(id, invite, token));
  });
}
