import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS, cellKey, duplicateSuggestions, type CardRecord } from "@journeyboard/shared";
import type * as Y from "yjs";
import type { BoardController } from "../BoardController";
import type { GridLabels } from "../canvas/GridLayer";
import { SidePanel } from "./SidePanel";

/** Suggestions dismissed on each board, for as long as the tab is open: the panel may close and open again meanwhile. */
const dismissedOn = new WeakMap<Y.Doc, Set<string>>();

/**
 * Likely duplicates of the current journey, cell by cell (shared
 * `read/duplicates.ts`), pointed out before a vote for those who run the
 * workshop to merge, which undo splits again, to group under a named
 * cluster without merging, or to dismiss.
 */
export function DuplicatesPanel({ controller, labels }: { controller: BoardController; labels: GridLabels }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(() => dismissedOn.get(controller.doc) ?? new Set<string>());
  const [names, setNames] = useState<Record<string, string>>({});
  const grid = controller.grid();
  if (!grid) return null;
  const dismiss = (key: string) => {
    const next = new Set(dismissed).add(key);
    dismissedOn.set(controller.doc, next);
    setDismissed(next);
  };
  const found = grid.stages.flatMap((stage) =>
    grid.lanes.flatMap((lane) => {
      const cards = grid.cells.get(cellKey(stage.id, lane.id)) ?? [];
      const byId = new Map(cards.map((card) => [card.id, card]));
      return duplicateSuggestions(cards, dismissed).map((suggestion) => ({
        ...suggestion,
        where: t("outline.where", { stage: labels.stage(stage.id), lane: labels.lane(lane.id) }),
        cards: suggestion.ids.map((id) => byId.get(id)!),
      }));
    }),
  );
  const group = (key: string, cards: readonly CardRecord[]) => {
    const name = names[key]?.trim() ?? "";
    if (
      name &&
      controller.commands.groupCards(
        cards.map((card) => card.id),
        name,
      )
    )
      dismiss(key);
  };
  const merge = (cards: readonly CardRecord[]) => {
    const [into, ...rest] = cards.map((card) => card.id);
    if (controller.commands.mergeCards(into!, rest)) controller.focusCards([into!]);
  };
  return (
    <SidePanel
      title={t("panels.duplicates")}
      onClose={() => controller.togglePanel("duplicates", false)}
      testId="duplicates.panel"
    >
      <p className="hint">{found.length ? t("duplicates.intro") : t("duplicates.none")}</p>
      <ul className="duplicates">
        {found.map((suggestion) => (
          <li key={suggestion.key} data-testid="duplicates.item">
            <h3>{suggestion.where}</h3>
            <ul>
              {suggestion.cards.map((card) => (
                <li key={card.id} dir="auto" data-testid="duplicates.card">
                  {card.text}
                </li>
              ))}
            </ul>
            <div className="row">
              <button type="button" onClick={() => merge(suggestion.cards)} data-testid="duplicates.merge">
                {t("duplicates.merge")}
              </button>
              <button type="button" onClick={() => dismiss(suggestion.key)} data-testid="duplicates.dismiss">
                {t("duplicates.dismiss")}
              </button>
            </div>
            <div className="row">
              <input
                aria-label={t("duplicates.clusterName")}
                placeholder={t("duplicates.clusterName")}
                maxLength={LIMITS.title}
                value={names[suggestion.key] ?? ""}
                onChange={(event) => setNames({ ...names, [suggestion.key]: event.target.value })}
                dir="auto"
                data-testid="duplicates.clusterName"
              />
              <button
                type="button"
                disabled={!names[suggestion.key]?.trim()}
                onClick={() => group(suggestion.key, suggestion.cards)}
                data-testid="duplicates.group"
              >
                {t("duplicates.group")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </SidePanel>
  );
}
