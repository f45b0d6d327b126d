import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type Konva from "konva";
import { Layer, Rect, Stage } from "react-konva";
import { useTranslation } from "react-i18next";
import type { BlueprintLine, StepEmotion } from "@journeyboard/shared";
import { blueprintLines } from "../state/blueprint";
import type { BoardController } from "../BoardController";
import type { Camera } from "../state/camera";
import { sameFrame, type JourneyLayout, type Rect as Box } from "../state/layout";
import { cellBox } from "../state/navigation";
import type { CardDots } from "../state/cardDots";
import type { Peer } from "../state/presence";
import { useUi } from "../useBoard";
import type { CardHandlers, CardLabels } from "./CardNode";
import { TextResolution, textResolution } from "./CanvasText";
import { CardsLayer } from "./CardsLayer";
import type { OnHeading } from "./ClusterHeadings";
import { CursorsLayer } from "./CursorsLayer";
import { DraftsLayer } from "../drafts/DraftsLayer";
import { EmotionCurveLayer, type CurveLabels } from "./EmotionCurveLayer";
import { GridLayer, type GridLabels } from "./GridLayer";
import { HeadersLayer } from "./HeadersLayer";
import { Minimap } from "./Minimap";
import { useTools } from "./useTools";
import { ViewMotion, ViewMotionContext, useStillView } from "./viewMotion";

interface Props {
  controller: BoardController;
  layout: JourneyLayout;
  labels: GridLabels;
  cardLabels: CardLabels;
  curve: StepEmotion[];
  curveLabels: CurveLabels;
  peers: Peer[];
  nameOf: (peer: Peer) => string;
  /** Whether others' pointers are drawn: each person may hide them (`cursorsShown.ts`). */
  cursors: boolean;
  /** What each card shows of the voting. */
  dots: ReadonlyMap<string, CardDots>;
}

const ZOOM_STEP = 1.0015;
/** Cards this far (in screen pixels) outside the view are drawn too, so a small pan shows no gap. */
const OVERDRAW = 48;
/** Below this zoom, text is too small to read: cards are drawn as plain tiles. */
const TILE_SCALE = 0.3;
const LINE_KEYS = {
  interaction: "board.blueprintInteraction",
  visibility: "board.blueprintVisibility",
  internalInteraction: "board.blueprintInternalInteraction",
} as const satisfies Record<BlueprintLine, string>;

/** Screen pixels the screen's own edges snap outward to, so that a pan of a pixel renders no cell. */
const SCREEN_STEP = 12;

/** The part of the world on screen, its edges snapped outward to SCREEN_STEP pixels. */
function screenWorld(camera: Camera, size: { width: number; height: number }): [number, number, number, number] {
  const step = SCREEN_STEP / camera.scale;
  const [left, top] = [-camera.x / camera.scale, -camera.y / camera.scale];
  return [
    Math.floor(left / step) * step,
    Math.floor(top / step) * step,
    Math.ceil((left + size.width / camera.scale) / step) * step,
    Math.ceil((top + size.height / camera.scale) / step) * step,
  ];
}

/**
 * The part of the world on screen, widened by OVERDRAW to edges on a grid of
 * OVERDRAW screen pixels: a small pan gives the same edges, so the cells in
 * view do not render again (as [left, top, right, bottom]).
 */
function visibleWorld(camera: Camera, size: { width: number; height: number }): [number, number, number, number] {
  const step = OVERDRAW / camera.scale;
  const [left, top] = [-camera.x / camera.scale, -camera.y / camera.scale];
  return [
    Math.floor(left / step) * step - step,
    Math.floor(top / step) * step - step,
    Math.ceil((left + size.width / camera.scale) / step) * step + step,
    Math.ceil((top + size.height / camera.scale) / step) * step + step,
  ];
}

const grow = (box: Box, by: number): Box => ({
  x: box.x - by,
  y: box.y - by,
  width: box.width + 2 * by,
  height: box.height + 2 * by,
});

/** The canvas: draws the grid, the cards and the cursors, and reports pointer input to the tools. */
export const BoardCanvas = memo(
  function BoardCanvas({
    controller,
    layout,
    labels,
    cardLabels,
    curve,
    curveLabels,
    peers,
    nameOf,
    cursors,
    dots,
  }: Props) {
    const { t } = useTranslation();
    const ui = useUi(controller);
    const container = useRef<HTMLDivElement>(null);
    const [size, setSize] = useState({ width: 0, height: 0 });
    const tools = useTools(controller, container);

    useEffect(() => {
      const element = container.current;
      if (!element) return;
      const observer = new ResizeObserver(([entry]) => {
        if (!entry) return;
        const { width, height } = entry.contentRect;
        setSize({ width, height });
        controller.setViewport(width, height);
      });
      observer.observe(element);
      return () => observer.disconnect();
    }, [controller]);

    const handlers = useMemo<CardHandlers>(
      () => ({ tools: tools.reports, onAdd: (cell) => controller.addCard(cell) }),
      [controller, tools.reports],
    );

    const openHeading = useCallback<OnHeading>(
      (cluster, at) => controller.openClusterMenu({ ...cluster, ...at }),
      [controller],
    );

    // Rebuilt only when who edits what changes, not on every cursor move, so cells in view skip rendering.
    const editors = JSON.stringify(
      peers.filter((peer) => peer.editing).map((peer) => [peer.editing, nameOf(peer), peer.user.colour]),
    );
    const editedBy = useMemo(
      () =>
        new Map(
          (JSON.parse(editors) as Array<[string, string, string]>).map(([id, name, colour]) => [id, { name, colour }]),
        ),
      [editors],
    );

    const journeyId = controller.journeyId();
    const mapType = journeyId ? controller.model.record("journeys", journeyId)?.mapType : undefined;
    const lines = useMemo(
      () => blueprintLines(layout, mapType).map((placed) => ({ ...placed, label: t(LINE_KEYS[placed.line]) })),
      [layout, mapType, t],
    );
    const isBackground = (event: Konva.KonvaEventObject<Event>) => event.target === event.target.getStage();
    // The wheel is taken before Konva sees it: Konva would look up the shape under the pointer for each
    // wheel event, reading back a pixel of the canvas, and nothing on the board answers the wheel.
    useEffect(() => {
      const element = container.current;
      if (!element) return;
      const onWheel = (event: WheelEvent) => {
        event.preventDefault();
        event.stopPropagation();
        const box = element.getBoundingClientRect();
        const pointer = { x: event.clientX - box.left, y: event.clientY - box.top };
        if (event.ctrlKey || event.metaKey) controller.zoomBy(Math.pow(ZOOM_STEP, -event.deltaY), pointer);
        else controller.panBy(event.deltaX, event.deltaY);
      };
      element.addEventListener("wheel", onWheel, { capture: true, passive: false });
      return () => element.removeEventListener("wheel", onWheel, { capture: true });
    }, [controller]);
    // Zoomed out, texts are kept as pictures at the zoom's resolution; never in a picture being taken.
    const resolution = ui.picture ? null : textResolution(ui.camera.scale, window.devicePixelRatio || 1);
    // A picture being taken needs every card in it drawn, whatever is on screen.
    const [left, top, right, bottom] = visibleWorld(ui.camera, size);
    const view = useMemo(
      () => ui.picture ?? { x: left, y: top, width: right - left, height: bottom - top },
      [ui.picture, left, top, right, bottom],
    );
    const [screenLeft, screenTop, screenRight, screenBottom] = screenWorld(ui.camera, size);
    const screen = useMemo(
      () =>
        ui.picture ?? {
          x: screenLeft,
          y: screenTop,
          width: screenRight - screenLeft,
          height: screenBottom - screenTop,
        },
      [ui.picture, screenLeft, screenTop, screenRight, screenBottom],
    );
    const stage = useRef<Konva.Stage>(null);
    const [motion] = useState(() => new ViewMotion());
    useStillView(ui.camera, stage, container, motion, !ui.picture);
    useEffect(() => {
      const area = ui.picture;
      const node = stage.current;
      if (!area || !node) return;
      const { camera } = controller.getUi();
      // Full size up to 8000 pixels across: big journeys are scaled down to stay within what browsers can hold.
      const ratio = Math.min(2, 8000 / Math.max(area.width, area.height)) / camera.scale;
      node.batchDraw();
      controller.pictureTaken(
        node.toDataURL({
          x: area.x * camera.scale + camera.x,
          y: area.y * camera.scale + camera.y,
          width: area.width * camera.scale,
          height: area.height * camera.scale,
          pixelRatio: ratio,
        }),
      );
    }, [ui.picture, controller]);

    // The keyboard's place when it is not the one card selected: an empty cell, or a card or cell while choosing.
    const at = ui.keyboardAt ?? (ui.focusCell ? { cell: ui.focusCell } : null);
    const atCard = at && "card" in at ? layout.cards.get(at.card) : undefined;
    const focused = atCard ? grow(atCard, 6) : at && "cell" in at ? cellBox(layout, at.cell) : null;

    return (
      <div
        ref={container}
        className={`canvas${tools.panning ? " panning" : tools.spaceHeld ? " can-pan" : ""}`}
        data-testid="board.canvas"
        aria-label={t("board.canvasLabel")}
        aria-describedby="canvas-keys"
        role="application"
        tabIndex={0}
      >
        <p id="canvas-keys" className="visually-hidden">
          {t("board.canvasKeys")}
        </p>
        {size.width > 0 && (
          <Stage
            ref={stage}
            width={size.width}
            height={size.height}
            x={ui.camera.x}
            y={ui.camera.y}
            scaleX={ui.camera.scale}
            scaleY={ui.camera.scale}
            onPointerDown={(e) => isBackground(e) && tools.reports.press({ kind: "background" }, e)}
            onClick={(e) => {
              // A card reports its own clicks; so do the headers, which keep theirs from the stage.
              if (isBackground(e)) tools.reports.click({ kind: "background" }, e);
              else if (e.target.getParent()?.name() !== "card") tools.reports.click({ kind: "other" }, e);
            }}
            onMouseMove={(e) => controller.pointerAt(e.target.getStage()?.getPointerPosition() ?? null)}
            onMouseLeave={() => controller.pointerAt(null)}
          >
            {/* Three layers (a canvas each, so few): the map, which changes when the layout or the
                curve does; the cards, which change most; and what moves with people's pointers. */}
            <TextResolution.Provider value={resolution}>
              <ViewMotionContext.Provider value={motion}>
                <Layer>
                  <GridLayer layout={layout} labels={labels} lines={lines} />
                  <EmotionCurveLayer layout={layout} steps={curve} labels={curveLabels} hints={!ui.picture} />
                  <HeadersLayer
                    controller={controller}
                    tools={tools.reports}
                    layout={layout}
                    allowed={{
                      stages: controller.may("stages"),
                      lanes: controller.may("lanes"),
                    }}
                    locks={controller.permissions.locks}
                  />
                </Layer>
                <CardsLayer
                  model={controller.model}
                  journeyId={controller.journeyId() ?? ""}
                  layout={layout}
                  view={view}
                  screen={screen}
                  selection={ui.selection}
                  editing={ui.editing}
                  editedBy={editedBy}
                  canEdit={controller.canEdit}
                  locks={controller.permissions.locks}
                  overridesLocks={controller.permissions.runsWorkshop}
                  onlyCardsOf={controller.permissions.onlyCardsOf}
                  dots={dots}
                  tiles={!ui.picture && ui.camera.scale < TILE_SCALE}
                  labels={cardLabels}
                  handlers={handlers}
                  onHeading={openHeading}
                />
                <Layer listening={false}>
                  {!ui.picture && <DraftsLayer controller={controller} layout={layout} label={t("drafts.label")} />}
                  {!ui.picture && cursors && <CursorsLayer peers={peers} scale={ui.camera.scale} nameOf={nameOf} />}
                  {focused && (
                    <Rect
                      {...focused}
                      stroke="#1d4ed8"
                      strokeWidth={3 / ui.camera.scale}
                      dash={[8 / ui.camera.scale, 5 / ui.camera.scale]}
                      cornerRadius={6}
                      name="keyboard-focus"
                    />
                  )}
                  {ui.marquee && (
                    <Rect
                      {...ui.marquee}
                      fill="rgba(29, 78, 216, 0.08)"
                      stroke="#1d4ed8"
                      strokeWidth={1 / ui.camera.scale}
                      name="marquee"
                    />
                  )}
                </Layer>
              </ViewMotionContext.Provider>
            </TextResolution.Provider>
          </Stage>
        )}
        {ui.minimap && size.width > 0 && <Minimap controller={controller} camera={ui.camera} viewport={size} />}
      </div>
    );
  },
  // Cards read their own cells from the model: a change to cards alone does not render the canvas.
  (a: Props, b: Props) =>
    sameFrame(a.layout, b.layout) &&
    a.controller === b.controller &&
    a.labels === b.labels &&
    a.cardLabels === b.cardLabels &&
    a.curve === b.curve &&
    a.curveLabels === b.curveLabels &&
    a.peers === b.peers &&
    a.nameOf === b.nameOf &&
    a.cursors === b.cursors &&
    a.dots === b.dots,
);
