import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LANE_COLOURS } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { Camera } from "../state/camera";
import type { JourneyLayout } from "../state/layout";

const WIDTH = 200;
const HEIGHT = 130;
/** The journey is repainted at most this often: a busy board's changes arrive many times a second. */
const REPAINT_MS = 400;

/**
 * The whole journey in small, with the part on screen outlined. The grid and
 * cards are painted onto an off-screen canvas when the browser is idle, at
 * most every REPAINT_MS; a camera move only copies it and draws the outline.
 * Pressing or dragging on it centres the view there.
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
  const scale = picture ? scaleOf(picture.layout) : 1;
  useEffect(() => {
    let idle = 0;
    let painted: JourneyLayout | null = null;
    const paint = () => {
      const layout = controller.layout();
      if (!layout || layout === painted) return;
      idle = requestIdleCallback(
        () => {
          painted = layout;
          setPicture({ layout, image: paintJourney(layout, scaleOf(layout)) });
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
    context.clearRect(0, 0, WIDTH, HEIGHT);
    if (!picture) return;
    context.drawImage(picture.image, 0, 0);
    // The part of the map on screen; when the view is larger than the journey, the whole map is framed.
    const x0 = Math.max(1, (-camera.x / camera.scale) * scale);
    const y0 = Math.max(1, (-camera.y / camera.scale) * scale);
    const x1 = Math.min(picture.layout.width * scale - 1, ((viewport.width - camera.x) / camera.scale) * scale);
    const y1 = Math.min(picture.layout.height * scale - 1, ((viewport.height - camera.y) / camera.scale) * scale);
    if (x1 <= x0 || y1 <= y0) return;
    context.strokeStyle = "#1d4ed8";
    context.lineWidth = 2;
    context.strokeRect(x0, y0, x1 - x0, y1 - y0);
  }, [picture, camera, viewport, scale]);

  const centreAt = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const layout = controller.layout();
    if (!layout) return;
    const box = event.currentTarget.getBoundingClientRect();
    const at = scaleOf(layout);
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
      width={WIDTH}
      height={HEIGHT}
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

const scaleOf = (layout: JourneyLayout) => Math.min(WIDTH / layout.width, HEIGHT / layout.height);

function paintJourney(layout: JourneyLayout, scale: number): HTMLCanvasElement {
  const picture = document.createElement("canvas");
  picture.width = WIDTH;
  picture.height = HEIGHT;
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
