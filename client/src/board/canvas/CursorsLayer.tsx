import { Group, Label, Path, Tag } from "react-konva";
import { CanvasText } from "./CanvasText";
import type { Peer } from "../state/presence";

/** Other people's pointers, drawn the same size at any zoom. */
export function CursorsLayer({
  peers,
  scale,
  nameOf,
}: {
  peers: Peer[];
  scale: number;
  nameOf: (peer: Peer) => string;
}) {
  return (
    <Group>
      {peers.map((peer) =>
        peer.cursor ? (
          <Group
            key={peer.clientId}
            name="cursor"
            x={peer.cursor.x}
            y={peer.cursor.y}
            scaleX={1 / scale}
            scaleY={1 / scale}
          >
            <Path
              data="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L12.5 11 Z"
              fill={peer.user.colour}
              stroke="#ffffff"
              strokeWidth={1}
            />
            <Label x={12} y={18}>
              <Tag fill={peer.user.colour} cornerRadius={4} />
              <CanvasText text={nameOf(peer)} fill="#ffffff" fontSize={12} padding={4} />
            </Label>
          </Group>
        ) : null,
      )}
    </Group>
  );
}
