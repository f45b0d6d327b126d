import { createContext, useEffect, type RefObject } from "react";
import type Konva from "konva";
import type { Camera } from "../state/camera";

/** The name of the cards' layer, whose hit regions wait for the view to stop. */
export const CARDS_LAYER = "cards";
/** The group of the cards' layer that holds what it shows (cards, add slots, tiles). */
export const CARDS_SHOWN = "cards-shown";
/** The view counts as still this long after it last moved. */
const SETTLE_MS = 150;
/** Room around a node's box its drawing may take: shadows, outlines, dots and an editor's name above a card. */
const INK_MARGIN = 24;
/** Once this share of the screen is no longer in the picture, the next frame draws every card and takes a new one. */
const RETAKE_AT = 0.25;

interface Picture {
  canvas: HTMLCanvasElement;
  /** Where the camera was when it was taken. */
  camera: Camera;
  /** The world it shows, as [left, top, right, bottom]. */
  world: [number, number, number, number];
}

/**
 * While the view pans, the cards' layer draws a picture of itself taken at
 * the end of a frame, moved by the camera, and draws afresh only the nodes
 * not wholly in that picture (those coming into view at its edges): a frame
 * copies one picture instead of one per card (about 600 on a crowded board at
 * 35 %, each costing Konva a transform, a save and a restore). A node that
 * changes where the picture shows it (someone's edit, a selection), a zoom or
 * a drag sends the layer back to drawing every card; so does the view having
 * moved a quarter of the screen, and the frame after it takes a new picture.
 * Once the view is still, every card draws itself again, as crisp as the page.
 */
export class ViewMotion {
  private layer: Konva.Layer | null = null;
  private shown: Konva.Group | null = null;
  private sheet: Konva.Shape | null = null;
  private picture: Picture | null = null;
  private scale: number | null = null;
  private panning = false;
  private readonly spare = document.createElement("canvas");

  /** The layer, the group of what it shows and the shape that draws the picture in its place. */
  attach(layer: Konva.Layer, shown: Konva.Group, sheet: Konva.Shape): () => void {
    this.layer = layer;
    this.shown = shown;
    this.sheet = sheet;
    const taken = () => this.drawn();
    layer.on("draw.motion", taken);
    return () => {
      layer.off("draw.motion");
      this.stop();
      this.layer = this.shown = this.sheet = null;
    };
  }

  get moving(): boolean {
    return this.panning;
  }

  /** The camera changed: a pan at one zoom draws from pictures; a zoom (they would blur) does not. */
  viewMoved(scale: number, pictures: boolean): void {
    const zoomed = this.scale !== scale;
    this.scale = scale;
    if (pictures && !zoomed) this.panning = true;
    else this.stop();
  }

  /** Something in the layer changed its look over `box` (world units): a picture showing it is stale. */
  changed(box: { x: number; y: number; width: number; height: number }): void {
    const world = this.picture?.world;
    if (!world) return;
    if (box.x - INK_MARGIN < world[2] && world[0] < box.x + box.width + INK_MARGIN)
      if (box.y - INK_MARGIN < world[3] && world[1] < box.y + box.height + INK_MARGIN) this.drawLive();
  }

  /** The view is still: every card draws itself again. */
  stop(): void {
    this.panning = false;
    this.drawLive();
  }

  /** Draws the picture where the camera puts it, then the nodes it does not wholly hold. */
  readonly drawSheet = (context: Konva.Context): void => {
    const { picture, shown, layer } = this;
    if (!picture || !shown || !layer) return;
    const { camera } = picture;
    const ratio = layer.getCanvas().getPixelRatio();
    context.drawImage(
      picture.canvas,
      -camera.x / camera.scale,
      -camera.y / camera.scale,
      picture.canvas.width / ratio / camera.scale,
      picture.canvas.height / ratio / camera.scale,
    );
    const [left, top, right, bottom] = picture.world;
    const canvas = layer.getCanvas();
    for (const node of shown.getChildren()) {
      const [x, y] = [node.x(), node.y()];
      const inside =
        x - INK_MARGIN >= left &&
        y - INK_MARGIN >= top &&
        x + node.width() + INK_MARGIN <= right &&
        y + node.height() + INK_MARGIN <= bottom;
      if (!inside) node.drawScene(canvas, shown);
    }
  };

  /** The end of a frame of the layer: take a picture of it, or say when the one it used is too far off. */
  private drawn(): void {
    const { layer, shown, sheet } = this;
    if (!layer || !shown || !sheet) return;
    if (!this.panning || shown.findOne(isDragged)) return this.drawLive();
    const camera = cameraOf(layer);
    if (this.picture) {
      if (offScreen(this.picture, camera, layer) > RETAKE_AT) this.drawLive();
      return;
    }
    const source = layer.getCanvas()._canvas;
    const canvas = this.spare;
    if (canvas.width !== source.width || canvas.height !== source.height) {
      canvas.width = source.width;
      canvas.height = source.height;
    } else canvas.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
    canvas.getContext("2d")?.drawImage(source, 0, 0);
    const size = layer.getStage().size();
    this.picture = {
      canvas,
      camera,
      world: [
        -camera.x / camera.scale,
        -camera.y / camera.scale,
        (size.width - camera.x) / camera.scale,
        (size.height - camera.y) / camera.scale,
      ],
    };
    shown.visible(false);
    sheet.visible(true);
  }

  private drawLive(): void {
    this.picture = null;
    if (this.shown && !this.shown.visible()) {
      this.shown.visible(true);
      this.sheet?.visible(false);
    }
  }
}

export const ViewMotionContext = createContext<ViewMotion | null>(null);

const isDragged = (node: Konva.Node) => node.isDragging();
const cameraOf = (layer: Konva.Layer): Camera => {
  const stage = layer.getStage();
  return { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
};

/** The share of the screen the picture no longer covers. */
function offScreen(picture: Picture, camera: Camera, layer: Konva.Layer): number {
  const { width, height } = layer.getStage().size();
  const [dx, dy] = [Math.abs(camera.x - picture.camera.x), Math.abs(camera.y - picture.camera.y)];
  return 1 - (Math.max(0, width - dx) * Math.max(0, height - dy)) / (width * height);
}

/**
 * The view moving: the cards' layer keeps no hit regions (each frame would
 * draw them again for nothing) and draws from pictures (`ViewMotion`;
 * `pictures` false while a picture of the journey is being taken). Both come
 * back once the view has been still for SETTLE_MS, and at once when the
 * pointer is pressed, before Konva looks for what is under it.
 */
export function useStillView(
  camera: Camera,
  stage: RefObject<Konva.Stage | null>,
  container: RefObject<HTMLDivElement | null>,
  motion: ViewMotion,
  pictures: boolean,
): void {
  useEffect(() => {
    const layer = cardsLayer(stage.current);
    if (!layer) return;
    layer.listening(false);
    motion.viewMoved(camera.scale, pictures);
    const timer = setTimeout(() => settle(layer, motion), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [camera, stage, motion, pictures]);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onPress = () => {
      const layer = cardsLayer(stage.current);
      if (layer) settle(layer, motion);
    };
    element.addEventListener("pointerdown", onPress, { capture: true });
    return () => element.removeEventListener("pointerdown", onPress, { capture: true });
  }, [stage, container, motion]);
}

const cardsLayer = (stage: Konva.Stage | null) => stage?.getLayers().find((layer) => layer.name() === CARDS_LAYER);

function settle(layer: Konva.Layer, motion: ViewMotion): void {
  if (motion.moving) {
    motion.stop();
    layer.batchDraw();
  }
  if (layer.listening()) return;
  layer.listening(true);
  layer.drawHit();
}
