import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ArrowDown, ArrowUp, Download, Trash2 } from "lucide-react";
import {
  ACTION_STATUSES,
  HORIZONS,
  PRESET_DEPARTMENTS,
  QUADRANTS,
  quadrantOf,
  type ActionRecord,
  type Quadrant,
} from "@journeyboard/shared";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { BoardController } from "../BoardController";
import { PLAN_ORDER } from "../state/permissions";
import { LiveText } from "../text/LiveText";
import { PresetOrCustom } from "./fields";
import { ServerDownload } from "./ServerDownload";
import { SidePanel } from "./SidePanel";

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The action plan: actions in their shared priority order, each with its
 * owner, impact, effort, horizon and status; an impact × effort matrix to
 * place them by dragging; the plan's downloads.
 */
export function ActionsPanel({
  controller,
  boardId,
  token,
}: {
  controller: BoardController;
  boardId: string;
  token: string;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<"list" | "matrix">("list");
  const actions = controller.model.actions();
  const download = { controller, boardId, token };
  return (
    <SidePanel
      title={t("plan.title")}
      onClose={() => controller.togglePanel("actions", false)}
      testId="actions.panel"
      wide
    >
      <div className="row">
        <div role="tablist" className="segmented">
          {(["list", "matrix"] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={view === v ? "active" : ""}
              onClick={() => setView(v)}
              data-testid={`actions.view.${v}`}
            >
              {t(`plan.view.${v}`)}
            </button>
          ))}
        </div>
        {controller.may("actions") && (
          <button
            type="button"
            onClick={() => controller.commands.addActions([{ title: t("plan.newTitle") }])}
            data-testid="actions.add"
          >
            {t("plan.add")}
          </button>
        )}
        {controller.may(PLAN_ORDER) && actions.length > 1 && (
          <button
            type="button"
            onClick={() => controller.commands.prioritiseActions()}
            data-testid="actions.prioritise"
          >
            {t("plan.prioritise")}
          </button>
        )}
        <ServerDownload {...download} file="action-plan.csv" testId="actions.exportCsv">
          <Download size={16} aria-hidden /> CSV
        </ServerDownload>
        <ServerDownload {...download} file="action-plan.md" testId="actions.exportMd">
          <Download size={16} aria-hidden /> Markdown
        </ServerDownload>
        <ServerDownload {...download} file="journey.pdf" testId="actions.exportPdf" title={t("plan.pdfHint")}>
          <Download size={16} aria-hidden /> PDF
        </ServerDownload>
        <ServerDownload {...download} file="board.json" testId="actions.exportBoard">
          <Download size={16} aria-hidden /> {t("plan.boardJson")}
        </ServerDownload>
      </div>
      {actions.length === 0 && <p className="hint">{t("plan.empty")}</p>}
      {view === "list" ? (
        <ol className="action-list" data-testid="actions.list">
          {actions.map((action, index) => (
            <ActionRow
              key={action.id}
              controller={controller}
              action={action}
              index={index}
              count={actions.length}
              canReorder={controller.may(PLAN_ORDER)}
            />
          ))}
        </ol>
      ) : (
        <Matrix controller={controller} actions={actions} />
      )}
    </SidePanel>
  );
}

function ActionRow({
  controller,
  action,
  index,
  count,
  canReorder,
}: {
  controller: BoardController;
  action: ActionRecord;
  index: number;
  count: number;
  canReorder: boolean;
}) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const { commands } = controller;
  const editable = controller.may("actions");
  const update = commands.updateAction.bind(null, action.id);
  const select = <T extends string | number>(
    field: "impact" | "effort" | "horizon" | "status",
    options: readonly T[],
    label: (o: T) => string,
  ) => (
    <label>
      {t(`plan.field.${field}`)}
      <select
        value={action[field]}
        disabled={!editable}
        onChange={(e) => update({ [field]: typeof options[0] === "number" ? Number(e.target.value) : e.target.value })}
        data-testid={`action.${field}`}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <li className="action" data-testid="action.item" data-action-id={action.id}>
      <div className="row">
        <span className="rank">{index + 1}</span>
        <LiveText
          controller={controller}
          root="actions"
          id={action.id}
          field="title"
          className="grow"
          disabled={!editable}
          label={t("plan.field.title")}
          testId="action.title"
        />
        <span className={`quadrant quadrant-${quadrantOf(action)}`} data-testid="action.quadrant">
          {t(`plan.quadrant.${quadrantOf(action)}`)}
        </span>
        {action.dots > 0 && <span className="dots">{t("voting.dots", { count: action.dots })}</span>}
        {canReorder && (
          <>
            <button
              type="button"
              disabled={index === 0}
              onClick={() => commands.moveAction(action.id, index - 1)}
              aria-label={t("plan.up")}
              data-testid="action.up"
            >
              <ArrowUp size={16} aria-hidden />
            </button>
            <button
              type="button"
              disabled={index === count - 1}
              onClick={() => commands.moveAction(action.id, index + 1)}
              aria-label={t("plan.down")}
              data-testid="action.down"
            >
              <ArrowDown size={16} aria-hidden />
            </button>
          </>
        )}
        {editable && (
          <button
            type="button"
            onClick={() => commands.deleteAction(action.id)}
            aria-label={t("plan.delete")}
            data-testid="action.delete"
          >
            <Trash2 size={16} aria-hidden />
          </button>
        )}
      </div>
      <div className="fields">
        {select("impact", SCORES, String)}
        {select("effort", SCORES, String)}
        {select("horizon", HORIZONS, (h) => t(`plan.horizon.${h}`))}
        {select("status", ACTION_STATUSES, (s) => t(`plan.status.${s}`))}
        <label>
          {t("plan.field.quadrant")}
          <select
            value={action.quadrant ?? ""}
            disabled={!editable}
            onChange={(e) => update({ quadrant: (e.target.value || null) as Quadrant | null })}
            data-testid="action.quadrantOverride"
          >
            <option value="">{t("plan.quadrant.auto")}</option>
            {QUADRANTS.map((q) => (
              <option key={q} value={q}>
                {t(`plan.quadrant.${q}`)}
              </option>
            ))}
          </select>
        </label>
        <PresetOrCustom
          label={t("plan.field.owner")}
          value={action.ownerDepartment}
          presets={PRESET_DEPARTMENTS}
          presetLabel={departmentLabel}
          onChange={(ownerDepartment) => update({ ownerDepartment })}
          testId="action.owner"
          disabled={!editable}
        />
      </div>
      <label className="description">
        {t("plan.field.description")}
        <LiveText
          controller={controller}
          root="actions"
          id={action.id}
          field="description"
          multiline
          rows={2}
          disabled={!editable}
          testId="action.description"
        />
      </label>
      {action.cardIds.length > 0 && (
        <p className="linked">
          {t("plan.addresses")}{" "}
          {action.cardIds.map((cardId) => (
            <button
              key={cardId}
              type="button"
              className="link small"
              onClick={() => controller.focusCards([cardId])}
              dir="auto"
            >
              {controller.model.record("cards", cardId)?.text ?? t("voting.deletedCard")}
            </button>
          ))}
        </p>
      )}
    </li>
  );
}

/** Impact (up) × effort (across), one cell per pair of scores: drop an action on a cell to give it those scores. */
function Matrix({ controller, actions }: { controller: BoardController; actions: ActionRecord[] }) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<string | null>(null);
  return (
    <div className="matrix" data-testid="actions.matrix">
      <span className="axis impact">{t("plan.field.impact")} ↑</span>
      <span className="axis effort">{t("plan.field.effort")} →</span>
      <div className="cells">
        {[...SCORES].reverse().flatMap((impact) =>
          SCORES.map((effort) => (
            <div
              key={`${impact}-${effort}`}
              className={`cell quadrant-${quadrantOf({ impact, effort, quadrant: null })}`}
              data-testid={`matrix.cell.${impact}.${effort}`}
              onDragOver={(e) => controller.may("actions") && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const id = dragged ?? e.dataTransfer.getData("text/plain");
                if (id) controller.commands.updateAction(id, { impact, effort, quadrant: null });
                setDragged(null);
              }}
            >
              {actions
                .filter((a) => a.impact === impact && a.effort === effort)
                .map((a) => (
                  <span
                    key={a.id}
                    className="chip"
                    draggable={controller.may("actions")}
                    onDragStart={(e) => {
                      e.dataTransfer.setData("text/plain", a.id);
                      setDragged(a.id);
                    }}
                    dir="auto"
                    data-testid="matrix.action"
                  >
                    {a.title}
                  </span>
                ))}
            </div>
          )),
        )}
      </div>
      <ul className="legend">
        {QUADRANTS.map((q) => (
          <li key={q} className={`quadrant-${q}`}>
            {t(`plan.quadrant.${q}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
