import type { Connection } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  COMMAND_REFUSALS,
  WorkshopCommand,
  mayCommand,
  type CommandName,
  type CommandOf,
  type CommandRefusal,
  type CommandRefused,
  type Standing,
} from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import { countRefusal } from "../metrics";
import { Refused } from "./Refused";

/** One command as its handler gets it: checked, and allowed to its sender. */
export interface CommandCall<K extends CommandName> {
  connection: Connection;
  context: BoardContext;
  /** The board's document (the card a dot goes on is read from it). */
  board: Y.Doc;
  command: CommandOf<K>;
}

/** The one handler of each command; a handler refuses by throwing `Refused`. */
export type CommandHandlers = { [K in CommandName]: (call: CommandCall<K>) => Promise<void> };

/**
 * Every workshop command goes through here: read once, its payload
 * checked by its schema (shared `WorkshopCommand`), its sender's right by
 * the shared policy (`mayCommand`, the rule the client reads to offer the
 * control at all) for where the sender stands now (a co-facilitator is
 * read from the store), then its one handler. Whatever is not carried out
 * is answered with `refused` and a reason, to the sender alone.
 */
export class CommandRegistry {
  constructor(
    private readonly handlers: CommandHandlers,
    private readonly standing: (context: BoardContext) => Promise<Standing>,
  ) {}

  /** A stateless message on a board's connection, or on its workshop document's (`onWorkshop`). */
  async dispatch(connection: Connection, board: Y.Doc, payload: string, onWorkshop: boolean): Promise<void> {
    let command: WorkshopCommand;
    try {
      const parsed = WorkshopCommand.safeParse(JSON.parse(payload));
      if (!parsed.success) return refuse(connection, null, COMMAND_REFUSALS.malformed);
      command = parsed.data;
    } catch {
      return refuse(connection, null, COMMAND_REFUSALS.malformed);
    }
    const context = connection.context as BoardContext;
    if (onWorkshop) return refuse(connection, command, COMMAND_REFUSALS.wrongDocument);
    if (!mayCommand(await this.standing(context), command.type)) {
      return refuse(connection, command, COMMAND_REFUSALS.forbidden);
    }
    const handle = this.handlers[command.type] as (call: CommandCall<CommandName>) => Promise<void>;
    try {
      await handle({ connection, context, board, command });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      refuse(connection, command, error.reason);
    }
  }
}

function refuse(connection: Connection, command: WorkshopCommand | null, reason: CommandRefusal): void {
  countRefusal("command", reason);
  const refused: CommandRefused = {
    type: "refused",
    command: command?.type ?? null,
    requestId: command && "requestId" in command ? command.requestId : null,
    reason,
  };
  connection.sendStateless(JSON.stringify(refused));
}
