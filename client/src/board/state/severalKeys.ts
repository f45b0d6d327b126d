import type { RoundProgress } from "@journeyboard/shared";

/** A name and department the server counted under more than one voter key in a round. */
export interface SeveralKeys {
  name: string;
  department: string;
  keys: number;
  /** The dots placed under all those keys together. */
  used: number;
}

/**
 * Who may be voting more than once: one name and department with dots
 * under several voter keys (each browser has its own key, so one person
 * opening several browsers, or namesakes in one department). The
 * facilitator sees it and asks; nobody is refused on a guess. Anonymous
 * voters share no name and are left out.
 */
export function severalKeys(people: RoundProgress["people"]): SeveralKeys[] {
  const groups = new Map<string, SeveralKeys>();
  for (const person of people) {
    const name = person.name.trim();
    if (!name || person.used === 0) continue;
    const key = JSON.stringify([name.toLocaleLowerCase(), person.department]);
    const group = groups.get(key) ?? { name, department: person.department, keys: 0, used: 0 };
    group.keys += 1;
    group.used += person.used;
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.keys > 1);
}
