import type * as Y from "yjs";
import { editCardText, localUserOrigin } from "@journeyboard/shared";
import type { Writer } from "../../server/tests/support/crash";

/** Milliseconds from an edit on `writer` to its arrival at `reader`, one edit after another, while `keepGoing`. */
export async function latencies(
  writer: Writer,
  reader: Writer,
  count: number,
  keepGoing: () => boolean = () => true,
): Promise<number[]> {
  const out: number[] = [];
  const origin = localUserOrigin();
  for (let i = 0; i < count && keepGoing(); i++) {
    const text = `probe ${i} ${performance.now()}`;
    const arrived = new Promise<void>((resolve) => {
      const cards = reader.doc.getMap("cards");
      const check = () => {
        if ((cards.get("probe") as Y.Map<unknown> | undefined)?.get("text")?.toString() !== text) return;
        cards.unobserveDeep(check);
        resolve();
      };
      cards.observeDeep(check);
    });
    const start = performance.now();
    editCardText(writer.doc, { id: "probe", text }, origin);
    await arrived;
    out.push(performance.now() - start);
  }
  return out;
}

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
