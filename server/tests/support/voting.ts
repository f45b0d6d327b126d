import { expect } from "vitest";
import {
  workshopDocumentName,
  type LaneKind,
  type RoundRecord,
  type RoundRules,
  type VoteCommand,
  type CommandRefused,
  type WorkshopCommand,
  type VoteMessage,
  type PersonKnown,
} from "@journeyboard/shared";
import { acknowledged, connectSynced, type ClientOptions, type TestClient } from "./client";
import { eventually } from "./eventually";
import { putCard } from "./cards";

/** What a voting test hears from the server: its voting messages and refusals. */
export type ServerMessage = VoteMessage | CommandRefused;

/** A person in a voting test: their board connection and every voting message the server sent them. */
export interface VotingClient extends TestClient {
  messages: ServerMessage[];
  /** Who the server said this connection is (`person.known`), once it has. */
  personId(): string | null;
  send(command: WorkshopCommand): void;
  /** Says who votes here: `voter` stands for the browser's secret voter key (padded to its minimum length). */
  hello(voter: string, department: string, name?: string): void;
}

export async function connectVoter(
  serverUrl: string,
  boardId: string,
  token: string,
  options: ClientOptions = {},
): Promise<VotingClient> {
  const messages: ServerMessage[] = [];
  let personId: string | null = null;
  const client = await connectSynced(serverUrl, boardId, token, {
    ...options,
    onStateless: (payload) => {
      options.onStateless?.(payload);
      const message = JSON.parse(payload) as ServerMessage | PersonKnown;
      if (message.type === "person.known") personId = message.personId;
      else messages.push(message);
    },
  });
  const send = (command: WorkshopCommand) => client.provider.sendStateless(JSON.stringify(command));
  // Who votes is said per connection: like the app, say it again after every reconnect.
  let hello: VoteCommand | null = null;
  client.provider.on("authenticated", () => hello && send(hello));
  return {
    ...client,
    messages,
    personId: () => personId,
    send,
    hello: (voter, department, name = voter) => {
      hello = { type: "vote.hello", voterKey: voter.padEnd(16, "."), name, department };
      send(hello);
    },
  };
}

/** Reads the board's workshop document, as any client can. */
export async function connectWorkshop(
  serverUrl: string,
  boardId: string,
  token: string,
  options: ClientOptions = {},
): Promise<TestClient> {
  return connectSynced(serverUrl, workshopDocumentName(boardId), token, options);
}

export const roundsIn = (workshop: TestClient): RoundRecord[] =>
  Object.values(workshop.doc.getMap("rounds").toJSON() as Record<string, RoundRecord>);

export const rules = (overrides: Partial<RoundRules> = {}): RoundRules => ({
  title: "Which irritants first?",
  budgets: { irritants: 2, magicMoments: 1 },
  capPerCard: 1,
  laneIds: [],
  stageIds: [],
  fromRound: null,
  blind: true,
  durationSeconds: null,
  ...overrides,
});

/** Adds cards to a lane kind of the board's first journey, in its first stage, and waits until stored. */
export async function addCards(client: TestClient, kind: LaneKind, ids: string[]): Promise<void> {
  for (const id of ids) putCard(client.doc, { id, text: id, kind }, client.origin);
  await acknowledged(client);
}

/** Starts a round as the facilitator and returns it once the workshop document shows it open. */
export async function startRound(
  facilitator: VotingClient,
  workshop: TestClient,
  roundRules: RoundRules = rules(),
): Promise<RoundRecord> {
  const before = new Set(roundsIn(workshop).map((r) => r.id));
  facilitator.send({ type: "round.start", rules: roundRules });
  return eventually(() => {
    const round = roundsIn(workshop).find((r) => !before.has(r.id));
    if (!round || round.status !== "open") throw new Error("round not open yet");
    return round;
  });
}

/** The last message of a kind this client received. */
export function last<T extends ServerMessage["type"]>(client: VotingClient, type: T) {
  return client.messages.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type).at(-1);
}

/** Closes a round and reveals it as the facilitator; returns it once the workshop document shows its totals. */
export async function closeAndReveal(facilitator: VotingClient, workshop: TestClient, roundId: string) {
  const statusOf = () => roundsIn(workshop).find((r) => r.id === roundId)?.status;
  facilitator.send({ type: "round.close", roundId });
  await eventually(() => expect(statusOf()).toBe("closed"));
  facilitator.send({ type: "round.reveal", roundId });
  return eventually(() => {
    const round = roundsIn(workshop).find((r) => r.id === roundId);
    expect(round?.status).toBe("revealed");
    return round!;
  });
}

/** Sends a voter's dot and waits for the server's answer to it. */
export async function addDot(voter: VotingClient, roundId: string, cardId: string, requestId: string) {
  voter.send({ type: "vote.add", roundId, cardId, requestId });
  await eventually(() => expect(voter.messages.some((m) => "requestId" in m && m.requestId === requestId)).toBe(true));
}
