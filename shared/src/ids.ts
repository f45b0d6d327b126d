import { nanoid } from "nanoid";

/** Record ids: 16 url-safe characters, enough to never collide within a board. */
export const newId = (): string => nanoid(16);
