import en from "./locales/en.json";

/**
 * The interface's words, read by the client (through i18next) and the
 * server alike.
 */
export const LANGUAGES = ["en"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Catalog {
  [key: string]: string | Catalog;
}
export const CATALOGS: Record<Language, Catalog> = { en };
