import type * as Y from "yjs";
import {
  SESSION_TIMER,
  TimerState,
  WORKSHOP_SESSION,
  timerEnded,
  timerRemaining,
  type CommandRefused,
  type TimerCommand,
} from "@journeyboard/shared";
import type { ServerMessages } from "./serverMessages";
import { serverNow } from "./serverClock";

/**
 * The workshop timer as the server publishes it (the workshop document's
 * `session.timer`), counted down by the server's clock so every screen
 * shows the same time, and the facilitator's commands to run it. The
 * server decides each; a refused one comes back with its reason.
 */
export class TimerModel {
  private current: TimerState | null = null;
  private refusal: CommandRefused | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly session: Y.Map<unknown>;
  private readonly stopRefusals: () => void;

  constructor(
    workshop: Y.Doc,
    messages: ServerMessages,
    private readonly send: (command: TimerCommand) => void,
  ) {
    this.session = workshop.getMap(WORKSHOP_SESSION);
    this.session.observe(this.read);
    this.read();
    this.stopRefusals = messages.on("refused", (refused) => {
      if (!refused.command?.startsWith("timer.")) return;
      this.refusal = refused;
      this.notify();
    });
  }

  get timer(): TimerState | null {
    return this.current;
  }

  /** Milliseconds left now, or null without a timer. */
  remaining(): number | null {
    return this.current ? timerRemaining(this.current, serverNow()) : null;
  }

  ended(): boolean {
    return this.current !== null && timerEnded(this.current, serverNow());
  }

  /** The server's last refusal of a timer command, until the timer changes. */
  lastRefusal(): CommandRefused | null {
    return this.refusal;
  }

  start = (seconds: number) => this.send({ type: "timer.start", seconds });
  pause = () => this.send({ type: "timer.pause" });
  resume = () => this.send({ type: "timer.resume" });
  add = (seconds: number) => this.send({ type: "timer.add", seconds });
  stop = () => this.send({ type: "timer.stop" });

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.session.unobserve(this.read);
    this.stopRefusals();
    this.listeners.clear();
  }

  private read = () => {
    const parsed = TimerState.safeParse(this.session.get(SESSION_TIMER));
    const next = parsed.success ? parsed.data : null;
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.refusal = null;
    this.notify();
  };

  private notify() {
    this.listeners.forEach((listener) => listener());
  }
}
