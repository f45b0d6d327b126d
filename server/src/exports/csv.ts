import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would read as a formula (starts with =, +, -, @, tab,
 * CR, LF or NUL) gets a leading apostrophe, so user text never runs there.
 */
export const neutralise = (cell: string): string => (/^[=+\-@\t\r\n\0]/.test(cell) ? `'${cell}` : cell);

/** RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheets pick the right characters. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === "number" ? String(cell) : neutralise(cell))));
  return `\uFEFF${stringify([[...header], ...cells], { record_delimiter: "\r\n" })}`;
}
