import type { Connection } from "@hocuspocus/server";
import { standingOf, type CofacilitatorCommand, type PersonKnown, type Standing } from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import { hashToken } from "../tokens";
import type { CofacilitatorStore } from "./CofacilitatorStore";
import type { WorkshopWriter } from "./WorkshopWriter";

/** A person's public id on a board (shared `people.ts`): the hash ballots are keyed by too. */
export const personIdOf = (boardId: string, key: string): string => hashToken(`${boardId}:${key}`);

/**
 * An invited person's public id: theirs whatever browser opens their
 * personal link. No voter key gives it (`personIdOf` hashes the board id
 * and a colon, this the board id and a space).
 */
export const inviteePersonId = (boardId: string, inviteId: string): string =>
  hashToken(`${boardId} invite ${inviteId}`);

/** Where a connection stands, given the board's co-facilitators. */
export const standingAmong = (context: BoardContext, cofacilitators: ReadonlySet<string>): Standing =>
  standingOf(context.role, context.person !== null && cofacilitators.has(context.person));

/**
 * People and their standing: who a connection said it is (`vote.hello`),
 * told back to it, and the co-facilitators the facilitator names
 * (`cofacilitator.set`, the facilitator's alone by the policy), stored and
 * published; every command and update reads its sender's standing from
 * them.
 */
export class PeopleService {
  constructor(
    private readonly store: CofacilitatorStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
  ) {}

  /** The connection says who it is: its person is its invite's, else the first key it said (as its ballots are), and it is told so. */
  hello(connection: Connection, key: string): void {
    const context = connection.context as BoardContext;
    context.person ??= personIdOf(context.boardId, key);
    const known: PersonKnown = { type: "person.known", personId: context.person };
    connection.sendStateless(JSON.stringify(known));
  }

  cofacilitatorsOf = async (boardId: string): Promise<ReadonlySet<string>> =>
    new Set(await this.store.cofacilitatorsOf(boardId));

  /** Where the sender of a command stands now, by the store. */
  async standing(context: BoardContext): Promise<Standing> {
    if (context.role !== "participant" || context.person === null) return context.role;
    return standingAmong(context, await this.cofacilitatorsOf(context.boardId));
  }

  async set(boardId: string, { personId, granted }: CofacilitatorCommand): Promise<void> {
    if (!(await this.store.set(boardId, personId, granted, this.now()))) return;
    void this.writer.publish(boardId, { cofacilitators: await this.store.cofacilitatorsOf(boardId) });
  }
}
