import "../../client/src/zodConfig";
import "../../client/src/i18n";
import Konva from "konva";
import { useMemo } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { KonvaRenderer } from "react-konva";
import * as Y from "yjs";
import { localUserOrigin, moveCard, readJourneyGrid, type StepEmotion } from "@journeyboard/shared";
import { BoardController } from "../../client/src/board/BoardController";
import { BoardCanvas } from "../../client/src/board/canvas/BoardCanvas";
import { CardNode, type CardLabels } from "../../client/src/board/canvas/CardNode";
import type { CurveLabels } from "../../client/src/board/canvas/EmotionCurveLayer";
import type { Peer } from "../../client/src/board/state/presence";
import { BoardModel } from "../../client/src/board/state/BoardModel";
import { Permissions } from "../../client/src/board/state/permissions";
import { NO_DOTS } from "../../client/src/board/state/cardDots";
import { useBoardVersion } from "../../client/src/board/useBoard";
import { VIEWPORT, median, type BenchPage } from "./api";
import { benchBoard } from "./board";

/** Counts renders of the card component: a memoised component's render function is its `type`. */
let rendered = 0;
const memoised = CardNode as unknown as { type: (...args: unknown[]) => unknown };
const render = memoised.type;
memoised.type = (...args) => {
  rendered++;
  return render(...args);
};

const cardLabels: CardLabels = {
  placeholder: "",
  addCard: "Add a card",
  channel: (c) => c,
  department: (d) => d,
  indicator: (i) => ({ headline: i.metric, detail: "" }),
  merged: (count) => `${count} merged`,
};

const NO_STEPS: StepEmotion[] = [];
const NO_PEERS: Peer[] = [];
const CURVE_LABELS: CurveLabels = { noRatings: "", disagreement: "", scale: String };

function Board({ controller }: { controller: BoardController }) {
  useBoardVersion(controller);
  const grid = controller.grid();
  const layout = controller.layout();
  const labels = useMemo(
    () => ({
      stage: (id: string) => controller.model.record("stages", id)?.title ?? "",
      lane: (id: string) => controller.model.record("lanes", id)?.title ?? "",
    }),
    [controller],
  );
  if (!grid || !layout) return null;
  return (
    <BoardCanvas
      controller={controller}
      layout={layout}
      labels={labels}
      cardLabels={cardLabels}
      curve={NO_STEPS}
      curveLabels={CURVE_LABELS}
      peers={NO_PEERS}
      nameOf={String}
      cursors
      dots={NO_DOTS}
    />
  );
}

const root = createRoot(document.getElementById("root")!);
let doc: Y.Doc;
let controller: BoardController;
let pendingMoves: Uint8Array[] = [];
let bare = new Y.Doc();
const stage = () => Konva.stages[0]!;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const bench: BenchPage = {
  async open(cards, stages) {
    const update = Y.encodeStateAsUpdate(benchBoard(cards, stages).doc);
    const start = performance.now();
    doc = new Y.Doc();
    Y.applyUpdate(doc, update, "remote");
    const model = new BoardModel(doc);
    controller = new BoardController(
      doc,
      model,
      { setAwarenessField: () => {} },
      { id: "me", name: "", department: "sales" },
      new Permissions("facilitator", null),
    );
    flushSync(() => root.render(<Board controller={controller} />));
    while (!Konva.stages[0]?.findOne(".card, .card-tiles")) await nextFrame();
    stage().draw();
    return performance.now() - start;
  },
  fit() {
    flushSync(() => controller.zoomToFit());
  },
  zoom(scale) {
    flushSync(() => controller.setCamera({ x: 0, y: 0, scale }));
  },
  draw(runs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      stage().draw();
      times.push(performance.now() - start);
    }
    return median(times);
  },
  pan(frames, { x, y } = { x: 12, y: 6 }, by) {
    // On Konva's own element, where the browser sends it.
    const wheel = () => new WheelEvent("wheel", { deltaX: x, deltaY: y, clientX: 800, clientY: 500, bubbles: true });
    const step = () => (by === "wheel" ? stage().content.dispatchEvent(wheel()) : controller.panBy(x, y));
    const times: number[] = [];
    for (let i = 0; i < frames; i++) {
      const start = performance.now();
      flushSync(step);
      // The cells coming into view render in react-konva's own renderer, in a microtask: count them in.
      KonvaRenderer.flushSyncWork();
      stage().draw();
      times.push(performance.now() - start);
    }
    return times;
  },
  prepareRemoteMoves(count) {
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const grid = readJourneyGrid(peer, controller.journeyId()!);
    const [first, second] = grid.stages;
    const lane = grid.lanes[0]!;
    const moving = grid.cells.get(`${first!.id}\u0000${lane.id}`)!.at(-1)!;
    pendingMoves = [];
    for (let i = 0; i < count; i++) {
      const before = Y.encodeStateVector(peer);
      const to = i % 2 === 0 ? second! : first!;
      moveCard(peer, { id: moving.id, stageId: to.id, laneId: lane.id, index: 1000 }, localUserOrigin());
      pendingMoves.push(Y.encodeStateAsUpdate(peer, before));
    }
    bare = new Y.Doc();
    Y.applyUpdate(bare, Y.encodeStateAsUpdate(doc));
  },
  applyRemoteMove() {
    const update = pendingMoves.shift()!;
    const bareStart = performance.now();
    Y.applyUpdate(bare, update, "remote");
    const yjsMs = performance.now() - bareStart;
    rendered = 0;
    const start = performance.now();
    flushSync(() => Y.applyUpdate(doc, update, "remote"));
    // Cells render in react-konva's own renderer, which runs its updates in a microtask: run them now.
    KonvaRenderer.flushSyncWork();
    return { ms: performance.now() - start, yjsMs, rendered };
  },
};
window.bench = bench;
document.body.style.width = `${VIEWPORT.width}px`;
