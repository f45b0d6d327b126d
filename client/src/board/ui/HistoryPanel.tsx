import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { parseBoardFile } from "@journeyboard/shared";
import type { SnapshotInfo } from "@journeyboard/shared";
import { useFormat } from "../../i18n/format";
import { listSnapshots, saveSnapshot, snapshotFile } from "../../app/api";
import { failureText } from "../../app/failureText";
import type { BoardController } from "../BoardController";
import { SidePanel } from "./SidePanel";

/**
 * The board's history: snapshots the facilitator named and those taken by
 * themselves (when votes are revealed). Restoring one is a change like any
 * other, by the person restoring: Ctrl+Z takes it back.
 */
export function HistoryPanel({
  controller,
  boardId,
  token,
  facilitator,
}: {
  controller: BoardController;
  boardId: string;
  token: string;
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [name, setName] = useState("");
  const refresh = useCallback(
    () => listSnapshots(boardId, token).then(setSnapshots, () => setSnapshots([])),
    [boardId, token],
  );
  // Read again each time the server says the history gained a snapshot (a phase change, a reveal, a save).
  const permissions = controller.permissions;
  const historyAt = useSyncExternalStore(
    useCallback((listener: () => void) => permissions.subscribe(listener), [permissions]),
    () => permissions.historyAt,
  );
  useEffect(() => {
    void refresh();
  }, [refresh, historyAt]);

  // Never fails (a refused save is told, refresh catches its own), so the form starts it and leaves it to finish.
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      await saveSnapshot(boardId, token, name.trim());
    } catch (failure) {
      return controller.notify(failureText(failure));
    }
    setName("");
    await refresh();
  };
  const restore = async (snapshot: SnapshotInfo) => {
    const parsed = parseBoardFile(await snapshotFile(boardId, token, snapshot.id));
    if (!parsed.ok) return controller.notify({ key: "history.unreadable" });
    if (controller.restore(parsed.board))
      controller.notify({ key: "history.restored", values: { name: snapshot.name } });
  };
  return (
    <SidePanel
      title={t("history.title")}
      onClose={() => controller.togglePanel("history", false)}
      testId="history.panel"
    >
      {facilitator && (
        <form className="row" onSubmit={(event) => void save(event)}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("history.namePlaceholder")}
            aria-label={t("history.name")}
            dir="auto"
            data-testid="history.name"
          />
          <button type="submit" disabled={!name.trim()} data-testid="history.save">
            {t("history.save")}
          </button>
        </form>
      )}
      {snapshots?.length === 0 && <p className="hint">{t("history.empty")}</p>}
      <ul className="history" data-testid="history.list">
        {(snapshots ?? []).map((snapshot) => (
          <li key={snapshot.id} data-testid="history.item">
            <span dir="auto">
              {snapshot.kind === "auto"
                ? t("history.auto", { name: snapshot.name })
                : snapshot.kind === "phase"
                  ? t("history.phase", { name: t(`phase.${snapshot.name}.name`) })
                  : snapshot.name}
            </span>
            <span className="hint">{format.dateTime(snapshot.createdAt)}</span>
            {facilitator && (
              <button type="button" onClick={() => void restore(snapshot)} data-testid="history.restore">
                {t("history.restore")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </SidePanel>
  );
}
