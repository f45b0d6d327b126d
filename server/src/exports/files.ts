/** The files a board can be downloaded as (`GET /api/boards/:id/export/<file>`), with their content types. */
export const EXPORT_FILES = {
  "board.json": "application/json",
  "votes.csv": "text/csv",
  "action-plan.csv": "text/csv",
  "action-plan.md": "text/markdown",
  "journey.csv": "text/csv",
  "journey.mmd": "text/plain",
  "journey.pdf": "application/pdf",
} as const;

export type ExportFile = keyof typeof EXPORT_FILES;

export const isExportFile = (name: string): name is ExportFile => Object.hasOwn(EXPORT_FILES, name);
