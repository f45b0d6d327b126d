import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would read as a formula gets a leading apostrophe, so
 * user text never runs there: one that starts with tab, CR, LF or NUL, or
 * whose first other character is = + - @ (spreadsheets skip leading white
 * space before a formula; Apple Numbers also takes their full-width forms).
 */
const FORMULA_START = /^[\t\r\n\0]|^[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
export const neutralise = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/**
 * RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheets pick the right
 * characters. Header cells are user text too (lane titles) and are
 * neutralised like the rest. Every field holding a CR or an LF is quoted:
 * csv-stringify quotes only the record delimiter (CRLF) once one is set,
 * and a spreadsheet ends a row at a bare LF as well.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => (typeof cell === "number" ? String(cell) : neutralise(cell))),
  );
  return `\uFEFF${stringify(cells, { record_delimiter: "\r\n", quote_record_delimiter: true })}`;
}
