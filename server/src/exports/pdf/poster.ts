import type * as Y from "yjs";
import {
  LANE_COLOURS,
  cellKey,
  emotionCurve,
  readJourneyGrid,
  readRecord,
  type CardRecord,
  type LaneRecord,
  type Names,
  type StageRecord,
  type StepEmotion,
} from "@journeyboard/shared";
import type { Typesetter, TextStyle } from "./typeset";

/** A3 landscape, in PDF points. */
const PAGE = { size: "A3", layout: "landscape", width: 1190.55, height: 841.89, margin: 28 } as const;
const TITLE_H = 34;
const STAGE_H = 24;
const LANE_W = 110;
const COLUMN = { min: 150, max: 260 };
const PAD = 4;
const EMPTY_ROW_H = 22;
const CURVE_H = 56;
const LINE_COLOUR = "#c9ced6";
const INK = "#1f2328";

const STYLE = {
  pageTitle: { font: "bold", size: 14, colour: INK },
  pageSubtitle: { font: "regular", size: 9, colour: "#57606a" },
  stage: { font: "bold", size: 10, colour: INK, maxLines: 1 },
  lane: { font: "bold", size: 8.5, colour: INK, maxLines: 4 },
  card: { font: "regular", size: 8, colour: INK, maxLines: 30 },
  meta: { font: "regular", size: 6.5, colour: "#57606a", maxLines: 2 },
} satisfies Record<string, TextStyle>;

/** A card's text in the direction its card is set to, as on the canvas. */
const cardStyle = (card: CardRecord): TextStyle => ({ ...STYLE.card, direction: card.textDirection });

/** What a card shows under its text: its channel, owner or indicator. */
function cardMeta(card: CardRecord, names: Names): string | null {
  const indicator = card.indicator;
  if (indicator) {
    const name = indicator.label || names.metric(indicator.metric);
    const target = indicator.target === null ? "" : ` → ${indicator.target}`;
    return `${name}: ${indicator.value ?? "–"}${target}`;
  }
  if (card.channel) return names.channel(card.channel);
  if (card.ownerDepartment) return names.department(card.ownerDepartment);
  return null;
}

interface CardBox {
  card: CardRecord;
  meta: string | null;
  height: number;
}

/**
 * The journey as a poster: stages across, lanes down, every card in its cell
 * and the group's emotion curve in the emotions lane. Too many stages for one
 * page split into groups of columns, each on its own pages; a lane too tall
 * for what is left of a page goes on over the next one, with the stage
 * headers drawn again.
 */
export class Poster {
  private columnWidth = COLUMN.max;
  private stages: StageRecord[] = [];
  private y = 0;
  private pageTop = 0;
  /** The board's timeline runs right to left: stages from the right, lane names on the right. */
  private mirrored = false;
  private readonly bottom = PAGE.height - PAGE.margin;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly type: Typesetter,
    private readonly heading: { title: string; subtitle: string },
    private readonly names: Names,
  ) {}

  draw(board: Y.Doc, journeyId: string): void {
    const grid = readJourneyGrid(board, journeyId);
    const curve = emotionCurve(board, journeyId);
    this.mirrored = board.getMap("meta").get("timelineDirection") === "rtl";
    const usable = PAGE.width - 2 * PAGE.margin - LANE_W;
    const perPage = Math.max(1, Math.min(grid.stages.length, Math.floor(usable / COLUMN.min)));
    const groups = Math.max(1, Math.ceil(grid.stages.length / perPage));
    const size = Math.ceil(grid.stages.length / groups) || 1;
    for (let g = 0; g < groups; g++) {
      this.stages = grid.stages.slice(g * size, (g + 1) * size);
      this.columnWidth = Math.min(COLUMN.max, usable / Math.max(1, this.stages.length));
      this.newPage();
      for (const lane of grid.lanes) {
        const cells = this.stages.map((stage) =>
          (grid.cells.get(cellKey(stage.id, lane.id)) ?? []).map((card) => this.box(card)),
        );
        this.drawLane(lane, cells, lane.kind === "emotions" ? curve : null);
      }
    }
  }

  private newPage() {
    this.doc.addPage({ size: PAGE.size, layout: PAGE.layout, margin: 0 });
    const width = PAGE.width - 2 * PAGE.margin;
    this.type.draw(this.heading.title, PAGE.margin, PAGE.margin, width, { ...STYLE.pageTitle, maxLines: 1 });
    this.type.draw(this.heading.subtitle, PAGE.margin, PAGE.margin + 18, width, { ...STYLE.pageSubtitle, maxLines: 1 });
    const top = PAGE.margin + TITLE_H;
    this.stages.forEach((stage, i) => {
      const x = this.columnX(i);
      this.doc.rect(x, top, this.columnWidth, STAGE_H).fillAndStroke("#e8ebf0", LINE_COLOUR);
      this.type.draw(this.names.stage(stage), x + PAD, top + 7, this.columnWidth - 2 * PAD, STYLE.stage);
    });
    this.y = this.pageTop = top + STAGE_H;
  }

  private columnX = (index: number) =>
    this.mirrored
      ? PAGE.margin + (this.stages.length - 1 - index) * this.columnWidth
      : PAGE.margin + LANE_W + index * this.columnWidth;

  private laneX = () => (this.mirrored ? PAGE.margin + this.stages.length * this.columnWidth : PAGE.margin);

  private box(card: CardRecord): CardBox {
    const inner = this.columnWidth - 4 * PAD;
    const meta = cardMeta(card, this.names);
    const height =
      this.type.measure(card.text || " ", inner, cardStyle(card)) +
      (meta ? this.type.measure(meta, inner, STYLE.meta) : 0) +
      2 * PAD;
    return { card, meta, height };
  }

  /** Draws one lane, over as many pages as its fullest cell needs. */
  private drawLane(lane: LaneRecord, cells: CardBox[][], curve: StepEmotion[] | null) {
    const next = cells.map(() => 0);
    let first = true;
    while (first || cells.some((cards, i) => next[i]! < cards.length)) {
      const band = first && curve ? CURVE_H : 0;
      const room = this.bottom - this.y - band - PAD;
      const taken = cells.map((cards, i) => {
        let height = 0;
        let count = 0;
        for (const box of cards.slice(next[i])) {
          if (height + box.height + PAD > room) break;
          height += box.height + PAD;
          count++;
        }
        return { count, height };
      });
      const pending = cells.some((cards, i) => next[i]! < cards.length);
      const nothingFits = taken.every((t) => t.count === 0);
      if (this.y > this.pageTop && (room < EMPTY_ROW_H || (pending && nothingFits))) {
        this.newPage();
        continue;
      }
      if (pending && nothingFits) {
        // A card taller than a whole page still goes somewhere: alone, on a page of its own.
        cells.forEach((cards, i) => {
          const box = cards[next[i]!];
          if (box) taken[i] = { count: 1, height: box.height + PAD };
        });
      }
      const height = Math.max(EMPTY_ROW_H, band + PAD + Math.max(0, ...taken.map((t) => t.height)));
      this.drawRowFrame(lane, height);
      if (band && curve) this.drawCurve(curve, this.y);
      cells.forEach((cards, i) => {
        let y = this.y + band + PAD;
        for (const box of cards.slice(next[i], next[i]! + taken[i]!.count)) {
          this.drawCard(box, this.columnX(i) + PAD, y, lane);
          y += box.height + PAD;
        }
        next[i]! += taken[i]!.count;
      });
      this.y += height;
      first = false;
    }
  }

  private drawRowFrame(lane: LaneRecord, height: number) {
    const colours = LANE_COLOURS[lane.kind];
    const width = LANE_W + this.stages.length * this.columnWidth;
    this.doc.rect(PAGE.margin, this.y, width, height).fillAndStroke(colours.lane, LINE_COLOUR);
    this.doc.rect(this.laneX(), this.y, LANE_W, height).stroke(LINE_COLOUR);
    this.stages.forEach((_, i) => this.doc.rect(this.columnX(i), this.y, this.columnWidth, height).stroke(LINE_COLOUR));
    this.type.draw(this.names.lane(lane), this.laneX() + PAD, this.y + PAD, LANE_W - 2 * PAD, STYLE.lane);
  }

  private drawCard(box: CardBox, x: number, y: number, lane: LaneRecord) {
    const width = this.columnWidth - 2 * PAD;
    this.doc.roundedRect(x, y, width, box.height, 3).fill(LANE_COLOURS[lane.kind].card);
    const used = this.type.draw(box.card.text, x + PAD, y + PAD, width - 2 * PAD, cardStyle(box.card));
    if (box.meta) this.type.draw(box.meta, x + PAD, y + PAD + used, width - 2 * PAD, STYLE.meta);
  }

  /** The group's median rating of each step on this page's stages, from -2 (bottom) to +2 (top). */
  private drawCurve(curve: StepEmotion[], top: number) {
    const mid = top + PAD + CURVE_H / 2;
    const scale = (CURVE_H - 2 * PAD) / 4;
    const left = Math.min(this.columnX(0), this.columnX(this.stages.length - 1));
    this.doc
      .moveTo(left, mid)
      .lineTo(left + this.stages.length * this.columnWidth, mid)
      .dash(2, { space: 2 })
      .stroke(LINE_COLOUR)
      .undash();
    const points: { x: number; y: number; value: number }[] = [];
    this.stages.forEach((stage, i) => {
      const steps = curve.filter((step) => step.stageId === stage.id);
      steps.forEach((step, k) => {
        if (!step.all) return;
        const offset = ((k + 0.5) * this.columnWidth) / steps.length;
        const x = this.columnX(i) + (this.mirrored ? this.columnWidth - offset : offset);
        points.push({ x, y: mid - step.all.median * scale, value: step.all.median });
      });
    });
    points.forEach((point, i) => (i ? this.doc.lineTo(point.x, point.y) : this.doc.moveTo(point.x, point.y)));
    if (points.length > 1) this.doc.lineWidth(1.5).stroke("#6e7781").lineWidth(1);
    for (const point of points) {
      this.doc.circle(point.x, point.y, 3).fill(point.value < 0 ? "#cf222e" : point.value > 0 ? "#1a7f37" : "#6e7781");
    }
  }
}

/** The journey a poster shows: the one asked for, else the board's first target journey, else its first journey. */
export function posterJourneyOf(
  board: Y.Doc,
  journeys: { id: string; mapType: string; twinOf: string | null }[],
  requested?: string,
) {
  if (requested && readRecord(board, "journeys", requested)) return requested;
  return (
    journeys.find((j) => j.mapType === "futureState" && j.twinOf)?.id ??
    journeys.find((j) => j.mapType === "futureState")?.id ??
    journeys[0]?.id
  );
}
