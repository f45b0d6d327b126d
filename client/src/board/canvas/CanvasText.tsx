import type { ComponentProps } from "react";
import { Text } from "react-konva";
import { textDirection } from "@journeyboard/shared";
import { FONT_STACK } from "../../fonts/family";

type Props = Omit<ComponentProps<typeof Text>, "text" | "direction" | "align" | "fontFamily"> & {
  text: string;
  /** Where a line sits: at the side its text starts from (default), or centred. */
  align?: "start" | "center";
};

/**
 * Konva text set in the direction of its own content (its first strong
 * character, as `dir="auto"` does). Left to inherit, the canvas takes the
 * page's direction, so an English title in the Arabic interface would read
 * "?Why" and an Arabic title in the English one would be cut on its
 * beginning; with its own direction, Konva's "…" lands at the logical end and
 * a trailing "؟" at the left of an Arabic line. In the app's font.
 */
export function CanvasText({ text, align = "start", ...props }: Props) {
  const direction = textDirection(text);
  const physical = align === "center" ? "center" : direction === "ltr" ? "left" : "right";
  return <Text {...props} text={text} direction={direction} align={physical} fontFamily={FONT_STACK} />;
}
