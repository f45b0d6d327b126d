/**
 * User text as Markdown that renders as exactly that text: every ASCII
 * punctuation character is backslash-escaped (CommonMark reads an escaped
 * punctuation character literally, GFM tables too), and line breaks become
 * spaces, so no text can start a heading, list, quote, code block, table row,
 * link, image or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\f\v]+/g, " ")
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
    .trim();
}
