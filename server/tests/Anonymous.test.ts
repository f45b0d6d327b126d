import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  SESSION_ANONYMOUS,
  WORKSHOP_SESSION,
  rateStep,
  readAll,
  recordsOf,
  type RoundProgress,
} from "@journeyboard/shared";
import { acknowledged, type TestClient } from "./support/client";
import { putCard } from "./support/cards";
import { eventually } from "./support/eventually";
import { ENGINES, testDatabase } from "./support/postgres";
import { startTestServer, type TestServer } from "./support/server";
import {
  addCards,
  addDot,
  connectVoter,
  connectWorkshop,
  rules,
  startRound,
  type VotingClient,
} from "./support/voting";

/** Names planted while the board is anonymous: none of them may reach anyone, or be stored. */
const MEANWHILE = ["ZqxFatimaName", "ZqxOlaName", "ZqxRezaName"];
/**
 * A name on a card written before the board went anonymous: stored, and in the board's document
 * (which the client shows without names), but in no export while it is.
 */
const BEFORE = "ZqxBeforeName";

interface Person {
  name: string;
  department: string;
  client: VotingClient;
  workshop: TestClient;
  /** Why the server refused this person's updates. */
  resyncs: string[];
}

async function enter(
  server: TestServer,
  boardId: string,
  token: string,
  name: string,
  department: string,
  frames: string[],
) {
  const resyncs: string[] = [];
  const onStateless = (payload: string) => {
    const message = JSON.parse(payload) as { type: string; reason?: string };
    if (message.type === "resync" && message.reason) resyncs.push(message.reason);
  };
  const client = await connectVoter(server.url, boardId, token, { frames, onStateless });
  const workshop = await connectWorkshop(server.url, boardId, token, { frames });
  client.hello(name.toLowerCase(), department, name);
  await eventually(() => expect(client.personId()).not.toBeNull());
  client.provider.setAwarenessField("user", { name, department, colour: "#336699" });
  client.provider.setAwarenessField("cursor", { x: 10, y: 20 });
  return { name, department, client, workshop, resyncs } satisfies Person;
}

/** Every answer the HTTP API gives about the board's content. */
async function everyExport(server: TestServer, boardId: string, token: string): Promise<string> {
  const answers: string[] = [];
  // One at a time: an address may have two exports under way.
  for (const path of [
    "/session",
    ...["board.json", "action-plan.csv", "action-plan.md", "journey.csv", "journey.mmd", "votes.csv"].map(
      (file) => `/export/${file}`,
    ),
  ]) {
    const response = await fetch(`${server.url}/api/boards/${boardId}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status, path).toBe(200);
    answers.push(await response.text());
  }
  return answers.join("\n");
}

/** Every byte the engine holds, as text: the SQLite file (and its log), or every row of every PostgreSQL table. */
async function stored(server: TestServer, databaseUrl: string | undefined): Promise<string> {
  if (!databaseUrl) {
    const file = join(server.dataDir, "journeyboard.sqlite");
    return [file, `${file}-wal`]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString("latin1"))
      .join("");
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const dumps: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT * FROM "${name}"`);
      for (const row of rows as Record<string, unknown>[])
        for (const value of Object.values(row))
          dumps.push(Buffer.isBuffer(value) ? value.toString("latin1") : JSON.stringify(value));
    }
    return dumps.join("\n");
  } finally {
    await client.end();
  }
}

describe.each(ENGINES)("An anonymous board on %s", (engine) => {
  it("sends no name to anyone by socket or HTTP, and stores none of those given while it is on", async () => {
    const databaseUrl = engine === "postgres" ? await testDatabase() : undefined;
    const server = await startTestServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {});
    const board = await server.createBoard();
    const frames: string[] = [];
    const fatima = await enter(server, board.id, board.links.facilitator.token, "ZqxFatimaName", "management", frames);
    putCard(
      fatima.client.doc,
      { id: "before", text: "Written before", authorName: BEFORE, kind: "steps" },
      fatima.client.origin,
    );
    await acknowledged(fatima.client);
    const observer = await connectVoter(server.url, board.id, board.links.viewer.token);
    await eventually(() => {
      const names = [...observer.provider.awareness!.getStates().values()].flatMap((state) => state.user?.name ?? []);
      expect(names).toContain(fatima.name);
    });

    fatima.client.send({ type: "board.anonymous", anonymous: true });
    await eventually(() => expect(fatima.workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_ANONYMOUS)).toBe(true));
    // Joining asks for a department only: the link's session answer says the board is anonymous.
    const joining = await fetch(`${server.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${board.links.participant.token}` },
    });
    expect(((await joining.json()) as { anonymous?: boolean }).anonymous).toBe(true);
    // Presence given before the switch is rewritten without its name for everyone connected.
    await eventually(() => {
      const names = [...observer.provider.awareness!.getStates().values()].flatMap((state) => state.user?.name ?? []);
      expect(names).toEqual([""]);
    });
    frames.length = 0;

    const token = board.links.participant.token;
    const ola = await enter(server, board.id, token, "ZqxOlaName", "sales", frames);
    const reza = await enter(server, board.id, token, "ZqxRezaName", "call centre", frames);
    fatima.client.provider.setAwarenessField("user", {
      name: fatima.name,
      department: fatima.department,
      colour: "#112233",
    });
    const people = [fatima, ola, reza];

    // Everyone sees everyone else's department, and nobody's name.
    for (const person of people) {
      const awareness = person.client.provider.awareness!;
      const others = people.filter((other) => other !== person).map((other) => other.department);
      await eventually(() => {
        const users = [...awareness.getStates()]
          .filter(([id, state]) => id !== awareness.clientID && state.user)
          .map(([, state]) => state.user);
        expect(users.map((user) => user?.department).sort()).toEqual(others.sort());
        expect(users.map((user) => user?.name)).toEqual(["", ""]);
      });
    }

    // A card carrying its author's name is refused, the facilitator's too; without it, it is kept.
    for (const [linkToken, name] of [
      [token, ola.name],
      [board.links.facilitator.token, fatima.name],
    ] as const) {
      const writer = await enter(server, board.id, linkToken, name, "sales", frames);
      putCard(writer.client.doc, { id: "named", text: "Named", authorName: name }, writer.client.origin);
      await eventually(() => expect(writer.resyncs).toEqual(["anonymous"]));
      writer.client.disconnect();
      writer.workshop.disconnect();
    }
    for (const person of [ola, reza]) {
      const authorId = person.client.personId();
      putCard(
        person.client.doc,
        {
          id: `card-${person.client.personId()!.slice(0, 8)}`,
          text: `By ${person.department}`,
          kind: "irritants",
          department: person.department,
          authorId,
        },
        person.client.origin,
      );
      await acknowledged(person.client);
    }
    await eventually(() =>
      expect(
        readAll(fatima.client.doc, "cards")
          .map((card) => card.id)
          .sort(),
      ).toHaveLength(3),
    );
    expect(recordsOf(fatima.client.doc, "cards").has("named")).toBe(false);
    rateStep(
      ola.client.doc,
      { cardId: "before", participantId: "olaparticipant", department: ola.department, value: 2 },
      ola.client.origin,
    );
    await acknowledged(ola.client);

    // Vote progress, which the facilitator receives, counts departments, not names.
    await addCards(fatima.client, "irritants", ["irritant"]);
    const round = await startRound(fatima.client, fatima.workshop, rules({ budgets: { irritants: 1 } }));
    await addDot(ola.client, round.id, "irritant", "ola-dot");
    const progress = await eventually(() => {
      const last = fatima.client.messages.filter((m): m is RoundProgress => m.type === "round.progress").at(-1);
      expect(last?.people.find((p) => p.department === "sales")?.used).toBe(1);
      return last!;
    });
    expect(progress.people.map((p) => p.name)).toEqual(progress.people.map(() => ""));

    const exports = await everyExport(server, board.id, board.links.facilitator.token);
    expect(exports).toContain("call centre");
    const heard = frames.join("\n");
    const kept = await stored(server, databaseUrl);
    expect(MEANWHILE.filter((name) => heard.includes(name))).toEqual([]);
    expect([...MEANWHILE, BEFORE].filter((name) => exports.includes(name))).toEqual([]);
    expect(MEANWHILE.filter((name) => kept.includes(name))).toEqual([]);
    // The search reads what is stored: the name written before the switch is there.
    expect(kept).toContain(BEFORE);
  });
});
