import { describe, expect, it } from "vitest";
import { projectorLeader, projectorLink, projectorRequested, projectorStep } from "./projector";

const peer = (clientId: number, id: string, role: "facilitator" | "participant" | "viewer") => ({
  clientId,
  user: { id, name: id, department: "sales", colour: "#000", role },
});

describe("the projector", () => {
  it("is asked for by the viewer link's fragment, which keeps its token", () => {
    const link = projectorLink("https://journeys.example.org/b/Q3v#token=abc");
    expect(link).toBe("https://journeys.example.org/b/Q3v#token=abc&view=projector");
    expect(projectorRequested(new URL(link).hash)).toBe(true);
    expect(projectorRequested("#token=abc")).toBe(false);
    expect(projectorRequested("#token=abc&view=board")).toBe(false);
  });

  it("follows whom the workshop follows while follow me is on", () => {
    const peers = [peer(3, "amira", "facilitator")];
    expect(projectorLeader({ leader: "kasia", since: 1 }, peers)).toBe("kasia");
  });

  it("else follows the facilitator on the board, the newest connection of several, never a participant", () => {
    expect(projectorLeader(null, [peer(9, "ola", "participant"), peer(2, "amira", "facilitator")])).toBe("amira");
    expect(projectorLeader(null, [peer(2, "old", "facilitator"), peer(5, "new", "facilitator")])).toBe("new");
    expect(projectorLeader(null, [peer(9, "ola", "participant"), peer(4, "vic", "viewer")])).toBeNull();
  });

  it("goes back to the workshop's follow me, follows anyone else by choice, and does nothing while it follows", () => {
    const workshop = { leader: "amira", since: 1 };
    expect(projectorStep({ following: null, workshop, leading: false }, "amira")).toBe("again");
    expect(projectorStep({ following: null, workshop: null, leading: false }, "amira")).toEqual({ follow: "amira" });
    const following = { leader: "amira", by: "choice" } as const;
    expect(projectorStep({ following, workshop: null, leading: false }, "amira")).toBeNull();
    expect(projectorStep({ following: null, workshop: null, leading: false }, null)).toBeNull();
  });
});
