import type { ViewArea } from "@journeyboard/shared";
import { MAX_SCALE, type Camera } from "../state/camera";

/**
 * What a view shows, and the camera that shows it on another screen: a
 * follower's screen is rarely the leader's size, so the leader's area is
 * fitted whole into it and centred (a phone sees the same, smaller).
 */

/** The part of a journey the camera has on a canvas of this size, in whole world units (presence stays small). */
export function areaOnScreen(camera: Camera, canvas: { width: number; height: number }, journeyId: string): ViewArea {
  const world = (screen: number, offset: number) => (screen - offset) / camera.scale;
  const x = Math.floor(world(0, camera.x));
  const y = Math.floor(world(0, camera.y));
  return {
    journeyId,
    x,
    y,
    width: Math.max(1, Math.ceil(world(canvas.width, camera.x)) - x),
    height: Math.max(1, Math.ceil(world(canvas.height, camera.y)) - y),
  };
}

/**
 * The camera that shows `area` whole and centred on a canvas of this size:
 * below the zoom-out floor if need be (the leader may be showing a huge
 * board fitted whole), never past the closest zoom.
 */
export function cameraShowingArea(area: ViewArea, canvas: { width: number; height: number }): Camera {
  const scale = Math.min(MAX_SCALE, canvas.width / area.width, canvas.height / area.height);
  return {
    scale,
    x: canvas.width / 2 - (area.x + area.width / 2) * scale,
    y: canvas.height / 2 - (area.y + area.height / 2) * scale,
  };
}

export const sameArea = (a: ViewArea | null, b: ViewArea | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.journeyId === b.journeyId &&
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.height === b.height);
