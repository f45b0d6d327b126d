import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  DEFAULT_MAP_TYPE,
  MAP_TYPE_STAGE_SET,
  LIMITS,
  MAP_TYPES,
  STAGE_SETS,
  STAGE_SET_IDS,
  type CreateBoardResponse,
  type MapType,
  type StageSetId,
} from "@journeyboard/shared";
import { isLanguage, type Language } from "@journeyboard/shared/i18n";
import { createBoard } from "../app/api";
import { failureText } from "../app/failureText";
import { useFormat } from "../i18n/format";
import { adminRefusal } from "../app/adminToken";
import { rememberBoard } from "../app/myBoards";
import { LanguageOptions } from "../i18n/LanguageOptions";

/** What a form that creates a board (from scratch or from a file) is given. */
export interface BoardFormProps {
  onCreated: (board: CreateBoardResponse) => void;
  /** The admin token this person gave ("" for none). */
  adminToken: string;
  /** The server refused the board for want of its admin token. */
  onTokenRefused: () => void;
}

export function CreateBoardForm({ onCreated, adminToken, onTokenRefused }: BoardFormProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [title, setTitle] = useState("");
  const [mapType, setMapType] = useState<MapType>(DEFAULT_MAP_TYPE);
  const [stageSet, setStageSet] = useState<StageSetId>(MAP_TYPE_STAGE_SET[DEFAULT_MAP_TYPE]);
  // Each map type starts from the stages its method uses (a day in the life: the parts of a day).
  const chooseMapType = (type: MapType) => {
    setMapType(type);
    setStageSet(MAP_TYPE_STAGE_SET[type]);
  };
  // The board's language starts as the one this person reads the app in; it decides what its downloads are written in.
  const [locale, setLocale] = useState<Language>(isLanguage(i18n.language) ? i18n.language : "en");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Never fails (it shows every failure), so the form starts it and leaves it to finish.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const request = { title: title.trim(), template: mapType, stageSet, locale };
      const board = await createBoard(request, adminToken);
      rememberBoard(board);
      onCreated(board);
    } catch (failure) {
      const refusal = adminRefusal(failure, adminToken);
      if (refusal) onTokenRefused();
      const { key, values } = failureText(failure);
      setError(refusal ? t(refusal) : t(key, values));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card-panel create-form" onSubmit={(event) => void submit(event)} data-testid="create.form">
      <h2>{t("home.createTitle")}</h2>
      <label>
        {t("home.boardTitle")}
        <input
          data-testid="create.title"
          value={title}
          required
          maxLength={LIMITS.title}
          placeholder={t("home.boardTitlePlaceholder")}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t("home.mapType")}</legend>
        <div className="choices">
          {MAP_TYPES.map((type) => (
            <label key={type} className={`choice ${mapType === type ? "chosen" : ""}`}>
              <input
                type="radio"
                name="mapType"
                value={type}
                checked={mapType === type}
                onChange={() => chooseMapType(type)}
                data-testid={`create.mapType.${type}`}
              />
              <strong>{t(`mapType.${type}.name`)}</strong>
              <span>{t(`mapType.${type}.description`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t("home.stageSet")}
        <select
          data-testid="create.stageSet"
          value={stageSet}
          onChange={(e) => setStageSet(e.target.value as StageSetId)}
        >
          {STAGE_SET_IDS.map((id) => (
            <option key={id} value={id}>
              {format.path(STAGE_SETS[id].map((stage) => t(`stage.${stage}`)))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("home.boardLanguage")}
        <select data-testid="create.locale" value={locale} onChange={(e) => setLocale(e.target.value as Language)}>
          <LanguageOptions />
        </select>
      </label>
      {error && (
        <p role="alert" className="error" data-testid="create.error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !title.trim()} data-testid="create.submit">
        {busy ? t("home.creating") : t("home.create")}
      </button>
    </form>
  );
}
