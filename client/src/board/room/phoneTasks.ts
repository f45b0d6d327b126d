import { cellKey, type CardRecord, type JourneyGrid, type LaneKind, type RoundRecord } from "@journeyboard/shared";
import type { Permissions } from "../state/permissions";
import type { VotingModel } from "../state/VotingModel";

/** A cell of the journey: where a new card goes, and which stage's steps and cards the phone shows. */
export interface Place {
  stageId: string;
  laneId: string;
}

/**
 * What the phone offers now, by the same rules the server applies: a new
 * card while the phase lets this person add cards, rating while it lets
 * them rate, and the open round while there is one they vote in.
 */
export interface PhoneTasks {
  add: boolean;
  rate: boolean;
  vote: RoundRecord | null;
}

export function phoneTasks(
  permissions: Pick<Permissions, "may">,
  voting: Pick<VotingModel, "openRound" | "canVote">,
): PhoneTasks {
  const round = voting.openRound();
  return {
    add: permissions.may("cards"),
    rate: permissions.may("ratings"),
    vote: round && voting.canVote ? round : null,
  };
}

/** The stage and lane chosen, each kept while it is on the journey; else the journey's first. */
export function placeOn(grid: JourneyGrid, chosen: Partial<Place>): Place | null {
  const stage = grid.stages.find((s) => s.id === chosen.stageId) ?? grid.stages[0];
  const lane = grid.lanes.find((l) => l.id === chosen.laneId) ?? grid.lanes[0];
  return stage && lane ? { stageId: stage.id, laneId: lane.id } : null;
}

/** Why a new card may not go in this cell now (a lock holds it), or null when it may. */
export function addRefusal(
  permissions: Pick<Permissions, "lockedFor">,
  journeyId: string,
  place: Place,
): "lock.locked" | null {
  return permissions.lockedFor("cards", "", { journeyId, ...place }) ? "lock.locked" : null;
}

/** The cards of a cell, in their order. */
export const cardsIn = (grid: JourneyGrid, place: Place): readonly CardRecord[] =>
  grid.cells.get(cellKey(place.stageId, place.laneId)) ?? [];

/** The customer steps of a stage, the cards one rates, lane by lane. */
export const stepsIn = (grid: JourneyGrid, stageId: string): CardRecord[] =>
  grid.lanes.filter((lane) => lane.kind === "steps").flatMap((lane) => cardsIn(grid, { stageId, laneId: lane.id }));

/** The cards of a stage this round votes on (the server's own rule, `votesOn`), with their lane's kind. */
export function cardsToVote(
  grid: JourneyGrid,
  stageId: string,
  votesOn: (card: CardRecord, kind: LaneKind) => boolean,
): Array<{ card: CardRecord; kind: LaneKind }> {
  return grid.lanes.flatMap((lane) =>
    cardsIn(grid, { stageId, laneId: lane.id })
      .filter((card) => votesOn(card, lane.kind))
      .map((card) => ({ card, kind: lane.kind })),
  );
}
