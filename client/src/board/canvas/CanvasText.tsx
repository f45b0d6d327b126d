import { createContext, useContext, useLayoutEffect, useRef, type ComponentProps } from "react";
import type Konva from "konva";
import { Text } from "react-konva";
import { directionOf, type TextDirectionSetting } from "@journeyboard/shared";
import { FONT_STACK } from "../../fonts/family";
import { useFontsFor } from "../../fonts/fonts";

type Props = Omit<ComponentProps<typeof Text>, "text" | "direction" | "align" | "fontFamily"> & {
  text: string;
  /** Where a line sits: at the side its text starts from (default), or centred. */
  align?: "start" | "center";
  /** How the text reads: from its content (default), or as a card is set to. */
  direction?: TextDirectionSetting;
};

/**
 * The resolution texts are kept at as pictures (device pixels per world
 * unit), or null to draw them afresh each frame (zoomed in, or a picture
 * being taken).
 */
export const TextResolution = createContext<number | null>(null);

/**
 * Texts are pictures between these zooms: further in, few cards are in view
 * and texts are drawn afresh, as sharp as the page sets them; further out,
 * cards are tiles and the few texts left are too small to keep as pictures.
 */
const PICTURES_FROM = 0.25;
const PICTURES_BELOW = 0.6;
/** A picture smaller than this many pixels across or down is not worth keeping (nor can it be kept). */
const SMALLEST_PICTURE = 4;

/**
 * The resolution of the pictures for a zoom (null: none), the next half
 * power of two above it, so zooming a little keeps them.
 */
export function textResolution(scale: number, devicePixelRatio: number): number | null {
  if (scale < PICTURES_FROM || scale >= PICTURES_BELOW) return null;
  return 2 ** (Math.ceil(Math.log2(scale * devicePixelRatio) * 2) / 2);
}

/** Keeps a node as a picture at `resolution` (null: drawn afresh, as is one too small to keep). */
export function keepAsPicture(
  node: Konva.Node,
  resolution: number | null,
  config: { offset?: number; hitCanvasPixelRatio?: number } = {},
): void {
  if (resolution === null) {
    if (node.isCached()) node.clearCache();
    return;
  }
  // Measured once here, and handed to Konva so it does not measure again.
  const box = node.getClientRect({ skipTransform: true, relativeTo: node.getParent() ?? undefined });
  if (Math.min(box.width, box.height) * resolution < SMALLEST_PICTURE) {
    if (node.isCached()) node.clearCache();
    return;
  }
  const [x, y] = [Math.floor(box.x), Math.floor(box.y)];
  const size = { width: Math.ceil(box.x + box.width - x), height: Math.ceil(box.y + box.height - y) };
  node.cache({ ...config, x, y, ...size, pixelRatio: resolution });
}

/**
 * Konva text set in the direction of its own content (its first strong
 * character, as `dir="auto"` does). Left to inherit, the canvas takes the
 * page's direction, so an English title in the Arabic interface would read
 * "?Why" and an Arabic title in the English one would be cut on its
 * beginning; with its own direction, Konva's "…" lands at the logical end and
 * a trailing "؟" at the left of an Arabic line. A card's text may be set to
 * read one way whatever it starts with (`direction`). In the app's fonts,
 * emoji included.
 *
 * Laying out and filling text is the dearest part of a frame: zoomed out,
 * where many are in view, the text is kept as a picture at the
 * `TextResolution` (made again when what it shows changes), so moving the
 * view only copies it.
 */
export function CanvasText({ text, align = "start", direction: setting = "auto", ...props }: Props) {
  const direction = directionOf(text, setting);
  const physical = align === "center" ? "center" : direction === "ltr" ? "left" : "right";
  const resolution = useContext(TextResolution);
  const node = useRef<Konva.Text>(null);
  // A new node once an emoji's font has arrived: the one drawn before measured its lines in the fallback.
  const fonts = useFontsFor(text) ? "loaded" : "loading";
  // What the picture shows: everything but where it is.
  const shown = JSON.stringify([text, direction, physical, props], (key, value: unknown) =>
    key === "x" || key === "y" ? undefined : value,
  );
  useLayoutEffect(() => {
    const current = node.current;
    if (!current) return;
    keepAsPicture(current, text ? resolution : null);
  }, [shown, resolution, text, fonts]);
  return (
    <Text
      key={fonts}
      ref={node}
      {...props}
      text={text}
      direction={direction}
      align={physical}
      fontFamily={FONT_STACK}
    />
  );
}
