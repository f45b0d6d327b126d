import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS, PRESET_DEPARTMENTS, newId } from "@journeyboard/shared";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { isPresetDepartment, saveIdentity, type Identity } from "./identity";

const CUSTOM = "__custom";

/** Asks for a display name and a department before joining a board: the department alone on an anonymous board. */
export function JoinDialog({
  initial,
  boardTitle,
  anonymous,
  onJoin,
}: {
  initial: Identity | null;
  boardTitle: string;
  anonymous: boolean;
  onJoin: (identity: Identity) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? "");
  const initialPreset = initial && isPresetDepartment(initial.department) ? initial.department : initial ? CUSTOM : "";
  const [preset, setPreset] = useState(initialPreset);
  const [custom, setCustom] = useState(initial && !isPresetDepartment(initial.department) ? initial.department : "");
  const department = preset === CUSTOM ? custom.trim() : preset;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!department) return;
    // A name typed earlier is kept in this browser for later boards, but not asked for nor shown while this one is anonymous.
    const identity = { id: initial?.id ?? newId(), name: anonymous ? (initial?.name ?? "") : name.trim(), department };
    saveIdentity(identity);
    onJoin(identity);
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" onSubmit={submit} data-testid="join.form" aria-labelledby="join-title">
        <div className="dialog-title">
          <h1 id="join-title">{t("join.title", { board: boardTitle })}</h1>
          <LanguagePicker />
        </div>
        {anonymous ? (
          <p className="hint" role="status" data-testid="join.anonymous">
            {t("anonymous.join")}
          </p>
        ) : (
          <>
            <p className="hint">{t("join.intro")}</p>
            <label>
              {t("join.name")}
              <input
                data-testid="join.name"
                value={name}
                maxLength={LIMITS.displayName}
                placeholder={t("join.namePlaceholder")}
                onChange={(e) => setName(e.target.value)}
                autoFocus
              />
            </label>
          </>
        )}
        <label>
          {t("join.department")}
          <select data-testid="join.department" value={preset} onChange={(e) => setPreset(e.target.value)} required>
            <option value="" disabled>
              {t("join.chooseDepartment")}
            </option>
            {PRESET_DEPARTMENTS.map((d) => (
              <option key={d} value={d}>
                {t(`department.${d}`)}
              </option>
            ))}
            <option value={CUSTOM}>{t("join.otherDepartment")}</option>
          </select>
        </label>
        {preset === CUSTOM && (
          <label>
            {t("join.customDepartment")}
            <input
              data-testid="join.customDepartment"
              value={custom}
              maxLength={LIMITS.department}
              onChange={(e) => setCustom(e.target.value)}
              required
            />
          </label>
        )}
        <button type="submit" className="primary" data-testid="join.submit" disabled={!department}>
          {t("join.submit")}
        </button>
      </form>
    </div>
  );
}
