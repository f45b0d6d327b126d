import { useState } from "react";
import { useTranslation } from "react-i18next";

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
  const [typing, setTyping] = useState(isCustom);
  const [custom, setCustom] = useState(isCustom ? value : "");
  return (
    <div className="field">
      <label>
        {label}
        <select
          value={typing ? OTHER : (value ?? "")}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            if (e.target.value === OTHER) return setTyping(true);
            setTyping(false);
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
          value={custom}
          disabled={disabled}
          data-testid={`${testId}.custom`}
          onChange={(e) => setCustom(e.target.value)}
          onBlur={() => onChange(custom.trim() || null)}
          onKeyDown={(e) => e.key === "Enter" && onChange(custom.trim() || null)}
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
  const [text, setText] = useState(value === null ? "" : String(value));
  const commit = () => {
    const trimmed = text.trim().replace(",", ".");
    const parsed = trimmed === "" ? null : Number(trimmed);
    if (parsed === null || Number.isFinite(parsed)) onCommit(parsed);
    else setText(value === null ? "" : String(value));
  };
  return (
    <label className="number-field">
      {label}
      <input
        inputMode="decimal"
        value={text}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </label>
  );
}
