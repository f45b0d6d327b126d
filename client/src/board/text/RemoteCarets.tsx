import { useEffect, useState, type RefObject } from "react";
import getCaretCoordinates from "textarea-caret";
import type * as Y from "yjs";
import { caretIndex, type TextTarget } from "./carets";
import type { TextElement } from "./LiveTextBinding";
import { usePeersOnBoard } from "./PeersContext";

interface Shown {
  key: number;
  name: string;
  colour: string;
  left: number;
  top: number;
  height: number;
}

/**
 * Colleagues' carets in a live text field, each with their name, where they
 * are typing: drawn over the field, following its scroll and the text as it
 * changes.
 */
export function RemoteCarets({
  doc,
  text,
  target,
  field,
}: {
  doc: Y.Doc;
  text: Y.Text;
  target: TextTarget;
  field: RefObject<TextElement | null>;
}) {
  const { peers, nameOf } = usePeersOnBoard();
  const [shown, setShown] = useState<Shown[]>([]);
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    const place = () =>
      setShown(
        peers.flatMap((peer) => {
          const index = peer.caret ? caretIndex(doc, peer.caret, target) : null;
          if (index === null) return [];
          const at = getCaretCoordinates(element, Math.min(index, element.value.length));
          return [
            {
              key: peer.clientId,
              name: nameOf(peer),
              colour: peer.user.colour,
              left: element.offsetLeft + at.left - element.scrollLeft,
              top: element.offsetTop + at.top - element.scrollTop,
              height: at.height,
            },
          ];
        }),
      );
    place();
    text.observe(place);
    element.addEventListener("scroll", place);
    return () => {
      text.unobserve(place);
      element.removeEventListener("scroll", place);
    };
  }, [doc, text, target, field, peers, nameOf]);
  return (
    <>
      {shown.map((caret) => (
        <span
          key={caret.key}
          className="remote-caret"
          data-testid="liveText.caret"
          style={{ left: caret.left, top: caret.top, height: caret.height, borderColor: caret.colour }}
        >
          <span className="remote-caret-name" style={{ background: caret.colour }} dir="auto">
            {caret.name}
          </span>
        </span>
      ))}
    </>
  );
}
