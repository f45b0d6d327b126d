import { describe, expect, it } from "vitest";
import { severalKeys } from "./severalKeys";

const person = (participantId: string, name: string, department: string, used: number) => ({
  participantId,
  name,
  department,
  used,
  budget: 3,
});

describe("several voter keys under one name", () => {
  it("points out a name and department voting under several keys, with the dots they placed together", () => {
    const people = [
      person("a", "Kasia", "digital", 2),
      person("b", "kasia ", "digital", 3),
      person("c", "Kasia", "sales", 1),
      person("d", "Jonas", "sales", 3),
    ];
    expect(severalKeys(people)).toEqual([{ name: "Kasia", department: "digital", keys: 2, used: 5 }]);
  });

  it("leaves out anonymous voters and keys with no dot yet", () => {
    const people = [
      person("a", "", "digital", 2),
      person("b", "", "digital", 2),
      person("c", "Jonas", "sales", 3),
      person("d", "Jonas", "sales", 0),
    ];
    expect(severalKeys(people)).toEqual([]);
  });
});
