import { CATALOGS, INTL_LOCALES, type Catalog, type Language } from "./index";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * The catalogs' words for what the server writes itself (exports), without
 * i18next: a key's dotted path, `{{name}}` placeholders, and i18next's
 * plural suffixes (`_one`, `_few`…) chosen by `Intl.PluralRules` when a
 * `count` is given, so a catalog reads the same here as in the app; a
 * number in the language's own digits (Arabic-Indic, Persian), as the app
 * writes it. A key a language lacks falls back to English, then to the key
 * itself.
 */
export function translator(language: Language): Translate {
  const plural = new Intl.PluralRules(INTL_LOCALES[language]);
  const catalogs = [CATALOGS[language], CATALOGS.en];
  const find = (key: string) => catalogs.map((catalog) => lookup(catalog, key)).find((text) => text !== undefined);
  const number = new Intl.NumberFormat(INTL_LOCALES[language]);
  const written = (value: string | number) => (typeof value === "number" ? number.format(value) : value);
  return (key, values = {}) => {
    const count = values.count;
    const text = (typeof count === "number" ? find(`${key}_${plural.select(count)}`) : undefined) ?? find(key) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? written(values[name]!) : whole));
  };
}
