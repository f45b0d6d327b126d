import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * What a one-value field shows: the live value, until the person starts
 * changing it; from then on what they typed, until they commit it (or leave
 * it unchanged). A colleague's change to the value shows at once while this
 * person is not changing it, and committing never writes back a stale copy.
 */
export function useTypedValue(live: string) {
  const [typed, setTyped] = useState<string | null>(null);
  return {
    shown: typed ?? live,
    type: setTyped,
    /** What to write, if the person changed anything; the field follows the live value again. */
    take(): string | null {
      const value = typed;
      setTyped(null);
      return value !== null && value !== live ? value : null;
    },
  };
}

const OTHER = "__other";

/**
 * A choice among presets, or something else typed by the person; the value
 * is a preset key or the typed text. Empty means none.
 */
export function PresetOrCustom({
  label,
  value,
  presets,
  presetLabel,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: string | null;
  presets: readonly string[];
  presetLabel: (key: string) => string;
  onChange: (value: string | null) => void;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const isCustom = value !== null && !presets.includes(value);
  // Shown while the person picks "Other", and whenever the value (theirs or a colleague's) is a custom one.
  const [choosingOther, setChoosingOther] = useState(false);
  const typing = choosingOther || isCustom;
  const custom = useTypedValue(isCustom ? value : "");
  const commit = () => {
    const typed = custom.take();
    if (typed !== null) onChange(typed.trim() || null);
  };
  return (
    <div className="field">
      <label>
        {label}
        <select
          value={typing ? OTHER : (value ?? "")}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            if (e.target.value === OTHER) return setChoosingOther(true);
            setChoosingOther(false);
            onChange(e.target.value || null);
          }}
        >
          <option value="">{t("fields.none")}</option>
          {presets.map((p) => (
            <option key={p} value={p}>
              {presetLabel(p)}
            </option>
          ))}
          <option value={OTHER}>{t("fields.other")}</option>
        </select>
      </label>
      {typing && (
        <input
          aria-label={label}
          value={custom.shown}
          disabled={disabled}
          data-testid={`${testId}.custom`}
          onChange={(e) => custom.type(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === "Enter" && commit()}
          dir="auto"
        />
      )}
    </div>
  );
}

/** A number field that commits on blur or Enter; empty is null. */
export function NumberField({
  label,
  value,
  onCommit,
  testId,
  disabled,
}: {
  label: string;
  value: number | null;
  onCommit: (value: number | null) => void;
  testId: string;
  disabled?: boolean;
}) {
  const text = useTypedValue(value === null ? "" : String(value));
  const commit = () => {
    const typed = text.take();
    if (typed === null) return;
    const trimmed = typed.trim().replace(",", ".");
    const parsed = trimmed === "" ? null : Number(trimmed);
    if (parsed === null || Number.isFinite(parsed)) onCommit(parsed);
  };
  return (
    <label className="number-field">
      {label}
      <input
        inputMode="decimal"
        value={text.shown}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => text.type(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </label>
  );
}
