import { useTranslation } from "react-i18next";
import type { CardRecord, LaneKind, RoundRecord } from "@journeyboard/shared";
import type { VotingModel } from "../state/VotingModel";
import { CardVoting } from "../ui/CardVoting";

interface Props {
  voting: VotingModel;
  round: RoundRecord;
  cards: ReadonlyArray<{ card: CardRecord; kind: LaneKind }>;
}

/** The open round on the stage's cards it votes on: each with this person's dots, as the card panel places them. */
export function PhoneVoting({ voting, round, cards }: Props) {
  const { t } = useTranslation();
  const refusal = voting.lastRefusal();
  return (
    <section className="phone-section" aria-labelledby="phone-vote-title" data-testid="phone.vote">
      <h2 id="phone-vote-title" dir="auto">
        {t("phone.voteTitle", { title: round.rules.title })}
      </h2>
      <p className="hint">{t(round.rules.blind ? "voting.blindHint" : "voting.openHint")}</p>
      {refusal && refusal.reason !== "malformed" && (
        <p className="error" role="alert" data-testid="phone.voteRefusal">
          {t(`voting.refused.${refusal.reason}`)}
        </p>
      )}
      {cards.length === 0 && <p className="hint">{t("phone.noVotes")}</p>}
      <ul className="phone-cards">
        {cards.map(({ card, kind }) => (
          <li key={card.id} data-testid="phone.voteCard">
            <p dir="auto">{card.text || t("board.emptyCard")}</p>
            <CardVoting voting={voting} card={card} kind={kind} />
          </li>
        ))}
      </ul>
    </section>
  );
}
