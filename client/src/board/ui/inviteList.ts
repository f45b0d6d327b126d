import { InvitedPerson, LIMITS, MAX_INVITES, PRESET_DEPARTMENTS } from "@journeyboard/shared";

/** Why a pasted list of people cannot be invited, and the line (from 1) it is about. */
export type InviteListProblem =
  { problem: "incomplete"; line: number } | { problem: "tooLong"; line: number } | { problem: "tooMany" };

/**
 * A department as typed or pasted: a preset's key when it names one (its
 * key, or its label in the reader's language, whatever the case), else the
 * words as they are.
 */
export function departmentNamed(text: string, labelOf: (preset: string) => string): string {
  const wanted = text.trim().toLocaleLowerCase();
  const preset = PRESET_DEPARTMENTS.find(
    (key) => key.toLocaleLowerCase() === wanted || labelOf(key).toLocaleLowerCase() === wanted,
  );
  return preset ?? text.trim();
}

/**
 * People from pasted lines, one per line: a name, then a tab (a column of a
 * spreadsheet) or a comma, then a department (the last comma: a name may
 * hold one). Empty lines are skipped; the first line that cannot be read
 * is named.
 */
export function readInviteList(
  text: string,
  labelOf: (preset: string) => string,
): { people: InvitedPerson[] } | InviteListProblem {
  const people: InvitedPerson[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    const line = index + 1;
    const cut = raw.includes("\t") ? raw.indexOf("\t") : raw.lastIndexOf(",");
    if (cut < 0) return { problem: "incomplete", line };
    // A spreadsheet's further columns are left out.
    const department = raw.slice(cut + 1).split("\t")[0]!;
    const person = { name: raw.slice(0, cut).trim(), department: departmentNamed(department, labelOf) };
    if (!person.name || !person.department) return { problem: "incomplete", line };
    if (person.name.length > LIMITS.displayName || person.department.length > LIMITS.department) {
      return { problem: "tooLong", line };
    }
    people.push(InvitedPerson.parse(person));
  }
  if (people.length === 0) return { problem: "incomplete", line: 1 };
  if (people.length > MAX_INVITES) return { problem: "tooMany" };
  return { people };
}
