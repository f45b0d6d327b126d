import { useTranslation } from "react-i18next";
import { LockToggle } from "./LockToggle";
import {
  DEFAULT_DIRECTION,
  EMOTION_VALUES,
  LIMITS,
  METRICS,
  PRESET_CHANNELS,
  PRESET_DEPARTMENTS,
  emptyIndicator,
  irritantCoverage,
  isAlerting,
  linkId,
  type CardRecord,
  type Indicator,
  type LaneKind,
  type Metric,
  shownName,
} from "@journeyboard/shared";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { BoardController } from "../BoardController";
import type { StepEmotion } from "@journeyboard/shared";
import { LiveText } from "../text/LiveText";
import { NumberField, PresetOrCustom, useTypedValue } from "./fields";
import type { VotingModel } from "../state/VotingModel";
import { CardVoting } from "./CardVoting";
import { MergedFrom } from "./MergedFrom";
import { SidePanel } from "./SidePanel";
import { TextDirectionField } from "./TextDirectionField";

interface Props {
  controller: BoardController;
  card: CardRecord;
  kind: LaneKind;
  emotion: StepEmotion | undefined;
  channelLabel: (channel: string) => string;
  voting: VotingModel;
}

/** Everything about the selected card: its text, what its lane kind adds, ratings and links. */
export function CardPanel({ controller, card, kind, emotion, channelLabel, voting }: Props) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const { commands } = controller;
  const editable = controller.mayEditCard(card.id);
  const journey = controller.model.record("journeys", card.journeyId);
  const indicator = card.indicator ?? null;
  const patchIndicator = (patch: Partial<Indicator>) =>
    commands.setIndicator(card.id, { ...(indicator ?? emptyIndicator()), ...patch });
  const myRating = controller.model.record("ratings", `${card.id}:${controller.identity.id}`)?.value ?? null;

  return (
    <SidePanel title={t(`lane.${kind}`)} onClose={() => controller.clearSelection()} testId="card.panel">
      <CardVoting voting={voting} card={card} kind={kind} />
      <LockToggle permissions={controller.permissions} kind="card" id={card.id} held={controller.cardLocked(card.id)} />
      {controller.canEdit && controller.cardRefusal(card.id) === "cards.notYours" && (
        <p className="hint" role="status" data-testid="card.notYours">
          {t("cards.notYours")}
        </p>
      )}
      <label>
        {t("cardPanel.text")}
        <LiveText
          controller={controller}
          root="cards"
          id={card.id}
          field="text"
          multiline
          rows={4}
          disabled={!editable}
          testId="cardPanel.text"
        />
      </label>
      <TextDirectionField
        cardId={card.id}
        value={card.textDirection}
        disabled={!editable}
        onChange={(direction) => commands.setTextDirection(card.id, direction)}
      />
      {kind === "touchpoints" && (
        <PresetOrCustom
          label={t("cardPanel.channel")}
          value={card.channel ?? null}
          presets={PRESET_CHANNELS}
          presetLabel={channelLabel}
          onChange={(channel) => commands.setChannel(card.id, channel)}
          testId="cardPanel.channel"
          disabled={!editable}
        />
      )}
      {kind === "backstage" && (
        <PresetOrCustom
          label={t("cardPanel.owner")}
          value={card.ownerDepartment ?? null}
          presets={PRESET_DEPARTMENTS}
          presetLabel={departmentLabel}
          onChange={(owner) => commands.setOwner(card.id, owner)}
          testId="cardPanel.owner"
          disabled={!editable}
        />
      )}
      {kind === "indicators" && (
        <fieldset className="indicator" data-testid="cardPanel.indicator">
          <legend>{t("cardPanel.indicator")}</legend>
          <label>
            {t("cardPanel.metric")}
            <select
              value={indicator?.metric ?? ""}
              disabled={!editable}
              data-testid="cardPanel.metric"
              onChange={(e) => {
                const metric = e.target.value as Metric;
                patchIndicator({ metric, direction: DEFAULT_DIRECTION[metric] });
              }}
            >
              <option value="" disabled>
                {t("cardPanel.chooseMetric")}
              </option>
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {indicator?.metric === "custom" && (
            <label>
              {t("cardPanel.metricName")}
              <IndicatorLabel
                label={indicator.label}
                disabled={!editable}
                onCommit={(label) => patchIndicator({ label })}
              />
            </label>
          )}
          <div className="row">
            <NumberField
              label={t("cardPanel.value")}
              value={indicator?.value ?? null}
              onCommit={(value) => patchIndicator({ value })}
              testId="cardPanel.value"
              disabled={!editable}
            />
            <NumberField
              label={t("cardPanel.target")}
              value={indicator?.target ?? null}
              onCommit={(target) => patchIndicator({ target })}
              testId="cardPanel.target"
              disabled={!editable}
            />
            <NumberField
              label={t("cardPanel.threshold")}
              value={indicator?.threshold ?? null}
              onCommit={(threshold) => patchIndicator({ threshold })}
              testId="cardPanel.threshold"
              disabled={!editable}
            />
          </div>
          <label>
            {t("cardPanel.direction")}
            <select
              value={indicator?.direction ?? "higherIsBetter"}
              disabled={!editable || !indicator}
              onChange={(e) => patchIndicator({ direction: e.target.value as Indicator["direction"] })}
            >
              <option value="higherIsBetter">{t("cardPanel.higherIsBetter")}</option>
              <option value="lowerIsBetter">{t("cardPanel.lowerIsBetter")}</option>
            </select>
          </label>
          {indicator && isAlerting(indicator) && (
            <p className="alert" role="status" data-testid="cardPanel.alert">
              {t("cardPanel.alerting")}
            </p>
          )}
        </fieldset>
      )}
      {kind === "steps" && (
        <section aria-labelledby="rating-title">
          <h3 id="rating-title">{t("cardPanel.howDoesItFeel")}</h3>
          <div className="rating" role="radiogroup" aria-label={t("cardPanel.yourRating")}>
            {EMOTION_VALUES.map((value) => (
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={myRating === value}
                className={myRating === value ? "chosen" : ""}
                disabled={!controller.may("ratings")}
                onClick={() => commands.rate(card.id, myRating === value ? null : value)}
                data-testid={`cardPanel.rate.${value}`}
                title={t(`emotion.${value}`)}
              >
                {t(`emotion.face.${value}`)}
              </button>
            ))}
          </div>
          {emotion?.all ? (
            <div data-testid="cardPanel.emotion">
              <p>
                {t("cardPanel.groupMedian", {
                  median: emotion.all.median,
                  count: emotion.all.count,
                  min: emotion.all.min,
                  max: emotion.all.max,
                })}
              </p>
              {emotion.disagreement && <p className="alert">{t("cardPanel.disagreement")}</p>}
              <ul className="by-department">
                {Object.entries(emotion.byDepartment).map(([department, spread]) => (
                  <li key={department}>
                    {t("cardPanel.departmentMedian", {
                      department: departmentLabel(department),
                      median: spread.median,
                      count: spread.count,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="hint">{t("cardPanel.noRatings")}</p>
          )}
        </section>
      )}
      <MergedFrom controller={controller} card={card} />
      {journey?.twinOf && <TargetLinks controller={controller} card={card} sourceJourneyId={journey.twinOf} />}
      <p className="hint">
        {t("cardPanel.author", {
          // Names written before the board turned anonymous stay stored, but are not shown while it is.
          name: shownName(card.authorName, controller.permissions.anonymous) || t("presence.anonymous"),
          department: departmentLabel(card.authorDepartment),
        })}
      </p>
    </SidePanel>
  );
}

/** A custom indicator's name: follows colleagues' changes until this person types, then writes what they typed. */
function IndicatorLabel({
  label,
  disabled,
  onCommit,
}: {
  label: string;
  disabled: boolean;
  onCommit: (label: string) => void;
}) {
  const typed = useTypedValue(label);
  const commit = () => {
    const value = typed.take();
    if (value !== null) onCommit(value.trim());
  };
  return (
    <input
      value={typed.shown}
      maxLength={LIMITS.title}
      disabled={disabled}
      onChange={(e) => typed.type(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
      dir="auto"
    />
  );
}

/** In a target journey: which current steps a card replaces, which irritants it addresses. */
function TargetLinks({
  controller,
  card,
  sourceJourneyId,
}: {
  controller: BoardController;
  card: CardRecord;
  sourceJourneyId: string;
}) {
  const { t } = useTranslation();
  const irritants = irritantCoverage(controller.doc, sourceJourneyId);
  const replaces = controller.model
    .links()
    .filter((l) => l.kind === "replaces" && l.fromCardId === card.id)
    .map((l) => controller.model.record("cards", l.toCardId))
    .filter((c) => c !== undefined);
  return (
    <section aria-labelledby="links-title" data-testid="cardPanel.links">
      <h3 id="links-title">{t("cardPanel.targetLinks")}</h3>
      {replaces.length > 0 && (
        <p>
          {t("cardPanel.replaces")} {replaces.map((c) => `“${c.text}”`).join(", ")}
        </p>
      )}
      <p className="hint">{t("cardPanel.addressesHint")}</p>
      {irritants.length === 0 && <p className="hint">{t("cardPanel.noIrritants")}</p>}
      <ul className="checklist">
        {irritants.map(({ card: irritant }) => {
          const linked = controller.model.record("links", linkId("addresses", card.id, irritant.id)) !== undefined;
          const args = { kind: "addresses" as const, fromCardId: card.id, toCardId: irritant.id };
          return (
            <li key={irritant.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={linked}
                  disabled={!controller.may("links")}
                  onChange={() => (linked ? controller.commands.unlink(args) : controller.commands.link(args))}
                  data-testid="cardPanel.addresses"
                />
                <span dir="auto">{irritant.text}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
