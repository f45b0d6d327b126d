import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Plus } from "lucide-react";
import { LIMITS, cellKey, type CardRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { LiveText } from "../text/LiveText";
import type { GridLabels } from "../canvas/GridLayer";
import { SidePanel } from "./SidePanel";

/**
 * The same journey as an editable list, stage by stage and lane by lane: for
 * keyboard and screen-reader users, and for reading a big board in order.
 * Edits go through the same commands as the canvas, so both stay in sync.
 */
export function OutlinePanel({ controller, labels }: { controller: BoardController; labels: GridLabels }) {
  const { t } = useTranslation();
  const grid = controller.grid();
  const journeyId = controller.journeyId();
  if (!grid || !journeyId) return null;
  return (
    <SidePanel
      title={t("panels.outline")}
      onClose={() => controller.togglePanel("outline", false)}
      testId="outline.panel"
      wide
    >
      {grid.stages.map((stage) => (
        <section key={stage.id} className="outline-stage" aria-labelledby={`outline-${stage.id}`}>
          <h3 id={`outline-${stage.id}`}>{labels.stage(stage.id)}</h3>
          {grid.lanes.map((lane) => {
            const cards = grid.cells.get(cellKey(stage.id, lane.id)) ?? [];
            const merged = controller.model.mergedIn(cellKey(stage.id, lane.id));
            const where = t("outline.where", { stage: labels.stage(stage.id), lane: labels.lane(lane.id) });
            return (
              <div key={lane.id} className="outline-lane" role="group" aria-label={where}>
                <h4>{labels.lane(lane.id)}</h4>
                <ul>
                  {cards.map((card, i) => (
                    <li key={card.id}>
                      <OutlineCard
                        controller={controller}
                        card={card}
                        label={t("outline.cardLabel", { where, number: i + 1 })}
                      />
                      <CardMarks merged={merged.get(card.id) ?? 0} cluster={card.cluster} />
                    </li>
                  ))}
                </ul>
                {controller.canEdit && (
                  <AddInOutline
                    label={t("outline.addTo", { where })}
                    onAdd={(text) =>
                      controller.commands.addCard(
                        journeyId,
                        { stageId: stage.id, laneId: lane.id, index: cards.length },
                        text,
                      )
                    }
                  />
                )}
              </div>
            );
          })}
        </section>
      ))}
    </SidePanel>
  );
}

function OutlineCard({ controller, card, label }: { controller: BoardController; card: CardRecord; label: string }) {
  return (
    <LiveText
      controller={controller}
      root="cards"
      id={card.id}
      field="text"
      multiline
      rows={Math.min(4, Math.max(1, Math.ceil(card.text.length / 36)))}
      disabled={!controller.canEdit}
      label={label}
      testId="outline.card"
      onKeyDown={(e) => {
        if (e.key === "Enter" && !e.shiftKey) {
          e.preventDefault();
          e.currentTarget.blur();
        }
      }}
    />
  );
}

function AddInOutline({ label, onAdd }: { label: string; onAdd: (text: string) => void }) {
  const [text, setText] = useState("");
  const add = () => {
    if (!text.trim()) return;
    onAdd(text);
    setText("");
  };
  return (
    <div className="outline-add">
      <input
        aria-label={label}
        placeholder={label}
        value={text}
        maxLength={LIMITS.cardText}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && add()}
        data-testid="outline.add"
        dir="auto"
      />
      <button type="button" onClick={add} aria-label={label} disabled={!text.trim()}>
        <Plus size={16} aria-hidden />
      </button>
    </div>
  );
}

/** What the canvas shows on a card besides its words: how many cards it stands for, and its cluster's heading. */
function CardMarks({ merged, cluster }: { merged: number; cluster: string | null }) {
  const { t } = useTranslation();
  if (merged < 2 && !cluster) return null;
  return (
    <p className="hint" dir="auto" data-testid="outline.marks">
      {[merged > 1 && t("card.mergedLabel", { count: merged }), cluster && t("outline.inCluster", { cluster })]
        .filter(Boolean)
        .join(" · ")}
    </p>
  );
}
