/**
 * The characters that sound like the guard's sound words (assets/models/sound-table.json,
 * built by scripts/build-sound-table.ts), read once as character → syllables, in the table's
 * order (a polyphone has several). Used by the sound-alike detector and the learned layer.
 */
import table from '../../assets/models/sound-table.json';

/** syllable → every character with that reading. */
export const CHARS_BY_SYLLABLE = table as Readonly<Record<string, string>>;

let bySyllableOfChar: Map<string, string[]> | undefined;

/** A character's readings among the table's syllables (empty when it sounds like none). */
export function syllablesOf(ch: string): readonly string[] {
  if (!bySyllableOfChar) {
    bySyllableOfChar = new Map();
    for (const [syllable, chars] of Object.entries(CHARS_BY_SYLLABLE)) {
      for (const c of chars) {
        const list = bySyllableOfChar.get(c);
        if (list) list.push(syllable);
        else bySyllableOfChar.set(c, [syllable]);
      }
    }
  }
  return bySyllableOfChar.get(ch) ?? [];
}
