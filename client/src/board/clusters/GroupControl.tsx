import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Group } from "lucide-react";
import { LIMITS } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { useUi } from "../useBoard";
import { groupRefusal, selectedCards } from "./clusterRights";

/**
 * The toolbar's "Group": the selected cards of one cell under a cluster
 * name typed in place (Enter groups them, Escape leaves them as they were).
 * Not offered where the server would refuse it, and it says why.
 */
export function GroupControl({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const { selection } = useUi(controller);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const refusal = selection.size ? groupRefusal(controller, name) : null;
  const label = t("clusters.group");
  const close = () => {
    setNaming(false);
    setName("");
  };
  const group = (event: FormEvent) => {
    event.preventDefault();
    const ids = selectedCards(controller).map((card) => card.id);
    if (name.trim() && controller.commands.groupCards(ids, name)) close();
  };
  return (
    <>
      <button
        type="button"
        title={refusal ? t(refusal) : label}
        aria-label={label}
        aria-expanded={naming}
        disabled={!selection.size || (refusal !== null && !naming)}
        onClick={() => (naming ? close() : setNaming(true))}
        data-testid="toolbar.groupSelection"
      >
        <Group size={18} aria-hidden />
      </button>
      {naming && selection.size > 0 && (
        <form className="cluster-naming" onSubmit={group}>
          <input
            aria-label={t("clusters.name")}
            placeholder={t("clusters.name")}
            value={name}
            maxLength={LIMITS.title}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === "Escape" && close()}
            dir="auto"
            autoFocus
            data-testid="toolbar.clusterName"
          />
          <button
            type="submit"
            disabled={!name.trim() || refusal !== null}
            title={refusal ? t(refusal) : undefined}
            data-testid="toolbar.group"
          >
            {t("clusters.groupNamed")}
          </button>
        </form>
      )}
    </>
  );
}
