import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { CLOSE_REASONS } from "@journeyboard/shared";
import { LanguagePicker } from "../../i18n/LanguagePicker";
import { DraftsBar } from "../drafts/DraftsBar";
import { useConnectionState } from "../state/connectionState";
import { usePeers } from "../state/presence";
import type { BoardSession } from "../state/useBoardSession";
import { BoardMessage } from "../ui/BoardMessage";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { NoticeToast } from "../ui/NoticeToast";
import { TimerControl } from "../ui/TimerControl";
import { useBoardVersion, useUi } from "../useBoard";
import { PhoneAddCard } from "./PhoneAddCard";
import { PhonePicker } from "./PhonePicker";
import { PhoneRating } from "./PhoneRating";
import { PhoneVoting } from "./PhoneVoting";
import { cardsToVote, phoneTasks, placeOn, stepsIn, type Place } from "./phoneTasks";
import { useAxisLabels } from "./useAxisLabels";
import "./room.css";

/**
 * The simple participant mode, made for a phone: one column of large
 * controls showing only what the phase lets this person do now (add a
 * card, rate the steps, vote in the open round), on the same board,
 * connection and checks as the full board, which one button goes back to.
 */
export function PhoneBoard({ session, onFullBoard }: { session: BoardSession; onFullBoard: () => void }) {
  const { t } = useTranslation();
  const { connection, controller, voting, timer, drafts, revoked } = session;
  const connectionState = useConnectionState(connection);
  useBoardVersion(controller);
  const ui = useUi(controller);
  useSyncExternalStore(voting.subscribe, voting.getVersion);
  const peers = usePeers(connection.provider);
  const labels = useAxisLabels(controller);
  const [chosen, setChosen] = useState<Partial<Place>>({});

  if (revoked) return <BoardMessage kind="refused" reason={CLOSE_REASONS.linkRevoked} />;
  if (connectionState.refusal) return <BoardMessage kind="refused" reason={connectionState.refusal} />;

  const ready = connectionState.synced || connectionState.local;
  const journeys = controller.model.journeys();
  const journeyId = controller.journeyId();
  const grid = controller.grid();
  const place = grid ? placeOn(grid, chosen) : null;
  const tasks = phoneTasks(controller.permissions, voting);
  const round = tasks.vote;
  return (
    <div className="phone" data-testid="phone">
      <header className="phone-bar">
        <h1 dir="auto" data-testid="board.title">
          {controller.model.meta().title ?? ""}
        </h1>
        <ConnectionBadge state={connectionState} />
        <LanguagePicker />
      </header>
      <p className="phone-phase" data-testid="phone.phase">
        <strong>{t(`phase.${ui.phase}.name`)}</strong> {t(`phase.${ui.phase}.participants`)}
      </p>
      <div className="phone-status">
        <TimerControl timer={timer} mayRun={false} />
        <DraftsBar desk={drafts} permissions={controller.permissions} peers={peers} />
      </div>
      {ready && grid && place && journeyId ? (
        <main className="phone-main">
          {journeys.length > 1 && (
            <PhonePicker
              label={t("phone.journey")}
              value={journeyId}
              options={journeys.map((j) => ({ id: j.id, label: j.title || t(`mapType.${j.mapType}.name`) }))}
              onChange={(id) => controller.showJourney(id)}
              testId="phone.journey"
            />
          )}
          <PhonePicker
            label={t("phone.stage")}
            value={place.stageId}
            options={grid.stages.map((stage) => ({ id: stage.id, label: labels.stage(stage.id) }))}
            onChange={(stageId) => setChosen({ ...place, stageId })}
            testId="phone.stage"
          />
          {tasks.add && (
            <PhoneAddCard
              controller={controller}
              journeyId={journeyId}
              grid={grid}
              place={place}
              labels={labels}
              onLane={(laneId) => setChosen({ ...place, laneId })}
            />
          )}
          {round && (
            <PhoneVoting
              voting={voting}
              round={round}
              cards={cardsToVote(grid, place.stageId, (card, kind) => voting.votesOn(round, card, kind))}
            />
          )}
          {tasks.rate && <PhoneRating controller={controller} steps={stepsIn(grid, place.stageId)} />}
          {!tasks.add && !tasks.rate && !round && (
            <p className="phone-section hint" data-testid="phone.nothingNow">
              {t("phone.nothingNow")}
            </p>
          )}
        </main>
      ) : (
        <p className="loading" role="status">
          {t(ready ? "phone.noJourney" : "board.loading")}
        </p>
      )}
      {ui.notice && <NoticeToast controller={controller} notice={ui.notice} />}
      <footer className="phone-footer">
        <button type="button" onClick={onFullBoard} data-testid="phone.fullBoard">
          {t("phone.fullBoard")}
        </button>
      </footer>
    </div>
  );
}
