import type * as Y from "yjs";
import type { Metric } from "../model/indicators";
import type { LaneKind } from "../model/laneKinds";
import type { MapType } from "../model/mapTypes";
import { presetWords } from "../model/text";
import type { ActionStatus, Horizon, Quadrant } from "../schema/action";
import type { LaneRecord } from "../schema/lane";
import { metaMap } from "../schema/layout";
import type { StageRecord } from "../schema/stage";
import { INTL_LOCALES, isLanguage, type Language } from "../i18n/index";
import { translator, type Translate } from "../i18n/translate";

/**
 * What the exports (CSV, Markdown, PDF, Mermaid) print for the keys a board
 * stores, in the board's language (`meta.locale`), from the same catalogs as
 * the app: one function per kind of key. A department or channel someone
 * typed is not a key and is printed as typed; so is a title.
 */
export interface Names {
  /** The language they are in: an export lays out right to left in Arabic and Persian. */
  language: Language;
  /** The catalog itself, for an export's own headers and labels. */
  t: Translate;
  /** A number in the language's digits (Arabic-Indic, Persian), for what a person reads; CSV cells keep plain digits. */
  number(value: number): string;
  department(department: string): string;
  channel(channel: string): string;
  laneKind(kind: LaneKind): string;
  metric(metric: Metric): string;
  mapType(mapType: MapType): string;
  quadrant(quadrant: Quadrant): string;
  horizon(horizon: Horizon): string;
  status(status: ActionStatus): string;
  /** A preset stage's (`group` "stage") or lane's ("lane") name; one the catalog lacks in words. */
  preset(group: "stage" | "lane", key: string): string;
  /** A stage's title, else its preset's name. */
  stage(stage: StageRecord): string;
  /** A lane's title, else its preset's (or kind's) name. */
  lane(lane: LaneRecord): string;
}

function build(language: Language): Names {
  const t = translator(language);
  /** The name of a catalog key when there is one, else the text as it is (what someone typed, an unknown preset in words). */
  const keyOr = (group: string, key: string, otherwise = key) => {
    const path = `${group}.${key}`;
    const name = t(path);
    return name === path ? otherwise : name;
  };
  const preset = (group: "stage" | "lane", key: string) => keyOr(group, key, presetWords(key));
  const numbers = new Intl.NumberFormat(INTL_LOCALES[language]);
  return {
    language,
    t,
    number: (value) => numbers.format(value),
    department: (department) => keyOr("department", department),
    channel: (channel) => keyOr("channel", channel),
    laneKind: (kind) => t(`lane.${kind}`),
    metric: (metric) => t(`metric.${metric}`),
    mapType: (mapType) => t(`mapType.${mapType}.name`),
    quadrant: (quadrant) => t(`plan.quadrant.${quadrant}`),
    horizon: (horizon) => t(`plan.horizon.${horizon}`),
    status: (status) => t(`plan.status.${status}`),
    preset,
    stage: (stage) => stage.title || (stage.preset ? preset("stage", stage.preset) : ""),
    lane: (lane) => lane.title || preset("lane", lane.preset ?? lane.kind),
  };
}

const built = new Map<Language, Names>();

/** The names in a board's language; a locale we have no catalog for reads in English. */
export function namesIn(locale: string): Names {
  const language = isLanguage(locale) ? locale : "en";
  let names = built.get(language);
  if (!names) built.set(language, (names = build(language)));
  return names;
}

/** The names in the language the board was given (`meta.locale`). */
export const boardNames = (doc: Y.Doc): Names => namesIn(String(metaMap(doc).get("locale") ?? "en"));
