import type { CommandRefusal } from "@journeyboard/shared";

/** Thrown by a command's handler to refuse it; the registry answers the sender with the reason. */
export class Refused extends Error {
  constructor(readonly reason: CommandRefusal) {
    super(reason);
  }
}
