/**
 * What a spreadsheet runs as a formula: a cell that starts with tab, CR, LF
 * or NUL, or whose first other character is = + - @ (spreadsheets skip
 * leading white space before a formula; Apple Numbers also takes their
 * full-width forms).
 */
const FORMULA_START = /^[\t\r\n\0]|^[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a cell, past the apostrophes in front of it, is one a spreadsheet would run. */
const runsPastApostrophes = (cell: string) => FORMULA_START.test(cell.replace(/^'+/, ""));

/**
 * A CSV cell as exports write it: one a spreadsheet would run gets a leading
 * apostrophe, so user text never runs there. So does one that already starts
 * with apostrophes before such a character, so that `restoreCell` gives
 * every text back exactly.
 */
export const neutraliseCell = (cell: string): string => (runsPastApostrophes(cell) ? `'${cell}` : cell);

/** The text a cell of an exported CSV holds: the apostrophe `neutraliseCell` added taken off again. */
export const restoreCell = (cell: string): string =>
  cell.startsWith("'") && runsPastApostrophes(cell) ? cell.slice(1) : cell;
