import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A read-only value with a copy button, for share links. */
export function CopyField({
  label,
  hint,
  value,
  testId,
}: {
  label: string;
  hint?: string;
  value: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // Never fails (a refused clipboard is caught), so the button starts it and leaves it to finish.
  const copy = async () => {
    await navigator.clipboard.writeText(value).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="copy-field">
      <label>
        <span className="copy-label">{label}</span>
        {hint && <span className="hint">{hint}</span>}
        <input readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} dir="ltr" />
      </label>
      <button type="button" onClick={() => void copy()} aria-label={t("links.copyLabel", { label })}>
        {copied ? t("links.copied") : t("links.copy")}
      </button>
    </div>
  );
}
