import { useTranslation } from "react-i18next";
import { LIMITS, type PersonaRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
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
            <input
              defaultValue={persona.name}
              maxLength={LIMITS.title}
              disabled={!editable}
              onBlur={(e) => commands.updatePersona(persona.id, { name: e.target.value.trim() })}
              data-testid="persona.name"
              dir="auto"
            />
          </label>
          {FIELDS.map((field) => (
            <label key={field}>
              {t(`personas.${field}`)}
              <textarea
                defaultValue={persona[field]}
                maxLength={LIMITS.cardText}
                rows={2}
                disabled={!editable}
                onBlur={(e) => commands.updatePersona(persona.id, { [field]: e.target.value })}
                data-testid={`persona.${field}`}
                dir="auto"
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
