import Konva from "konva";
import { layoutJourney } from "../../client/src/board/state/layout";
import { readJourneyGrid, type CardRecord } from "@journeyboard/shared";
import { VIEWPORT, median, type BenchPage } from "./api";
import { benchBoard } from "./board";

/**
 * B-konva from bench/GOALS.md: a minimal imperative Konva stage, a static layer
 * with listening(false) behind one interactive layer, drawing the same
 * cards (a rounded rectangle and its wrapped text) at the same places.
 */
let stage: Konva.Stage;
let layout: ReturnType<typeof layoutJourney>;

const bench: BenchPage = {
  async open(cards, stages) {
    const { doc, journeyId } = benchBoard(cards, stages);
    layout = layoutJourney(readJourneyGrid(doc, journeyId), "ltr");
    const cardRecords = Object.values(doc.getMap("cards").toJSON() as Record<string, CardRecord>);
    const payload = JSON.stringify(cardRecords.map((card) => ({ ...card, box: layout.cards.get(card.id) })));
    const start = performance.now();
    const list = JSON.parse(payload) as Array<
      CardRecord & { box: { x: number; y: number; width: number; height: number } }
    >;
    stage = new Konva.Stage({ container: "root", ...VIEWPORT });
    const background = new Konva.Layer({ listening: false });
    background.add(new Konva.Rect({ width: layout.width, height: layout.height, fill: "#ffffff" }));
    const cardsLayer = new Konva.Layer();
    for (const card of list) {
      const group = new Konva.Group({ x: card.box.x, y: card.box.y, name: "card", draggable: true });
      group.add(new Konva.Rect({ width: card.box.width, height: card.box.height, fill: "#c9dcff", cornerRadius: 6 }));
      group.add(
        new Konva.Text({
          x: 10,
          y: 10,
          width: card.box.width - 20,
          height: card.box.height - 18,
          text: card.text,
          fontSize: 14,
          lineHeight: 1.3,
          wrap: "word",
          ellipsis: true,
        }),
      );
      cardsLayer.add(group);
    }
    stage.add(background, cardsLayer);
    stage.draw();
    return performance.now() - start;
  },
  fit() {
    const scale = Math.min((VIEWPORT.width - 64) / layout.width, (VIEWPORT.height - 96) / layout.height, 1);
    stage.scale({ x: scale, y: scale });
    stage.position({ x: (VIEWPORT.width - layout.width * scale) / 2, y: 64 });
  },
  zoom(scale) {
    stage.scale({ x: scale, y: scale });
    stage.position({ x: 0, y: 0 });
  },
  draw(runs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      stage.draw();
      times.push(performance.now() - start);
    }
    return median(times);
  },
  pan(frames, { x, y } = { x: 12, y: 6 }, by) {
    const move = () => stage.position({ x: stage.x() - x, y: stage.y() - y });
    // By wheel, as a Konva stage is usually panned: a wheel handler on the stage.
    stage.off("wheel").on("wheel", move);
    const content = stage.content;
    const times: number[] = [];
    for (let i = 0; i < frames; i++) {
      const start = performance.now();
      if (by === "wheel")
        content.dispatchEvent(new WheelEvent("wheel", { deltaX: x, deltaY: y, clientX: 800, clientY: 500 }));
      else move();
      stage.draw();
      times.push(performance.now() - start);
    }
    return times;
  },
  prepareRemoteMoves() {},
  applyRemoteMove() {
    const start = performance.now();
    const node = stage.findOne(".card");
    node?.position({ x: node.x() + 236, y: node.y() });
    return { ms: performance.now() - start, yjsMs: 0, rendered: 1 };
  },
};
window.bench = bench;
