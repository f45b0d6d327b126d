import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importBoardFile } from "../app/api";
import { failureText } from "../app/failureText";
import { adminRefusal } from "../app/adminToken";
import { rememberBoard } from "../app/myBoards";
import type { BoardFormProps } from "./CreateBoardForm";

/** Recreates a board from a `board.json` file exported by this or another Journeyboard server. */
export function ImportBoardForm({ onCreated, adminToken, onTokenRefused }: BoardFormProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const board = await importBoardFile(await file.text(), adminToken);
      rememberBoard(board);
      onCreated(board);
    } catch (failure) {
      const refusal = adminRefusal(failure, adminToken);
      if (refusal) onTokenRefused();
      const { key, values } = failureText(failure);
      const text = t(key, values);
      setError(
        refusal ? t(refusal) : key.startsWith("errors.file.") ? t("home.importRefused", { reason: text }) : text,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t("home.importTitle")}</h2>
      <label>
        {t("home.importFile")}
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
          data-testid="import.file"
        />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="import.error">
          {error}
        </p>
      )}
    </section>
  );
}
