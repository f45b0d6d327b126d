import { Suspense, lazy, useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import {
  CLOSE_REASONS,
  isPresetChannel,
  type Indicator,
  type JourneyRecord,
  type Role,
  type StepEmotion,
  shownName,
} from "@journeyboard/shared";
import type { Identity } from "../identity/identity";
import { useDepartmentLabel } from "../identity/useDepartmentLabel";
import { useFormat } from "../i18n/format";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { ACTIONS } from "./actions/registry";
import { actionFor, keyPressed } from "./actions/shortcuts";
import { BoardCanvas } from "./canvas/BoardCanvas";
import type { CardLabels } from "./canvas/CardNode";
import { CardEditor, DraftEditor, PrivateDraftEditor } from "./canvas/CardEditor";
import type { CurveLabels } from "./canvas/EmotionCurveLayer";
import { useConnectionState } from "./state/connectionState";
import { useCursorsHidden } from "./state/cursorsShown";
import { slotBox, newCardSlot } from "./state/layout";
import { NO_DOTS, cardDotsOf } from "./state/cardDots";
import { peersShown, usePeers, type Peer } from "./state/presence";
import { useAnonymous } from "./ui/AnonymousToggle";
import { PeersContext } from "./text/PeersContext";
import { useBoardSession, type BoardSession } from "./state/useBoardSession";
import { useBoardVersion, useUi } from "./useBoard";
import { DraftsBar } from "./drafts/DraftsBar";
import { draftBoxes } from "./drafts/draftsByCell";
import { ActionsPanel } from "./ui/ActionsPanel";
import { AxisMenu } from "./ui/AxisMenu";
import { ClusterMenu } from "./clusters/ClusterMenu";
import { BoardMessage } from "./ui/BoardMessage";
import { CardList } from "./ui/CardList";
import { CardPanel } from "./ui/CardPanel";
import { ConnectionBadge } from "./ui/ConnectionBadge";
import { CoveragePanel } from "./ui/CoveragePanel";
import { DuplicatesPanel } from "./ui/DuplicatesPanel";
import { DepartmentLegend } from "./ui/DepartmentLegend";
import { FollowBar } from "./ui/FollowBar";
import { FollowControl } from "./ui/FollowControl";
import { FocusAnnouncer } from "./ui/FocusAnnouncer";
import { HelpPanel } from "./ui/HelpPanel";
import { HistoryPanel } from "./ui/HistoryPanel";
import { JourneyBar } from "./ui/JourneyBar";
import { JourneysPanel } from "./ui/JourneysPanel";
import { NoticeToast } from "./ui/NoticeToast";
import { PhaseControl } from "./ui/PhaseControl";
import { OutlinePanel } from "./ui/OutlinePanel";
import { PersonasPanel } from "./ui/PersonasPanel";
import { PresenceList } from "./ui/PresenceList";
import { Cofacilitators } from "./ui/Cofacilitators";
import { SharePanel } from "./ui/SharePanel";
import { TimerControl } from "./ui/TimerControl";
import { Toolbar } from "./ui/Toolbar";
import { TouchpointPanel } from "./ui/TouchpointPanel";
import { VotingPanel } from "./ui/VotingPanel";
import { PhoneBoard } from "./room/PhoneBoard";
import { ProjectorScreen } from "./room/ProjectorScreen";
import { SimpleModeButton } from "./room/SimpleModeButton";
import { useSimpleMode } from "./room/simpleMode";

// The export panel (with its SVG drawing) loads when it first opens; the PDF is drawn by the server.
const ExportPanel = lazy(() => import("./ui/ExportPanel").then((module) => ({ default: module.ExportPanel })));

const NO_STEPS: StepEmotion[] = [];

interface Props {
  boardId: string;
  token: string;
  role: Role;
  identity: Identity;
  /**
   * Asks again for name and department (the department alone while the board is anonymous, as it is now).
   * Null for a personal link's person, whose name and department are the invite's.
   */
  onChangeIdentity: ((anonymous: boolean) => void) | null;
  /** The viewer link opened as the projector: the canvas alone, following the facilitator (`room/`), and nobody in presence. */
  projector: boolean;
}

/** A board once we know who we are: connects, then shows the canvas and its tools. */
export function BoardView(props: Props) {
  const session = useBoardSession(props.boardId, props.token, props.role, props.identity, !props.projector);
  const [simple, chooseSimple] = useSimpleMode();
  if (!session) return null;
  if (simple && props.role === "participant")
    return <PhoneBoard session={session} onFullBoard={() => chooseSimple(false)} />;
  return <ConnectedBoard {...props} {...session} />;
}

function ConnectedBoard({
  boardId,
  token,
  role,
  identity,
  onChangeIdentity,
  projector,
  connection,
  controller,
  voting,
  timer,
  follow,
  presenter,
  drafts,
  revoked,
}: Props & BoardSession) {
  const { t } = useTranslation();
  const connectionState = useConnectionState(connection);
  useBoardVersion(controller);
  const ui = useUi(controller);
  const anonymous = useAnonymous(controller.permissions);
  const heard = usePeers(connection.provider);
  const peers = useMemo(() => peersShown(heard, anonymous), [heard, anonymous]);
  const shownMe = useMemo(() => ({ ...identity, name: shownName(identity.name, anonymous) }), [identity, anonymous]);
  const cursorsHidden = useCursorsHidden();
  const departmentLabel = useDepartmentLabel();
  const format = useFormat();
  const votingVersion = useSyncExternalStore(voting.subscribe, voting.getVersion);
  // A draft kept or dropped changes the layout: its cell makes room for it.
  const myDrafts = useSyncExternalStore(drafts.subscribe, drafts.list);
  const editingDraftId = useSyncExternalStore(drafts.subscribeEditing, drafts.editing);
  const dots = useMemo(() => (votingVersion >= 0 ? cardDotsOf(voting) : NO_DOTS), [voting, votingVersion]);

  useEffect(() => {
    const inField = (event: Event) =>
      event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]") !== null;
    const onCanvas = (event: Event) => event.target instanceof Element && event.target.closest(".canvas") !== null;
    const onKeyDown = (event: KeyboardEvent) => {
      const action = actionFor(ACTIONS, event);
      if (!action || action.clipboard || (inField(event) && !action.inFields)) return;
      if ((action.onCanvas && !onCanvas(event)) || !action.enabled(controller)) return;
      event.preventDefault();
      action.run(controller, undefined, keyPressed(action, event));
    };
    const onClipboard = (event: ClipboardEvent) => {
      const action = ACTIONS.find((a) => a.id === event.type);
      if (!action || !event.clipboardData || inField(event) || !action.enabled(controller)) return;
      event.preventDefault();
      action.run(controller, event.clipboardData);
    };
    window.addEventListener("keydown", onKeyDown);
    for (const type of ["copy", "cut", "paste"] as const) document.addEventListener(type, onClipboard);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      for (const type of ["copy", "cut", "paste"] as const) document.removeEventListener(type, onClipboard);
    };
  }, [controller]);

  const journeyId = controller.journeyId();
  const grid = controller.grid();
  const layout = controller.layout();
  useEffect(() => {
    if (connectionState.synced || connectionState.local) controller.fitOnFirstView();
  }, [connectionState.synced, connectionState.local, controller, layout]);

  const labels = useMemo(
    () => ({
      stage: (id: string) => {
        const stage = controller.model.record("stages", id);
        return stage?.title || (stage?.preset ? t(`stage.${stage.preset}`) : "");
      },
      lane: (id: string) => {
        const lane = controller.model.record("lanes", id);
        return lane ? lane.title || t(`lane.${lane.preset ?? lane.kind}`) : "";
      },
    }),
    [controller, t],
  );
  const channelLabel = useMemo(
    () => (channel: string) => (isPresetChannel(channel) ? t(`channel.${channel}`) : channel),
    [t],
  );
  const cardLabels = useMemo<CardLabels>(
    () => ({
      placeholder: controller.canEdit ? t("card.placeholder") : "",
      addCard: t("card.add"),
      channel: channelLabel,
      department: departmentLabel,
      indicator: (indicator: Indicator) => {
        const name =
          indicator.metric === "custom" ? indicator.label || t("metric.custom") : t(`metric.${indicator.metric}`);
        const value = indicator.value === null ? "–" : format.number(indicator.value);
        const detail = [
          indicator.target !== null ? t("indicator.target", { value: indicator.target }) : null,
          indicator.threshold !== null
            ? t(indicator.direction === "higherIsBetter" ? "indicator.alertBelow" : "indicator.alertAbove", {
                value: indicator.threshold,
              })
            : null,
        ]
          .filter(Boolean)
          .join(" · ");
        return { headline: `${name} ${value}`, detail };
      },
      merged: (count: number) => t("card.merged", { count }),
    }),
    [controller, t, format, channelLabel, departmentLabel],
  );
  const curveLabels = useMemo<CurveLabels>(
    () => ({
      noRatings: t("curve.noRatings"),
      disagreement: t("curve.disagreement"),
      scale: (v) => t(`emotion.face.${v}`),
    }),
    [t],
  );
  const curve = journeyId ? controller.model.emotionCurve(journeyId) : NO_STEPS;
  const journeyTitle = (journey: JourneyRecord) => {
    const persona = journey.personaId ? controller.model.record("personas", journey.personaId) : undefined;
    const title = journey.title || t(`mapType.${journey.mapType}.name`);
    return persona?.name ? `${title} · ${persona.name}` : title;
  };
  const nameOf = useCallback(
    (peer: Peer) => `${peer.user.name || t("presence.anonymous")} · ${departmentLabel(peer.user.department)}`,
    [t, departmentLabel],
  );

  const peersOnBoard = useMemo(() => ({ peers, nameOf }), [peers, nameOf]);

  if (revoked) return <BoardMessage kind="refused" reason={CLOSE_REASONS.linkRevoked} />;
  if (connectionState.refusal) return <BoardMessage kind="refused" reason={connectionState.refusal} />;

  const meta = controller.model.meta();
  const { standing } = controller.permissions;
  const editingCard = ui.editing ? controller.model.record("cards", ui.editing) : undefined;
  const editingBox = ui.editing ? layout?.cards.get(ui.editing) : undefined;
  const draftBox =
    ui.draft && layout && grid ? slotBox(layout, grid, newCardSlot(layout, grid, ui.draft, drafts.writing)) : null;
  const editingDraft = myDrafts.find((draft) => draft.id === editingDraftId);
  const editingDraftBox =
    editingDraft && layout && grid && journeyId
      ? draftBoxes(layout, grid, myDrafts, journeyId).get(editingDraft.id)
      : undefined;
  const [selectedId] = ui.selection;
  const selected = ui.selection.size === 1 && selectedId ? controller.model.record("cards", selectedId) : undefined;
  const selectedKind = selected ? controller.model.record("lanes", selected.laneId)?.kind : undefined;
  const ready = Boolean(grid && layout && (connectionState.synced || connectionState.local));
  const canvas = ready && layout && (
    <BoardCanvas
      controller={controller}
      layout={layout}
      labels={labels}
      cardLabels={cardLabels}
      curve={curve}
      curveLabels={curveLabels}
      peers={peers}
      nameOf={nameOf}
      cursors={!cursorsHidden}
      dots={dots}
    />
  );
  if (projector)
    return (
      <ProjectorScreen follow={follow} peers={peers} nameOf={nameOf} title={meta.title ?? ""}>
        {canvas}
      </ProjectorScreen>
    );

  return (
    <PeersContext.Provider value={peersOnBoard}>
      <div className="board">
        <header className="topbar">
          <a href="/" className="brand" aria-label={t("app.home")}>
            {t("app.name")}
          </a>
          <h1 data-testid="board.title" dir="auto">
            {meta.title ?? ""}
          </h1>
          <span className={`role role-${standing}`} data-testid="board.role">
            {t(`role.${standing}`)}
          </span>
          <PhaseControl controller={controller} facilitator={controller.permissions.mayCommand("phase.set")} />
          <TimerControl timer={timer} mayRun={controller.permissions.mayCommand("timer.start")} />
          <DraftsBar
            desk={drafts}
            permissions={controller.permissions}
            peers={peers}
            onEdit={(id) => controller.editDraft(id)}
          />
          <div className="topbar-end">
            {controller.permissions.mayCommand("follow.start") && (
              <FollowControl follow={follow} presenter={presenter} peers={peers} nameOf={nameOf} />
            )}
            {role === "facilitator" && (
              <SharePanel boardId={boardId} token={token}>
                <Cofacilitators permissions={controller.permissions} peers={peers} />
              </SharePanel>
            )}
            {role === "participant" && <SimpleModeButton />}
            <PresenceList
              me={shownMe}
              peers={peers}
              onEditMe={onChangeIdentity && (() => onChangeIdentity(anonymous))}
              anonymous={anonymous}
              follow={follow}
            />
            <ConnectionBadge state={connectionState} />
            <LanguagePicker />
          </div>
        </header>
        <JourneyBar controller={controller} journeys={controller.model.journeys()} titleOf={journeyTitle} />
        {role === "viewer" && (
          <p className="viewer-banner" data-testid="board.viewOnly">
            {t("board.viewOnly")}
          </p>
        )}
        {standing === "participant" && ui.phase !== "open" && (
          <p className="viewer-banner" data-testid="board.phaseBanner">
            {t(`phase.${ui.phase}.participants`)}
          </p>
        )}
        <main className="workspace">
          <Toolbar controller={controller} />
          {grid && ready ? (
            <>
              {canvas}
              <FollowBar
                follow={follow}
                presenter={presenter}
                peers={peers}
                nameOf={nameOf}
                stageTitle={labels.stage}
              />
              <CardList grid={grid} model={controller.model} labels={labels} selection={ui.selection} />
              <FocusAnnouncer
                grid={grid}
                labels={labels}
                focus={controller.keyboardFocus()}
                selection={ui.selection}
                announcement={ui.announcement}
              />
              {!ui.picture && <DepartmentLegend grid={grid} />}
            </>
          ) : (
            <p className="loading" role="status">
              {t(connectionState.synced || connectionState.local ? "board.noJourney" : "board.loading")}
            </p>
          )}
          {editingCard && editingBox && (
            <CardEditor
              key={`editor-${editingCard.id}`}
              controller={controller}
              cardId={editingCard.id}
              box={editingBox}
            />
          )}
          {editingDraft && editingDraftBox && (
            <PrivateDraftEditor
              key={`draft-editor-${editingDraft.id}`}
              controller={controller}
              desk={drafts}
              text={editingDraft.text}
              box={editingDraftBox}
            />
          )}
          {draftBox && ui.draft && (
            <DraftEditor key={`draft-${ui.draft.stageId}-${ui.draft.laneId}`} controller={controller} box={draftBox} />
          )}
          {ui.notice && <NoticeToast controller={controller} notice={ui.notice} />}
          {ui.menu && (
            <AxisMenu
              key={`menu-${ui.menu.axis}-${ui.menu.id}`}
              controller={controller}
              menu={ui.menu}
              labels={labels}
            />
          )}
          {ui.clusterMenu && (
            <ClusterMenu
              key={`cluster-${ui.clusterMenu.stageId}-${ui.clusterMenu.laneId}-${ui.clusterMenu.cluster}`}
              controller={controller}
              menu={ui.clusterMenu}
            />
          )}
          {ui.panel === "help" && <HelpPanel controller={controller} />}
          {ui.panel === "journeys" && (
            <JourneysPanel
              controller={controller}
              titleOf={(id) => journeyTitle(controller.model.record("journeys", id)!)}
            />
          )}
          {ui.panel === "personas" && <PersonasPanel controller={controller} />}
          {ui.panel === "touchpoints" && (
            <TouchpointPanel controller={controller} labels={labels} channelLabel={channelLabel} />
          )}
          {ui.panel === "coverage" && <CoveragePanel controller={controller} voting={voting} />}
          {ui.panel === "duplicates" && <DuplicatesPanel controller={controller} labels={labels} />}
          {ui.panel === "outline" && <OutlinePanel controller={controller} labels={labels} />}
          {ui.panel === "actions" && <ActionsPanel controller={controller} boardId={boardId} token={token} />}
          {ui.panel === "history" && (
            <HistoryPanel
              controller={controller}
              boardId={boardId}
              token={token}
              facilitator={role === "facilitator"}
            />
          )}
          {ui.panel === "exports" && (
            <Suspense fallback={null}>
              <ExportPanel controller={controller} boardId={boardId} token={token} labels={labels} />
            </Suspense>
          )}
          {ui.panel === "voting" && (
            <VotingPanel
              controller={controller}
              voting={voting}
              timer={timer}
              facilitator={controller.permissions.mayCommand("round.start")}
            />
          )}
          {ui.panel === null && selected && selectedKind && (
            <CardPanel
              key={`panel-${selected.id}`}
              controller={controller}
              card={selected}
              kind={selectedKind}
              emotion={curve.find((s) => s.card.id === selected.id)}
              channelLabel={channelLabel}
              voting={voting}
            />
          )}
        </main>
      </div>
    </PeersContext.Provider>
  );
}
