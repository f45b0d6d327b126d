import { describe, expect, it } from "vitest";
import { areaOnScreen, cameraShowingArea } from "./viewArea";

const laptop = { width: 1400, height: 900 };
const phone = { width: 390, height: 700 };

describe("a view followed on another screen", () => {
  it("is the same camera on a screen of the same size", () => {
    const camera = { x: -830.5, y: 120.25, scale: 0.75 };
    const shown = cameraShowingArea(areaOnScreen(camera, laptop, "journey"), laptop);
    expect(shown.scale).toBeCloseTo(camera.scale, 2);
    expect(shown.x).toBeCloseTo(camera.x, -1);
    expect(shown.y).toBeCloseTo(camera.y, -1);
  });

  it("shows the leader's whole area, centred, on a smaller screen", () => {
    const area = areaOnScreen({ x: -1000, y: 0, scale: 1 }, laptop, "journey");
    expect(area).toEqual({ journeyId: "journey", x: 1000, y: 0, width: 1400, height: 900 });
    const camera = cameraShowingArea(area, phone);
    const left = area.x * camera.scale + camera.x;
    const right = (area.x + area.width) * camera.scale + camera.x;
    const top = area.y * camera.scale + camera.y;
    const bottom = (area.y + area.height) * camera.scale + camera.y;
    expect(left).toBeCloseTo(0);
    expect(right).toBeCloseTo(phone.width);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(phone.height);
    expect((top + bottom) / 2).toBeCloseTo(phone.height / 2);
  });

  it("follows a board fitted whole below the zoom-out floor, and never zooms in past the closest zoom", () => {
    const huge = { journeyId: "journey", x: 0, y: 0, width: 400_000, height: 300_000 };
    expect(cameraShowingArea(huge, laptop).scale).toBeCloseTo(laptop.width / huge.width);
    const tiny = { journeyId: "journey", x: 10, y: 10, width: 1, height: 1 };
    expect(cameraShowingArea(tiny, laptop).scale).toBe(3);
  });
});
