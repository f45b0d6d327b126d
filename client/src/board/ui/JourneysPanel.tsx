import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LockToggle } from "./LockToggle";
import {
  MAP_TYPE_STAGE_SET,
  MAP_TYPES,
  STAGE_SETS,
  STAGE_SET_IDS,
  type MapType,
  type StageSetId,
} from "@journeyboard/shared";
import { useFormat } from "../../i18n/format";
import type { BoardController } from "../BoardController";
import { LiveText } from "../text/LiveText";
import { DELETE_JOURNEY } from "../state/permissions";
import { BoardSettings } from "./BoardSettings";
import { LockEverything } from "./LockEverything";
import { SidePanel } from "./SidePanel";

/** The journey shown (title, persona, delete) and new journeys: from a template, as a copy, or as the target of this one. */
export function JourneysPanel({
  controller,
  titleOf,
}: {
  controller: BoardController;
  titleOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { commands } = controller;
  const journeyId = controller.journeyId();
  const journey = journeyId ? controller.model.record("journeys", journeyId) : undefined;
  const personas = controller.model.personas();
  const [mapType, setMapType] = useState<MapType>("currentState");
  const [stageSet, setStageSet] = useState<StageSetId>(MAP_TYPE_STAGE_SET.currentState);
  const show = (id: string | null) => id && controller.showJourney(id);
  const editable = controller.may("journeys");
  // A locked journey's title and persona are the facilitator's: the server refuses anyone else.
  const journeyEditable = editable && !(journey && controller.permissions.lockedFor("journeys", journey.id, {}));

  return (
    <SidePanel
      title={t("panels.journeys")}
      onClose={() => controller.togglePanel("journeys", false)}
      testId="journeys.panel"
    >
      {journey && (
        <section aria-labelledby="this-journey">
          <h3 id="this-journey">{t("journeys.thisJourney")}</h3>
          <label>
            {t("journeys.title")}
            <LiveText
              key={journey.id}
              controller={controller}
              root="journeys"
              id={journey.id}
              field="title"
              placeholder={titleOf(journey.id)}
              disabled={!journeyEditable}
              testId="journeys.title"
            />
          </label>
          <label>
            {t("journeys.persona")}
            <select
              value={journey.personaId ?? ""}
              disabled={!journeyEditable}
              onChange={(e) => commands.setJourneyPersona(journey.id, e.target.value || null)}
              data-testid="journeys.persona"
            >
              <option value="">{t("journeys.noPersona")}</option>
              {personas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name || t("personas.unnamed")}
                </option>
              ))}
            </select>
          </label>
          <LockToggle
            permissions={controller.permissions}
            kind="journey"
            id={journey.id}
            held={controller.permissions.isLocked("journey", journey.id)}
          />
          {editable && (
            <div className="row">
              <button
                type="button"
                onClick={() =>
                  show(commands.copyJourney(journey.id, t("journeys.copyOf", { title: titleOf(journey.id) })))
                }
                data-testid="journeys.copy"
              >
                {t("journeys.copy")}
              </button>
              {journey.mapType !== "futureState" && (
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    show(commands.createTarget(journey.id, t("journeys.targetOf", { title: titleOf(journey.id) })))
                  }
                  data-testid="journeys.target"
                >
                  {t("journeys.target")}
                </button>
              )}
              {controller.may(DELETE_JOURNEY) && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => commands.deleteJourney(journey.id)}
                  data-testid="journeys.delete"
                >
                  {t("journeys.delete")}
                </button>
              )}
            </div>
          )}
        </section>
      )}
      {editable && (
        <section aria-labelledby="new-journey">
          <h3 id="new-journey">{t("journeys.new")}</h3>
          <label>
            {t("home.mapType")}
            <select
              value={mapType}
              onChange={(e) => {
                // The stages follow the map type's method until someone picks others.
                const type = e.target.value as MapType;
                setMapType(type);
                setStageSet(MAP_TYPE_STAGE_SET[type]);
              }}
              data-testid="journeys.mapType"
            >
              {MAP_TYPES.map((m) => (
                <option key={m} value={m}>
                  {t(`mapType.${m}.name`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("home.stageSet")}
            <select value={stageSet} onChange={(e) => setStageSet(e.target.value as StageSetId)}>
              {STAGE_SET_IDS.map((id) => (
                <option key={id} value={id}>
                  {format.path(STAGE_SETS[id].map((s) => t(`stage.${s}`)))}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            onClick={() => show(commands.addJourney(mapType, stageSet, ""))}
            data-testid="journeys.create"
          >
            {t("journeys.create")}
          </button>
        </section>
      )}
      <LockEverything controller={controller} />
      <BoardSettings controller={controller} />
    </SidePanel>
  );
}
