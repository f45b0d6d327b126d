import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "@journeyboard/shared";
import type { Identity } from "../identity/identity";
import { useDepartmentLabel } from "../identity/useDepartmentLabel";
import { ACTIONS } from "./actions/registry";
import { actionFor } from "./actions/shortcuts";
import { BoardCanvas } from "./canvas/BoardCanvas";
import { CardEditor } from "./canvas/CardEditor";
import { useConnectionState } from "./state/connectionState";
import { slotBox } from "./state/layout";
import { usePeers, type Peer } from "./state/presence";
import { useBoardSession, type BoardSession } from "./state/useBoardSession";
import { useBoardVersion, useUi } from "./useBoard";
import { BoardMessage } from "./ui/BoardMessage";
import { CardList } from "./ui/CardList";
import { ConnectionBadge } from "./ui/ConnectionBadge";
import { HelpPanel } from "./ui/HelpPanel";
import { PresenceList } from "./ui/PresenceList";
import { SharePanel } from "./ui/SharePanel";
import { Toolbar } from "./ui/Toolbar";

interface Props {
  boardId: string;
  token: string;
  role: Role;
  identity: Identity;
  /** Asks again for name and department. */
  onChangeIdentity: () => void;
}

/** A board once we know who we are: connects, then shows the canvas and its tools. */
export function BoardView(props: Props) {
  const session = useBoardSession(props.boardId, props.token, props.role, props.identity);
  return session ? <ConnectedBoard {...props} {...session} /> : null;
}

function ConnectedBoard({ boardId, role, identity, onChangeIdentity, connection, controller }: Props & BoardSession) {
  const { t } = useTranslation();
  const connectionState = useConnectionState(connection.provider);
  useBoardVersion(controller);
  const ui = useUi(controller);
  const peers = usePeers(connection.provider);
  const departmentLabel = useDepartmentLabel();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inField = target?.closest("input, textarea, select, [contenteditable]") !== null;
      const action = actionFor(ACTIONS, event);
      if (!action || (inField && !action.inFields) || !action.enabled(controller)) return;
      event.preventDefault();
      action.run(controller);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [controller]);

  const grid = controller.grid();
  const layout = controller.layout();
  useEffect(() => {
    if (connectionState.synced) controller.fitOnFirstView();
  }, [connectionState.synced, controller, layout]);

  const labels = useMemo(
    () => ({
      stage: (id: string) => {
        const stage = controller.model.record("stages", id);
        return stage?.title || (stage?.preset ? t(`stage.${stage.preset}`) : "");
      },
      lane: (id: string) => {
        const lane = controller.model.record("lanes", id);
        return lane?.title || (lane?.preset ? t(`lane.${lane.preset}`) : "");
      },
    }),
    [controller, t],
  );
  const nameOf = (peer: Peer) =>
    `${peer.user.name || t("presence.anonymous")} · ${departmentLabel(peer.user.department)}`;

  if (connectionState.refusal) return <BoardMessage kind="refused" reason={connectionState.refusal} />;

  const meta = controller.model.meta();
  const editingCard = ui.editing ? controller.model.record("cards", ui.editing) : undefined;
  const editingBox = ui.editing ? layout?.cards.get(ui.editing) : undefined;
  const draftBox = ui.draft && layout ? slotBox(layout, ui.draft) : null;

  return (
    <div className="board">
      <header className="topbar">
        <a href="/" className="brand" aria-label={t("app.home")}>
          {t("app.name")}
        </a>
        <h1 data-testid="board.title" dir="auto">
          {meta.title ?? ""}
        </h1>
        <span className={`role role-${role}`} data-testid="board.role">
          {t(`role.${role}`)}
        </span>
        <div className="spacer" />
        {role === "facilitator" && <SharePanel boardId={boardId} />}
        <PresenceList me={identity} peers={peers} onEditMe={onChangeIdentity} />
        <ConnectionBadge state={connectionState} />
      </header>
      {role === "viewer" && (
        <p className="viewer-banner" data-testid="board.viewOnly">
          {t("board.viewOnly")}
        </p>
      )}
      <Toolbar controller={controller} />
      {grid && layout && connectionState.synced ? (
        <>
          <BoardCanvas
            controller={controller}
            grid={grid}
            layout={layout}
            labels={labels}
            peers={peers}
            nameOf={nameOf}
          />
          <CardList grid={grid} labels={labels} />
        </>
      ) : (
        <p className="loading" role="status">
          {t("board.loading")}
        </p>
      )}
      {editingCard && editingBox && (
        <CardEditor key={editingCard.id} controller={controller} initialText={editingCard.text} box={editingBox} />
      )}
      {draftBox && <CardEditor key="draft" controller={controller} initialText="" box={draftBox} />}
      {ui.helpOpen && <HelpPanel controller={controller} />}
    </div>
  );
}
