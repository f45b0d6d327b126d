import { describe, expect, it } from "vitest";
import { LIMITS, MAX_INVITES } from "@journeyboard/shared";
import { readInviteList } from "./inviteList";

const LABELS: Record<string, string> = { callCentre: "Call centre", digital: "Digital", sales: "Sales" };
const labelOf = (preset: string) => LABELS[preset] ?? preset;

describe("a pasted list of people to invite", () => {
  it("reads names and departments split by a comma or a tab, a preset named by its label or key", () => {
    const text =
      "Kasia Nowak, Digital\n\nOmar Haddad\tcall centre\tignored column\r\nHaddad, Omar, Claims desk\nLena, sales";
    expect(readInviteList(text, labelOf)).toEqual({
      people: [
        { name: "Kasia Nowak", department: "digital" },
        { name: "Omar Haddad", department: "callCentre" },
        { name: "Haddad, Omar", department: "Claims desk" },
        { name: "Lena", department: "sales" },
      ],
    });
  });

  it("names the first line it cannot read, and refuses an empty list or too many people", () => {
    expect(readInviteList("Kasia, Digital\nOmar Haddad", labelOf)).toEqual({ problem: "incomplete", line: 2 });
    expect(readInviteList("Kasia, Digital\n, Sales", labelOf)).toEqual({ problem: "incomplete", line: 2 });
    expect(readInviteList("Kasia,", labelOf)).toEqual({ problem: "incomplete", line: 1 });
    expect(readInviteList(`${"x".repeat(LIMITS.displayName + 1)}, Sales`, labelOf)).toEqual({
      problem: "tooLong",
      line: 1,
    });
    expect(readInviteList(" \n", labelOf)).toEqual({ problem: "incomplete", line: 1 });
    const crowd = Array.from({ length: MAX_INVITES + 1 }, (_, i) => `Person ${i}, Sales`).join("\n");
    expect(readInviteList(crowd, labelOf)).toEqual({ problem: "tooMany" });
  });
});
