import * as Y from "yjs";
import {
  DEFAULT_MAP_TYPE,
  MAP_TYPE_STAGE_SET,
  ROLES,
  SHARED_ROLES,
  addJourney,
  initBoard,
  newId,
  serverOrigin,
  type BoardWorkshop,
  type CreateBoardRequest,
  type CreateBoardResponse,
  type Role,
  type RoleLink,
} from "@journeyboard/shared";
import { linkUrl } from "./links/LinkService";
import type { BoardStore } from "./storage/BoardStore";
import { hashToken, linkToken, newToken } from "./tokens";

/**
 * Creates boards (the first journey from a template, or an imported board)
 * and a secret token per role: the facilitator's random, the participant's
 * and viewer's derived from it (`linkToken`, first generation), so the
 * facilitator can be shown them again from any device.
 */
export class BoardService {
  constructor(private readonly store: BoardStore) {}

  create(request: CreateBoardRequest, publicUrl: string): Promise<CreateBoardResponse> {
    const createdAt = Date.now();
    const doc = new Y.Doc();
    const origin = serverOrigin("create-board");
    const template = request.template ?? DEFAULT_MAP_TYPE;
    initBoard(doc, { title: request.title, locale: request.locale ?? "en", createdAt }, origin);
    addJourney(
      doc,
      {
        id: newId(),
        title: "",
        mapType: template,
        stageSet: request.stageSet ?? MAP_TYPE_STAGE_SET[template],
        personaId: null,
      },
      origin,
    );
    return this.save(request.title, createdAt, Y.encodeStateAsUpdate(doc), publicUrl);
  }

  /** Creates a board holding an imported document (its encoded state) and its file's workshop, with new tokens. */
  createFrom(
    state: Uint8Array,
    title: string,
    publicUrl: string,
    workshop: BoardWorkshop | undefined,
  ): Promise<CreateBoardResponse> {
    return this.save(title, Date.now(), state, publicUrl, workshop);
  }

  private async save(
    title: string,
    createdAt: number,
    state: Uint8Array,
    publicUrl: string,
    workshop?: BoardWorkshop,
  ): Promise<CreateBoardResponse> {
    const id = newId();
    const facilitator = newToken();
    const tokens: Record<Role, string> = {
      facilitator,
      participant: linkToken(facilitator, "participant", 0),
      viewer: linkToken(facilitator, "viewer", 0),
    };
    await this.store.createBoard({
      id,
      title,
      createdAt,
      state,
      tokenHashes: Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>,
      links: SHARED_ROLES,
      ...(workshop ? { workshop } : {}),
    });
    const link = (role: Role): RoleLink => ({ url: linkUrl(publicUrl, id, tokens[role]), token: tokens[role] });
    return {
      id,
      title,
      links: { facilitator: link("facilitator"), participant: link("participant"), viewer: link("viewer") },
    };
  }
}
