import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LANE_KINDS, type LaneKind } from "@journeyboard/shared";
import type { AxisMenu as Menu, BoardController } from "../BoardController";
import type { GridLabels } from "../canvas/GridLayer";
import { useFocusBackToCanvas } from "../canvas/useFocusBackToCanvas";
import { deleteAxis } from "../state/permissions";
import { LiveText } from "../text/LiveText";
import { LockToggle } from "./LockToggle";

/** Units a stage grows or shrinks by from its menu: the keyboard's way to drag its edge. */
const WIDTH_STEP = 40;

/**
 * What can be done with one stage or lane: rename, collapse, move, make a
 * stage wider or narrower, add a neighbour, delete; Escape closes it.
 */
export function AxisMenu({
  controller,
  menu,
  labels,
}: {
  controller: BoardController;
  menu: Menu;
  labels: GridLabels;
}) {
  const { t } = useTranslation();
  useFocusBackToCanvas();
  const dialog = useRef<HTMLDivElement>(null);
  // The title takes the keyboard; where it is not offered (a lock holds it), the menu does, so Escape still closes it.
  useEffect(() => {
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
  }, []);
  const grid = controller.grid();
  const isStage = menu.axis === "stage";
  const record = isStage ? grid?.stages.find((s) => s.id === menu.id) : grid?.lanes.find((l) => l.id === menu.id);
  const [kind, setKind] = useState<LaneKind>("ideas");
  if (!grid || !record) return null;
  const siblings = isStage ? grid.stages : grid.lanes;
  const index = siblings.findIndex((s) => s.id === menu.id);
  const journeyId = record.journeyId;
  const area = isStage ? "stages" : "lanes";
  const held = controller.permissions.lockOn(area, menu.id, record) !== null;
  // What a lock holds is offered to a facilitator only: the server refuses it from anyone else.
  const unlocked = !controller.permissions.lockedFor(area, menu.id, record);
  const mayAxis = controller.may(area) && unlocked;
  // A neighbour goes into the same journey: a lock on the journey holds it too.
  const mayAdd = controller.may(area) && !controller.permissions.lockedFor("journeys", journeyId, {});
  const { commands } = controller;
  const done = () => controller.closeMenu();
  const move = (to: number) => (isStage ? commands.moveStage(menu.id, to) : commands.moveLane(menu.id, to));

  const close = (event: FormEvent) => {
    event.preventDefault();
    done();
  };
  const add = (at: number) => {
    if (isStage) commands.addStage(journeyId, at, t("menu.newStage"));
    else commands.addLane(journeyId, at, kind, "");
    done();
  };

  return (
    <div
      className="popover axis-menu"
      style={{ left: menu.x, top: menu.y + 8 }}
      role="dialog"
      ref={dialog}
      tabIndex={-1}
      aria-label={t(isStage ? "menu.stageLabel" : "menu.laneLabel")}
      data-testid="axis.menu"
      onKeyDown={(event) => event.key === "Escape" && done()}
    >
      <form onSubmit={close} className="row">
        <LiveText
          controller={controller}
          root={isStage ? "stages" : "lanes"}
          id={menu.id}
          field="title"
          className="grow"
          placeholder={isStage ? labels.stage(menu.id) : labels.lane(menu.id)}
          disabled={!mayAxis}
          label={t("menu.title")}
          testId="axis.title"
          autoFocus
        />
        <button type="submit" data-testid="axis.rename">
          {t("menu.done")}
        </button>
      </form>
      <button
        type="button"
        onClick={() =>
          (isStage
            ? commands.collapseStage(menu.id, !record.collapsed)
            : commands.collapseLane(menu.id, !record.collapsed)) && done()
        }
        disabled={!unlocked}
        data-testid="axis.collapse"
      >
        {t(record.collapsed ? "menu.expand" : "menu.collapse")}
      </button>
      {isStage && !record.collapsed && mayAxis && (
        <div className="row" role="group" aria-label={t("menu.width")}>
          <button
            type="button"
            onClick={() => controller.resizeStageBy(menu.id, -WIDTH_STEP)}
            data-testid="axis.narrower"
          >
            {t("menu.narrower")}
          </button>
          <button type="button" onClick={() => controller.resizeStageBy(menu.id, WIDTH_STEP)} data-testid="axis.wider">
            {t("menu.wider")}
          </button>
          <button type="button" onClick={() => controller.resizeStageBy(menu.id, null)} data-testid="axis.ownWidth">
            {t("menu.ownWidth")}
          </button>
        </div>
      )}
      {!isStage && (
        <label>
          {t("menu.newLaneKind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as LaneKind)} data-testid="axis.kind">
            {LANE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`lane.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="row">
        <button type="button" onClick={() => add(index)} disabled={!mayAdd} data-testid="axis.addBefore">
          {t(isStage ? "menu.addStageBefore" : "menu.addLaneAbove")}
        </button>
        <button type="button" onClick={() => add(index + 1)} disabled={!mayAdd} data-testid="axis.addAfter">
          {t(isStage ? "menu.addStageAfter" : "menu.addLaneBelow")}
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={index === 0 || !mayAxis}
          onClick={() => move(index - 1)}
          data-testid="axis.moveBefore"
        >
          {t(isStage ? "menu.moveStageBefore" : "menu.moveLaneUp")}
        </button>
        <button
          type="button"
          disabled={index === siblings.length - 1 || !mayAxis}
          onClick={() => move(index + 1)}
          data-testid="axis.moveAfter"
        >
          {t(isStage ? "menu.moveStageAfter" : "menu.moveLaneDown")}
        </button>
      </div>
      <button
        type="button"
        className="danger"
        disabled={!controller.may(deleteAxis(area)) || !unlocked}
        onClick={() => (isStage ? commands.deleteStage(menu.id) : commands.deleteLane(menu.id)) && done()}
        data-testid="axis.delete"
      >
        {t(isStage ? "menu.deleteStage" : "menu.deleteLane")}
      </button>
      <LockToggle permissions={controller.permissions} kind={menu.axis} id={menu.id} held={held} />
      <p className="hint">{t("menu.undoHint")}</p>
    </div>
  );
}
