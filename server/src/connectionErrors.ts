/** The URL without its password, fit for a log or an error message. */
export const shownUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
};

/** Why a connection failed, on one line (a driver's message, else its code). */
export const reasonOf = (error: unknown): string => {
  const { message, code } = error as { message?: string; code?: string };
  const text = message || code || String(error);
  return text.replace(/\s+/g, " ").trim();
};
