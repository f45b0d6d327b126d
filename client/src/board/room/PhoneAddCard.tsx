import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS, type JourneyGrid } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { addRefusal, cardsIn, type Place } from "./phoneTasks";
import { PhonePicker } from "./PhonePicker";
import type { AxisLabels } from "./useAxisLabels";

interface Props {
  controller: BoardController;
  journeyId: string;
  grid: JourneyGrid;
  place: Place;
  labels: AxisLabels;
  onLane: (laneId: string) => void;
}

/**
 * A new card in one field, in the lane picked here and the stage picked
 * above, through the controller as on the canvas: the same checks, and in
 * the drafting phase a private draft. The cell's cards are listed below it,
 * so the person sees theirs arrive.
 */
export function PhoneAddCard({ controller, journeyId, grid, place, labels, onLane }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const refusal = addRefusal(controller.permissions, journeyId, place);
  const cards = cardsIn(grid, place);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || refusal) return;
    const drafting = controller.drafts?.writing ?? false;
    controller.addCard({ ...place, index: cards.length });
    controller.finishDraft(text);
    // The controller selects the card it added: none selected, it was not (the cell went meanwhile), and the text stays.
    const kept = drafting || controller.getUi().selection.size === 1;
    if (kept) setText("");
    setAdded(
      !kept
        ? t("phone.notAdded")
        : drafting
          ? t("phone.drafted")
          : t("phone.added", { lane: labels.lane(place.laneId), stage: labels.stage(place.stageId) }),
    );
  };
  return (
    <section className="phone-section" aria-labelledby="phone-add-title" data-testid="phone.add">
      <h2 id="phone-add-title">{t("card.add")}</h2>
      <PhonePicker
        label={t("phone.lane")}
        value={place.laneId}
        options={grid.lanes.map((lane) => ({ id: lane.id, label: labels.lane(lane.id) }))}
        onChange={(laneId) => {
          setAdded(null);
          onLane(laneId);
        }}
        testId="phone.lane"
      />
      {refusal ? (
        <p className="hint" role="status" data-testid="phone.addRefused">
          {t(refusal)}
        </p>
      ) : (
        <form className="phone-add" onSubmit={submit}>
          <label htmlFor="phone-card-text" className="visually-hidden">
            {t("card.editLabel")}
          </label>
          <input
            id="phone-card-text"
            dir="auto"
            value={text}
            maxLength={LIMITS.cardText}
            placeholder={t("card.placeholder")}
            enterKeyHint="send"
            onChange={(e) => {
              setText(e.target.value);
              setAdded(null);
            }}
            data-testid="phone.cardText"
          />
          <button type="submit" className="primary" disabled={!text.trim()} data-testid="phone.addCard">
            {t("phone.add")}
          </button>
        </form>
      )}
      {added && (
        <p className="hint" role="status" data-testid="phone.added">
          {added}
        </p>
      )}
      <h3>{t("phone.inCell")}</h3>
      {cards.length ? (
        <ul className="phone-cards" data-testid="phone.cellCards">
          {cards.map((card) => (
            <li key={card.id} dir="auto">
              {card.text || t("board.emptyCard")}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t("phone.emptyCell")}</p>
      )}
    </section>
  );
}
