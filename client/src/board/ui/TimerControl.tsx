import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Timer } from "lucide-react";
import { TIMER_MAX_SECONDS } from "@journeyboard/shared";
import { useFormat } from "../../i18n/format";
import type { TimerModel } from "../state/TimerModel";
import { playTimerEnd, setTimerSound, timerSoundOn, unlockTimerSound } from "./timerSound";
import { useTimer } from "./useTimer";

/** Minutes the facilitator's timer starts with unless they type another. */
const DEFAULT_MINUTES = 5;
/** What "more time" adds. */
const MORE_SECONDS = 60;

/**
 * The workshop timer in the top bar: everyone sees the time left (the same
 * on every screen, after a reload too) and a signal when it runs out, with
 * a sound if they turned it on; the facilitator starts, pauses, resumes,
 * adds time and stops it. The controls are offered only to a role the
 * server takes them from (`mayCommand`).
 */
export function TimerControl({ timer, mayRun }: { timer: TimerModel; mayRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = useTimer(timer);
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [sound, setSound] = useState(timerSoundOn);
  const wasRunning = useRef(view.running);
  useEffect(() => {
    // Only a timer seen running here rings: one that ran out before the page opened does not.
    if (wasRunning.current && view.ended && timerSoundOn()) playTimerEnd();
    wasRunning.current = view.running;
  }, [view.running, view.ended]);
  const refusal = timer.lastRefusal();
  const state = view.ended ? "ended" : view.paused ? "paused" : view.running ? "running" : "none";
  if (!mayRun && view.secondsLeft === null) return null;
  return (
    <div className="share timer" data-state={state}>
      <button
        type="button"
        className="timer-button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={t("timer.label")}
        data-testid="timer.toggle"
      >
        <Timer size={16} aria-hidden />
        {view.secondsLeft !== null && (
          <span role="timer" data-testid="timer.remaining">
            {format.countdown(view.secondsLeft)}
          </span>
        )}
      </button>
      {view.ended && (
        <span className="timer-ended" role="status" data-testid="timer.ended">
          {t("timer.ended")}
        </span>
      )}
      {view.paused && <span className="timer-paused">{t("timer.paused")}</span>}
      {open && (
        <div className="popover" data-testid="timer.panel">
          {mayRun && (
            <div className="timer-actions">
              {(state === "none" || state === "ended") && (
                <>
                  <label>
                    {t("timer.minutes")}
                    <input
                      type="number"
                      min={1}
                      max={TIMER_MAX_SECONDS / 60}
                      value={minutes}
                      onChange={(event) => setMinutes(Number(event.target.value))}
                      data-testid="timer.minutes"
                    />
                  </label>
                  <button
                    type="button"
                    className="primary"
                    disabled={!(minutes >= 1 && minutes <= TIMER_MAX_SECONDS / 60)}
                    onClick={() => timer.start(Math.round(minutes * 60))}
                    data-testid="timer.start"
                  >
                    {t("timer.start")}
                  </button>
                </>
              )}
              {state === "running" && (
                <button type="button" onClick={timer.pause} data-testid="timer.pause">
                  {t("timer.pause")}
                </button>
              )}
              {state === "paused" && (
                <button type="button" onClick={timer.resume} data-testid="timer.resume">
                  {t("timer.resume")}
                </button>
              )}
              {state !== "none" && (
                <>
                  <button type="button" onClick={() => timer.add(MORE_SECONDS)} data-testid="timer.add">
                    {t("timer.add", { minutes: MORE_SECONDS / 60 })}
                  </button>
                  <button type="button" onClick={timer.stop} data-testid="timer.stop">
                    {t("timer.stop")}
                  </button>
                </>
              )}
              {view.roundId && state !== "ended" && <p className="hint">{t("timer.ofRound")}</p>}
              {refusal && (
                <p className="hint" role="alert" data-testid="timer.refused">
                  {t(`timer.refused.${refusal.reason}`)}
                </p>
              )}
            </div>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={sound}
              onChange={(event) => {
                setTimerSound(event.target.checked);
                setSound(event.target.checked);
                if (event.target.checked) unlockTimerSound();
              }}
              data-testid="timer.sound"
            />
            {t("timer.sound")}
          </label>
        </div>
      )}
    </div>
  );
}
