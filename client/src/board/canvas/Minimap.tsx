import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LANE_COLOURS } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { Camera } from "../state/camera";
import type { JourneyLayout } from "../state/layout";

/** The map takes the journey's shape within this box, and is never thinner than MIN_SIDE. */
const MAX_WIDTH = 240;
const MAX_HEIGHT = 180;
const MIN_SIDE = 48;
/** The outline of the view is never smaller than this, so it shows where the view is on a very large board. */
const MIN_OUTLINE = 10;
/** The journey is repainted at most this often: a busy board's changes arrive many times a second. */
const REPAINT_MS = 400;

/**
 * The whole journey in small, in its own shape, with the part on screen
 * outlined (however small that part is). The grid and cards are painted onto
 * an off-screen canvas when the browser is idle, at most every REPAINT_MS; a
 * camera move only copies it and draws the outline. Pressing or dragging on
 * it centres the view there.
 */
export function Minimap({
  controller,
  camera,
  viewport,
}: {
  controller: BoardController;
  camera: Camera;
  viewport: { width: number; height: number };
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [picture, setPicture] = useState<{ layout: JourneyLayout; image: HTMLCanvasElement } | null>(null);
  const size = picture ? sizeOf(picture.layout) : { scale: 1, width: MAX_WIDTH, height: MAX_HEIGHT };
  const { scale } = size;
  useEffect(() => {
    let idle = 0;
    let painted: JourneyLayout | null = null;
    const paint = () => {
      const layout = controller.layout();
      if (!layout || layout === painted) return;
      idle = requestIdleCallback(
        () => {
          painted = layout;
          setPicture({ layout, image: paintJourney(layout) });
        },
        { timeout: REPAINT_MS },
      );
    };
    const timer = setInterval(paint, REPAINT_MS);
    paint();
    return () => {
      clearInterval(timer);
      cancelIdleCallback(idle);
    };
  }, [controller]);

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    context.clearRect(0, 0, context.canvas.width, context.canvas.height);
    if (!picture) return;
    context.drawImage(picture.image, 0, 0);
    // The part of the map on screen; when the view is larger than the journey, the whole map is framed.
    const span = (from: number, to: number, max: number) => {
      const [a, b] = [Math.max(1, from * scale), Math.min(max - 1, to * scale)];
      const grow = Math.max(0, MIN_OUTLINE - (b - a)) / 2;
      return [Math.max(1, a - grow), Math.min(max - 1, b + grow)] as const;
    };
    const [x0, x1] = span(-camera.x / camera.scale, (viewport.width - camera.x) / camera.scale, size.width);
    const [y0, y1] = span(-camera.y / camera.scale, (viewport.height - camera.y) / camera.scale, size.height);
    if (x1 <= x0 || y1 <= y0) return;
    context.strokeStyle = "#1d4ed8";
    context.lineWidth = 2;
    context.strokeRect(x0, y0, x1 - x0, y1 - y0);
  }, [picture, camera, viewport, scale, size.width, size.height]);

  const centreAt = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const layout = controller.layout();
    if (!layout) return;
    const box = event.currentTarget.getBoundingClientRect();
    const at = sizeOf(layout).scale;
    const world = { x: (event.clientX - box.left) / at, y: (event.clientY - box.top) / at };
    controller.setCamera({
      ...camera,
      x: viewport.width / 2 - world.x * camera.scale,
      y: viewport.height / 2 - world.y * camera.scale,
    });
  };

  return (
    <canvas
      ref={canvas}
      className="minimap"
      width={size.width}
      height={size.height}
      aria-label={t("minimap.label")}
      role="img"
      data-testid="board.minimap"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        centreAt(event);
      }}
      onPointerMove={(event) => event.buttons === 1 && centreAt(event)}
    />
  );
}

function sizeOf(layout: JourneyLayout) {
  const scale = Math.min(MAX_WIDTH / layout.width, MAX_HEIGHT / layout.height);
  return {
    scale,
    width: Math.max(MIN_SIDE, Math.ceil(layout.width * scale)),
    height: Math.max(MIN_SIDE, Math.ceil(layout.height * scale)),
  };
}

function paintJourney(layout: JourneyLayout): HTMLCanvasElement {
  const { scale, width, height } = sizeOf(layout);
  const picture = document.createElement("canvas");
  picture.width = width;
  picture.height = height;
  const context = picture.getContext("2d");
  if (!context) return picture;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, layout.width * scale, layout.height * scale);
  for (const row of layout.rows) {
    context.fillStyle = LANE_COLOURS[row.lane.kind].lane;
    context.fillRect(0, row.y * scale, layout.width * scale, row.height * scale);
  }
  for (const box of layout.cards.values()) {
    const row = layout.rows.find((r) => box.y >= r.y && box.y < r.y + r.height);
    context.fillStyle = row ? LANE_COLOURS[row.lane.kind].card : "#cbd5e1";
    context.fillRect(box.x * scale, box.y * scale, Math.max(1, box.width * scale), Math.max(1, box.height * scale));
  }
  return picture;
}
