import { useEffect, useState } from "react";

/**
 * A link as a QR code, for people in the room to scan from the screen.
 * Drawn in the browser (the qrcode library, loaded when first shown), so
 * the link and its token never leave the page.
 */
export function QrCode({ value, label, testId }: { value: string; label: string; testId: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import("qrcode")
      .then((qr) => qr.toString(value, { type: "svg", margin: 2, errorCorrectionLevel: "M" }))
      .then((svg) => live && setSource(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
    return () => {
      live = false;
    };
  }, [value]);
  return source ? (
    <img className="qr" src={source} alt={label} data-testid={testId} data-value={value} />
  ) : (
    <span className="qr" aria-hidden />
  );
}
