/** The view onto the board: screen = world × scale + (x, y). */
export interface Camera {
  x: number;
  y: number;
  scale: number;
}

/** How far out zooming goes; a board fitted whole may be shown smaller still, and zooming out from there stays there. */
export const MIN_SCALE = 0.005;
export const MAX_SCALE = 3;

const clampScale = (scale: number, floor = MIN_SCALE) => Math.min(MAX_SCALE, Math.max(floor, scale));

export const screenToWorld = (camera: Camera, point: { x: number; y: number }) => ({
  x: (point.x - camera.x) / camera.scale,
  y: (point.y - camera.y) / camera.scale,
});

/** Zooms keeping the world point under `anchor` (a screen point) where it is. */
export function zoomAt(camera: Camera, factor: number, anchor: { x: number; y: number }): Camera {
  const scale = clampScale(camera.scale * factor, Math.min(MIN_SCALE, camera.scale));
  const world = screenToWorld(camera, anchor);
  return { scale, x: anchor.x - world.x * scale, y: anchor.y - world.y * scale };
}

/** Screen width a side panel takes at the inline end of the canvas: its width (styles.css) and its inset. */
export const SIDE_PANEL_SPACE = 360 + 2 * 12;
/** Below this width left beside a panel, fitting beside it would make the board too small: fit the whole canvas. */
const MIN_BESIDE_PANEL = 560;

/**
 * The part of the canvas that no side panel covers, where a fitted board
 * goes: panels open and close all through a workshop (a card's panel opens
 * on every selection), so the board is fitted beside one whether or not it
 * is open, and never jumps when one opens. `panelOn` is the side the panel
 * takes on screen: the inline end, left in a right-to-left interface.
 */
export function uncoveredArea(
  viewport: { width: number; height: number },
  panelOn: "left" | "right",
): { x: number; width: number; height: number } {
  const width = viewport.width - SIDE_PANEL_SPACE;
  if (width < MIN_BESIDE_PANEL) return { x: 0, ...viewport };
  return { x: panelOn === "left" ? SIDE_PANEL_SPACE : 0, width, height: viewport.height };
}

/**
 * The camera that shows a `width` × `height` world area whole and centred,
 * leaving `margin` around it and `top` above it (room for the toolbar),
 * however large the area is.
 */
export function fitCamera(
  width: number,
  height: number,
  viewport: { x?: number; width: number; height: number },
  margin = 32,
  top = 64,
): Camera {
  const scale = clampScale(
    Math.min((viewport.width - margin * 2) / width, (viewport.height - margin - top) / height, 1),
    0,
  );
  return {
    scale,
    x: (viewport.x ?? 0) + (viewport.width - width * scale) / 2,
    y: Math.max(top, (viewport.height - height * scale + top - margin) / 2),
  };
}

/**
 * The camera moved, at the same zoom, just enough to show a world `box`
 * inside `area` (margin from its edges, `top` below its top for the
 * toolbar); the same camera when the box is in view already.
 */
export function cameraShowing(
  camera: Camera,
  box: { x: number; y: number; width: number; height: number },
  area: { x: number; width: number; height: number },
  margin = 24,
  top = 64,
): Camera {
  const left = box.x * camera.scale + camera.x;
  const right = left + box.width * camera.scale;
  const upper = box.y * camera.scale + camera.y;
  const lower = upper + box.height * camera.scale;
  const dx = Math.max(0, area.x + margin - left) || Math.min(0, area.x + area.width - margin - right);
  const dy = Math.max(0, top - upper) || Math.min(0, area.height - margin - lower);
  return dx || dy ? { ...camera, x: camera.x + dx, y: camera.y + dy } : camera;
}
