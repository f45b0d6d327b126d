import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import {
  DEFAULT_VOTE_KINDS,
  LIMITS,
  type LaneKind,
  type RoundRecord,
  type RoundRules,
  shownName,
} from "@journeyboard/shared";
import { useFormat } from "../../i18n/format";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { BoardController } from "../BoardController";
import type { TimerModel } from "../state/TimerModel";
import { severalKeys } from "../state/severalKeys";
import type { VotingModel } from "../state/VotingModel";
import { ACTION_DOTS } from "../state/permissions";
import { promotionOf } from "../state/promotion";
import { SidePanel } from "./SidePanel";
import { useTimer } from "./useTimer";

const useVoting = (voting: VotingModel) => useSyncExternalStore(voting.subscribe, voting.getVersion);

/**
 * Dot voting: the facilitator starts, follows, closes and reveals rounds;
 * participants see their dots left; everyone sees the ranking once revealed.
 */
export function VotingPanel({
  controller,
  voting,
  timer,
  facilitator,
}: {
  controller: BoardController;
  voting: VotingModel;
  timer: TimerModel;
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  useVoting(voting);
  const rounds = voting.allRounds();
  const open = voting.openRound();
  const latest = voting.latestRound();
  return (
    <SidePanel title={t("voting.title")} onClose={() => controller.togglePanel("voting", false)} testId="voting.panel">
      {open ? (
        <OpenRound controller={controller} voting={voting} timer={timer} round={open} facilitator={facilitator} />
      ) : facilitator && latest?.status === "closed" ? (
        <section>
          <p>{t("voting.closed", { title: latest.rules.title })}</p>
          <button
            type="button"
            className="primary"
            onClick={() => voting.reveal(latest.id)}
            data-testid="voting.reveal"
          >
            {t("voting.reveal")}
          </button>
        </section>
      ) : facilitator ? (
        <StartRound
          controller={controller}
          voting={voting}
          lastRevealed={rounds.findLast((r) => r.status === "revealed")}
        />
      ) : (
        <p className="hint" data-testid="voting.idle">
          {t(!latest ? "voting.none" : latest.status === "closed" ? "voting.waitReveal" : "voting.noneOpen")}
        </p>
      )}
      {rounds
        .filter((r) => r.status === "revealed")
        .reverse()
        .map((round) => (
          <Results key={round.id} controller={controller} round={round} />
        ))}
    </SidePanel>
  );
}

function StartRound({
  controller,
  voting,
  lastRevealed,
}: {
  controller: BoardController;
  voting: VotingModel;
  lastRevealed: RoundRecord | undefined;
}) {
  const { t } = useTranslation();
  const grid = controller.grid();
  const kinds = [...new Set([...DEFAULT_VOTE_KINDS, ...(grid?.lanes.map((l) => l.kind) ?? [])])];
  const [stageIds, setStageIds] = useState<string[]>([]);
  const [laneIds, setLaneIds] = useState<string[]>([]);
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  // Untouched (null), the question is the default one in the language of the moment.
  const [typed, setTyped] = useState<string | null>(null);
  const title = typed ?? t("voting.defaultTitle");
  const [budgets, setBudgets] = useState<Partial<Record<LaneKind, number>>>({ irritants: 3, magicMoments: 2 });
  const [cap, setCap] = useState(1);
  const [blind, setBlind] = useState(true);
  const [minutes, setMinutes] = useState("");
  const [onResults, setOnResults] = useState(false);
  const start = (event: React.FormEvent) => {
    event.preventDefault();
    const rules: RoundRules = {
      title: title.trim() || t("voting.defaultTitle"),
      budgets,
      capPerCard: cap,
      laneIds,
      stageIds,
      fromRound: onResults && lastRevealed ? { roundId: lastRevealed.id, top: null } : null,
      blind,
      durationSeconds: minutes ? Math.round(Number(minutes) * 60) : null,
    };
    voting.start(rules);
  };
  return (
    <form className="stack" onSubmit={start} data-testid="voting.form">
      <label>
        {t("voting.roundTitle")}
        <input value={title} onChange={(e) => setTyped(e.target.value)} dir="auto" data-testid="voting.roundTitle" />
      </label>
      <fieldset>
        <legend>{t("voting.budgets")}</legend>
        {kinds.map((kind) => (
          <label key={kind} className="inline">
            {t(`lane.${kind}`)}
            <input
              type="number"
              min={0}
              max={50}
              value={budgets[kind] ?? 0}
              onChange={(e) => {
                const dots = Math.max(0, Math.min(50, Number(e.target.value) || 0));
                setBudgets(({ [kind]: _, ...rest }) => (dots ? { ...rest, [kind]: dots } : rest));
              }}
              data-testid={`voting.budget.${kind}`}
            />
          </label>
        ))}
      </fieldset>
      {grid && (
        <details>
          <summary>{t("voting.limit")}</summary>
          <fieldset>
            <legend>{t("voting.onlyStages")}</legend>
            {grid.stages.map((stage) => (
              <label key={stage.id} className="check">
                <input
                  type="checkbox"
                  checked={stageIds.includes(stage.id)}
                  onChange={() => setStageIds((ids) => toggle(ids, stage.id))}
                />
                <span dir="auto">{stage.title || (stage.preset ? t(`stage.${stage.preset}`) : "")}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("voting.onlyLanes")}</legend>
            {grid.lanes.map((lane) => (
              <label key={lane.id} className="check">
                <input
                  type="checkbox"
                  checked={laneIds.includes(lane.id)}
                  onChange={() => setLaneIds((ids) => toggle(ids, lane.id))}
                />
                <span dir="auto">{lane.title || t(`lane.${lane.preset ?? lane.kind}`)}</span>
              </label>
            ))}
          </fieldset>
        </details>
      )}
      <label className="inline">
        {t("voting.cap")}
        <input
          type="number"
          min={1}
          max={50}
          value={cap}
          onChange={(e) => setCap(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
          data-testid="voting.cap"
        />
      </label>
      <label className="inline">
        {t("voting.minutes")}
        <input
          type="number"
          min={1}
          max={600}
          value={minutes}
          placeholder={t("voting.noLimit")}
          onChange={(e) => setMinutes(e.target.value)}
          data-testid="voting.minutes"
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={blind}
          onChange={(e) => setBlind(e.target.checked)}
          data-testid="voting.blind"
        />
        {t("voting.blind")}
      </label>
      {lastRevealed && (
        <label className="check">
          <input
            type="checkbox"
            checked={onResults}
            onChange={(e) => setOnResults(e.target.checked)}
            data-testid="voting.onResults"
          />
          {t("voting.onResults", { title: lastRevealed.rules.title })}
        </label>
      )}
      <button type="submit" className="primary" disabled={!Object.keys(budgets).length} data-testid="voting.start">
        {t("voting.start")}
      </button>
    </form>
  );
}

function OpenRound({
  controller,
  voting,
  timer,
  round,
  facilitator,
}: {
  controller: BoardController;
  voting: VotingModel;
  timer: TimerModel;
  round: RoundRecord;
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const format = useFormat();
  // A round's countdown is the workshop timer bound to it.
  const countdown = useTimer(timer);
  const secondsLeft = countdown.roundId === round.id ? countdown.secondsLeft : null;
  const mine = voting.myDots(round.id);
  const progress = voting.progressOf(round.id);
  const refusal = voting.lastRefusal();
  return (
    <section className="stack" data-testid="voting.open">
      <h3 dir="auto">{round.rules.title}</h3>
      {secondsLeft !== null && (
        <p className="countdown" role="timer" data-testid="voting.countdown">
          {t("voting.timeLeft", { time: format.countdown(secondsLeft) })}
        </p>
      )}
      <p className="hint">{t(round.rules.blind ? "voting.blindHint" : "voting.openHint")}</p>
      {voting.canVote && (
        <ul className="dots-left" data-testid="voting.left">
          {Object.entries(round.rules.budgets).map(([kind, budget]) => (
            <li key={kind} data-kind={kind}>
              {t("voting.left", {
                kind: t(`lane.${kind}`),
                left: mine?.left[kind as LaneKind] ?? budget,
                budget,
              })}
            </li>
          ))}
        </ul>
      )}
      {voting.canVote && <p className="hint">{t("voting.how")}</p>}
      {refusal && refusal.reason !== "malformed" && (
        <p className="error" role="alert" data-testid="voting.refusal">
          {t(`voting.refused.${refusal.reason}`)}
        </p>
      )}
      {facilitator && (
        <>
          <h4>{t("voting.progress")}</h4>
          {/* Several keys are told apart by name: an anonymous board shows none, so it tells of none. */}
          {severalKeys(controller.permissions.anonymous ? [] : (progress?.people ?? [])).map((group) => (
            <p
              className="hint"
              role="status"
              key={`${group.name}/${group.department}`}
              data-testid="voting.severalKeys"
            >
              {t("voting.severalKeys", {
                name: group.name,
                department: departmentLabel(group.department),
                keys: group.keys,
                dots: group.used,
              })}
            </p>
          ))}
          <ul className="progress" data-testid="voting.progress">
            {(progress?.people ?? []).map((person) => (
              <li key={person.participantId} className={person.used >= person.budget ? "done" : ""}>
                <span dir="auto">
                  {shownName(person.name, controller.permissions.anonymous) || t("presence.anonymous")}
                </span>{" "}
                · {departmentLabel(person.department)}: {t("voting.used", { used: person.used, budget: person.budget })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => voting.close(round.id)} data-testid="voting.close">
            {t("voting.close")}
          </button>
        </>
      )}
      {!round.rules.blind && round.tallies && <Ranking controller={controller} round={round} />}
    </section>
  );
}

function Results({ controller, round }: { controller: BoardController; round: RoundRecord }) {
  const { t } = useTranslation();
  const tallies = round.tallies ?? [];
  const [top, setTop] = useState(Math.min(3, tallies.length));
  const promotion = promotionOf(tallies, top, controller.model.actions());
  const promote = () => {
    const ids = controller.commands.addActions(
      promotion.add.map((tally) => ({
        title: (controller.model.record("cards", tally.cardId)?.text ?? "").slice(0, LIMITS.title),
        cardIds: [tally.cardId],
        // Only the facilitator carries the counted dots over; the server refuses them from anyone else.
        dots: controller.may(ACTION_DOTS) ? tally.dots : 0,
      })),
    );
    if (ids) controller.togglePanel("actions", true);
  };
  return (
    <section className="stack" data-testid="voting.results">
      <h3 dir="auto">{round.rules.title}</h3>
      <p className="hint">{t("voting.voters", { count: round.voters ?? 0 })}</p>
      <Ranking controller={controller} round={round} />
      {controller.canEdit && tallies.length > 0 && (
        <>
          <div className="row">
            <input
              type="number"
              min={1}
              max={tallies.length}
              value={top}
              onChange={(e) => setTop(Math.max(1, Math.min(tallies.length, Number(e.target.value) || 1)))}
              aria-label={t("plan.promoteTop", { count: top })}
              data-testid="voting.promoteCount"
            />
            <button type="button" disabled={promotion.add.length === 0} onClick={promote} data-testid="voting.promote">
              {t("plan.promoteTop", { count: top })}
            </button>
          </div>
          {promotion.tied > 0 && (
            <p className="hint" data-testid="voting.promoteTied">
              {t("plan.promoteTied", { count: promotion.tied })}
            </p>
          )}
          {promotion.planned > 0 && (
            <p className="hint" data-testid="voting.promotePlanned">
              {t("plan.promotePlanned", { count: promotion.planned })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Ranking({ controller, round }: { controller: BoardController; round: RoundRecord }) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const format = useFormat();
  return (
    <ol className="ranking" data-testid="voting.ranking">
      {(round.tallies ?? []).map((tally) => {
        const card = controller.model.record("cards", tally.cardId);
        return (
          <li key={tally.cardId} className={tally.rank === 1 ? "winner" : ""} data-testid="voting.rank">
            <button type="button" className="link" onClick={() => controller.focusCards([tally.cardId])} dir="auto">
              {card?.text ?? t("voting.deletedCard")}
            </button>
            <span className="dots">{t("voting.dots", { count: tally.dots })}</span>
            <span className="by-department">
              {Object.entries(tally.byDepartment)
                .map(([department, dots]) => `${departmentLabel(department)} ${format.number(dots)}`)
                .join(" · ")}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
