/**
 * Stand-ins by sound: any characters that read like 微信, 扣扣, 支付宝, 转账
 * or 汇款 (薇芯, 威辛, 吱付宝, 砖帐, 会款…) point where the word points, without
 * a list of every homophone. The characters per syllable come from
 * assets/models/sound-table.json (built from pinyin-pro); real words that
 * share the sound (威信, 专长, 回款…) stay clean. The word itself is the
 * lexicon's; here only its stand-ins are found.
 */
import type { ScanContext } from '../scan-context';
import { CHARS_BY_SYLLABLE, syllablesOf } from '../sound-table';
import type { RawHit } from './personal-numbers';
import { SOUND_REAL_WORDS, SOUND_TARGETS } from '../sound-words';
import { PAY_HERE, STAY_HERE } from '../stay-on-platform';

interface Target {
  word: string;
  category: 'offsite_contact' | 'offsite_payment';
  /** For each position, the characters that sound right there. */
  sounds: Array<ReadonlySet<string>>;
}

let targets: Target[] | undefined;
/** First characters of every target, for a cheap skip over most of the text. */
let firstChars: Set<string> | undefined;

function build(): Target[] {
  targets = SOUND_TARGETS.map(({ word, category }) => ({
    word,
    category,
    // A position accepts every character of every reading of the word's character there.
    sounds: [...word].map((ch) => new Set(syllablesOf(ch).flatMap((s) => [...CHARS_BY_SYLLABLE[s]!]))),
  }));
  firstChars = new Set(targets.flatMap((t) => [...t.sounds[0]!]));
  return targets;
}

/**
 * Whether a real word overlaps [start, end). Only the few places where such a
 * word could start are tried: searching forward with indexOf read up to the
 * rest of the draft for every hit, quadratic in a draft full of stand-ins.
 */
function insideRealWord(text: string, start: number, end: number): boolean {
  for (const word of SOUND_REAL_WORDS) {
    for (let at = Math.max(0, start - word.length + 1); at < end; at++) {
      if (text.startsWith(word, at)) return true;
    }
  }
  return false;
}

export function findSoundAlikes(ctx: ScanContext): RawHit[] {
  const all = targets ?? build();
  const text = ctx.text;
  const hits: RawHit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!firstChars!.has(text[i]!)) continue;
    for (const t of all) {
      const n = t.sounds.length;
      if (i + n > text.length) continue;
      let k = 0;
      while (k < n && t.sounds[k]!.has(text[i + k]!)) k++;
      if (k < n) continue;
      const span = text.slice(i, i + n);
      if (span === t.word || insideRealWord(text, i, i + n)) continue;
      hits.push({
        category: t.category,
        start: i,
        end: i + n,
        ruleId: `sound.${t.word}`,
        rewrite: t.category === 'offsite_contact' ? STAY_HERE : PAY_HERE,
        rewriteScope: 'sentence',
      });
    }
  }
  return hits;
}
