/**
 * Why a board file cannot become a board: a code the client words in the
 * reader's language (`errors.file.<code>`), the field it is about (a path
 * such as `records.cards.3.text`, the same in every language), and an
 * English message for tools that call the API.
 */
export const FILE_PROBLEMS = [
  "notJson",
  "tooLarge",
  "tooDeep",
  "invalid",
  "tooManyRecords",
  "twice",
  "unknownFields",
  "broken",
  "boardTooLarge",
] as const;
export type FileProblemCode = (typeof FILE_PROBLEMS)[number];

export interface FileProblem {
  problem: FileProblemCode;
  field: string;
  /** `field: what is wrong`, in English. */
  message: string;
}

export const fileProblem = (problem: FileProblemCode, field: string, detail: string): FileProblem => ({
  problem,
  field,
  message: `${field}: ${detail}`,
});

/** Thrown by `importBoard` when the file's board cannot be built. */
export class FileRefused extends Error {
  constructor(readonly refusal: FileProblem) {
    super(refusal.message);
    this.name = "FileRefused";
  }
}
