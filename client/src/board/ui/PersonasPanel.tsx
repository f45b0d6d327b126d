import { useTranslation } from "react-i18next";
import type { PersonaRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { LiveText } from "../text/LiveText";
import { SidePanel } from "./SidePanel";

const FIELDS = ["description", "goals", "expectations"] as const;

/** The board's personas: who each journey is told for. */
export function PersonasPanel({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const personas = controller.model.personas();
  const editable = controller.may("personas");
  const { commands } = controller;
  return (
    <SidePanel
      title={t("panels.personas")}
      onClose={() => controller.togglePanel("personas", false)}
      testId="personas.panel"
    >
      <p className="hint">{t("personas.intro")}</p>
      {personas.map((persona: PersonaRecord) => (
        <fieldset key={persona.id} className="persona" data-testid="persona">
          <legend>{persona.name || t("personas.unnamed")}</legend>
          <label>
            {t("personas.name")}
            <LiveText
              controller={controller}
              root="personas"
              id={persona.id}
              field="name"
              disabled={!editable}
              testId="persona.name"
            />
          </label>
          {FIELDS.map((field) => (
            <label key={field}>
              {t(`personas.${field}`)}
              <LiveText
                controller={controller}
                root="personas"
                id={persona.id}
                field={field}
                multiline
                rows={2}
                disabled={!editable}
                testId={`persona.${field}`}
              />
            </label>
          ))}
          {editable && (
            <button type="button" className="danger" onClick={() => commands.deletePersona(persona.id)}>
              {t("personas.delete")}
            </button>
          )}
        </fieldset>
      ))}
      {editable && (
        <button type="button" className="primary" onClick={() => commands.addPersona({})} data-testid="personas.add">
          {t("personas.add")}
        </button>
      )}
    </SidePanel>
  );
}
