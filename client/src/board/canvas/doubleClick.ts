import type Konva from "konva";

/**
 * Whether a click is the second of a double-click, by the click count the
 * browser gives it (from the system's double-click speed, at the time of the
 * input). Konva's own dblclick times the gap between its handlers instead, so
 * when the first click's work keeps the page busy past its 400 ms (a big
 * board, a slow machine) a quick double-click counts as two single clicks.
 */
export const isDoubleClick = (event: Konva.KonvaEventObject<MouseEvent>): boolean => event.evt.detail === 2;
