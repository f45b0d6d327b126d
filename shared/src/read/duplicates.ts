/**
 * Likely duplicates among the cards of a cell, pointed out before a vote
 * for the facilitator to merge or dismiss. Wording is compared after
 * `foldForComparison`, by the Sørensen–Dice coefficient of character
 * bigrams (the measure of the `string-similarity` package, which is no
 * longer maintained): short cards that differ by a letter, a space or a
 * word's ending still score high, two different sentences low.
 */

/** Arabic letters written another way in Persian (or on another keyboard), to the letter Persian uses. */
const LETTERS: Record<string, string> = {
  "\u064a": "\u06cc", // ي Arabic yeh → ی
  "\u0649": "\u06cc", // ى alef maksura → ی
  "\u0643": "\u06a9", // ك Arabic kaf → ک
  "\u0629": "\u0647", // ة teh marbuta → ه
  "\u0671": "\u0627", // ٱ alef wasla → ا
};

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits. */
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const digitValue = (digit: string): string => String((digit.charCodeAt(0) - 0x0660) % 0x90);

/**
 * A card's text as it is compared: one spelling for the letters Arabic and
 * Persian write two ways (ي/ی, ك/ک, ة/ه; أ, إ, آ and ٱ as ا; ؤ and ئ
 * without their hamza), no diacritics (tashkeel, and Polish letters folded
 * too: people type "zolty" for "żółty" on a phone, and the facilitator
 * confirms every suggestion), Latin digits, lower case, no tatweel or
 * zero-width joiner (the Persian half-space: می‌خواهم = میخواهم), and
 * punctuation as single spaces.
 */
export function foldForComparison(text: string): string {
  return (
    text
      // Decomposed, the hamza and madda of أ إ آ ؤ ئ ۀ and the marks of ą ę ó ś ź ż ć ń are marks of their own.
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[\u064a\u0649\u0643\u0629\u0671]/g, (letter) => LETTERS[letter]!)
      .replace(/\u0142/g, "l")
      .replace(/\u0141/g, "L")
      .replace(DIGITS, digitValue)
      .toLowerCase()
      .replace(/[\u0640\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/[\p{P}\p{S}\s]+/gu, " ")
      .trim()
  );
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i < chars.length - 1; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** The dice coefficient of two texts' bigrams, already folded. */
function diceOf(left: Map<string, number>, right: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [pair, count] of left) {
    shared += Math.min(count, right.get(pair) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** How alike two texts read, from 0 (nothing shared) to 1 (the same once folded). */
export function wordingSimilarity(a: string, b: string): number {
  const left = foldForComparison(a);
  const right = foldForComparison(b);
  return left === right ? 1 : diceOf(bigrams(left), bigrams(right));
}

/** How alike two cards' wording must be to be pointed out as likely duplicates. */
export const DUPLICATE_SIMILARITY = 0.8;

/** The key of a suggestion (its cards' ids, sorted): what a dismissal remembers. */
export const duplicateKey = (ids: readonly string[]): string => [...ids].sort().join(" ");

export interface DuplicateSuggestion {
  /** The cards that likely say the same thing, in the cell's order: the first is the one they would merge into. */
  ids: string[];
  key: string;
}

/**
 * The likely duplicates of one cell: cards whose wording is at least
 * `DUPLICATE_SIMILARITY` alike, each group holding every card alike to one
 * of the others, in cell order (cards with no words are never
 * suggested). A group the facilitator dismissed (by its
 * `key`) is not suggested again until a card joins or leaves it.
 */
export function duplicateSuggestions(
  cards: readonly { id: string; text: string }[],
  dismissed: ReadonlySet<string> = new Set(),
): DuplicateSuggestion[] {
  const folded = cards.map((card) => foldForComparison(card.text));
  const pairs = folded.map(bigrams);
  const alike = (i: number, j: number) =>
    folded[i] !== "" && (folded[i] === folded[j] || diceOf(pairs[i]!, pairs[j]!) >= DUPLICATE_SIMILARITY);
  const groupOf = cards.map((_, index) => index);
  const find = (index: number): number => (groupOf[index] === index ? index : find(groupOf[index]!));
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      if (alike(i, j)) groupOf[find(j)] = find(i);
    }
  }
  const groups = new Map<number, string[]>();
  cards.forEach((card, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), card.id]));
  return [...groups.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => ({ ids, key: duplicateKey(ids) }))
    .filter((suggestion) => !dismissed.has(suggestion.key));
}
