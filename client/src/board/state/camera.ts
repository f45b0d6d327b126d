/** The view onto the board: screen = world × scale + (x, y). */
export interface Camera {
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 3;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export const screenToWorld = (camera: Camera, point: { x: number; y: number }) => ({
  x: (point.x - camera.x) / camera.scale,
  y: (point.y - camera.y) / camera.scale,
});

/** Zooms keeping the world point under `anchor` (a screen point) where it is. */
export function zoomAt(camera: Camera, factor: number, anchor: { x: number; y: number }): Camera {
  const scale = clampScale(camera.scale * factor);
  const world = screenToWorld(camera, anchor);
  return { scale, x: anchor.x - world.x * scale, y: anchor.y - world.y * scale };
}

/**
 * The camera that shows a `width` × `height` world area whole and centred,
 * leaving `margin` around it and `top` above it (room for the toolbar).
 */
export function fitCamera(
  width: number,
  height: number,
  viewport: { width: number; height: number },
  margin = 32,
  top = 64,
): Camera {
  const scale = clampScale(
    Math.min((viewport.width - margin * 2) / width, (viewport.height - margin - top) / height, 1),
  );
  return {
    scale,
    x: (viewport.width - width * scale) / 2,
    y: Math.max(top, (viewport.height - height * scale + top - margin) / 2),
  };
}
