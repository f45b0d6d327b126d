import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Minus, Plus } from "lucide-react";
import type { CardRecord, LaneKind } from "@journeyboard/shared";
import type { VotingModel } from "../state/VotingModel";

/** On the selected card during a round: this person's dots on it, and buttons to place or take back one. */
export function CardVoting({ voting, card, kind }: { voting: VotingModel; card: CardRecord; kind: LaneKind }) {
  const { t } = useTranslation();
  useSyncExternalStore(voting.subscribe, voting.getVersion);
  const round = voting.openRound();
  if (!round || !voting.canVote) return null;
  const budget = round.rules.budgets[kind];
  if (budget === undefined) return <p className="hint">{t("voting.notThisKind")}</p>;
  // Outside the round's stages, lanes or run-off cards, there is no dot to offer (the server would refuse it).
  if (!voting.votesOn(round, card, kind)) {
    return (
      <p className="hint" data-testid="cardVoting.notInRound">
        {t("voting.notThisCard")}
      </p>
    );
  }
  const mine = voting.myDots(round.id);
  const onCard = mine?.dots[card.id] ?? 0;
  const left = mine?.left[kind] ?? budget;
  return (
    <section className="card-voting" data-testid="cardVoting">
      <p>
        {t("voting.onThisCard", { count: onCard })} · {t("voting.left", { kind: t(`lane.${kind}`), left, budget })}
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={left <= 0 || onCard >= round.rules.capPerCard}
          onClick={() => voting.addDot(round.id, card.id)}
          data-testid="cardVoting.add"
        >
          <Plus size={16} aria-hidden /> {t("actions.addDot")}
        </button>
        <button
          type="button"
          disabled={onCard === 0}
          onClick={() => voting.removeDot(round.id, card.id)}
          data-testid="cardVoting.remove"
        >
          <Minus size={16} aria-hidden /> {t("actions.removeDot")}
        </button>
      </div>
    </section>
  );
}
