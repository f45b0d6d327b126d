import { describe, expect, it } from "vitest";
import { MIN_SCALE, cameraShowing, fitCamera, zoomAt } from "./camera";

const viewport = { width: 1400, height: 900 };

describe("camera", () => {
  it("fits a board of any size whole, below the zoom-out floor if need be", () => {
    const world = { width: 30_000, height: 400_000 };
    const camera = fitCamera(world.width, world.height, viewport);
    expect(camera.scale).toBeLessThan(MIN_SCALE);
    expect(camera.y + world.height * camera.scale).toBeLessThanOrEqual(viewport.height);
    expect(camera.x).toBeGreaterThanOrEqual(0);
    expect(camera.x + world.width * camera.scale).toBeLessThanOrEqual(viewport.width);
  });

  it("zooms out to the floor, and from a fitted view below it stays there rather than jumping in", () => {
    expect(zoomAt({ x: 0, y: 0, scale: 0.02 }, 0.1, { x: 0, y: 0 }).scale).toBe(MIN_SCALE);
    expect(zoomAt({ x: 0, y: 0, scale: 0.002 }, 0.5, { x: 0, y: 0 }).scale).toBe(0.002);
    expect(zoomAt({ x: 0, y: 0, scale: 0.002 }, 2, { x: 0, y: 0 }).scale).toBe(0.004);
  });

  it("moves the view just enough to show a box, at the same zoom, and not at all when it shows already", () => {
    const camera = { x: 0, y: 0, scale: 0.5 };
    const area = { x: 0, width: 1000, height: 900 };
    expect(cameraShowing(camera, { x: 100, y: 200, width: 200, height: 100 }, area)).toBe(camera);
    const moved = cameraShowing(camera, { x: 3000, y: 200, width: 200, height: 100 }, area);
    expect(moved.scale).toBe(0.5);
    expect(moved.x + 3200 * 0.5).toBe(1000 - 24);
    expect(cameraShowing(camera, { x: 100, y: -400, width: 200, height: 100 }, area).y).toBe(64 + 200);
  });
});
