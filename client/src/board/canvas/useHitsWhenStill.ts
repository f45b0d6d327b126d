import { useEffect, type RefObject } from "react";
import type Konva from "konva";
import type { Camera } from "../state/camera";

/** The name of the cards' layer, whose hit regions wait for the view to stop. */
export const CARDS_LAYER = "cards";
/** The view counts as still this long after it last moved. */
const SETTLE_MS = 150;

/**
 * The cards' layer keeps its hit regions (what a press finds under the
 * pointer) only while the view is still: while it moves, each frame would
 * draw them again for nothing. They come back once the view has been still
 * for SETTLE_MS, and at once when the pointer is pressed, before Konva looks
 * for what is under it. Set on the layer itself, so a moving view renders
 * nothing more.
 */
export function useHitsWhenStill(
  camera: Camera,
  stage: RefObject<Konva.Stage | null>,
  container: RefObject<HTMLDivElement | null>,
): void {
  useEffect(() => {
    const layer = cardsLayer(stage.current);
    if (!layer) return;
    layer.listening(false);
    const timer = setTimeout(() => listen(layer), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [camera, stage]);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onPress = () => {
      const layer = cardsLayer(stage.current);
      if (layer) listen(layer);
    };
    element.addEventListener("pointerdown", onPress, { capture: true });
    return () => element.removeEventListener("pointerdown", onPress, { capture: true });
  }, [stage, container]);
}

const cardsLayer = (stage: Konva.Stage | null) => stage?.getLayers().find((layer) => layer.name() === CARDS_LAYER);

function listen(layer: Konva.Layer): void {
  if (layer.listening()) return;
  layer.listening(true);
  layer.drawHit();
}
