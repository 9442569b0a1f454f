/**
 * npm run build:sound-table
 * Writes assets/models/sound-table.json: for every toneless pinyin syllable of
 * the words whose stand-ins matter to the risk guard (chat apps, payment apps
 * and verbs, other platforms, review rewards), all the characters that sound
 * like it, from pinyin-pro. The guard matches those words by sound
 * (lib/risk/sound.ts) without shipping pinyin-pro's whole dictionary to the page.
 */
import { writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { SOUND_WORDS } from '../lib/risk/sound-words.ts';

const wanted = new Set(SOUND_WORDS.flatMap((w) => pinyin(w, { toneType: 'none', type: 'array' })));
const table: Record<string, string> = {};
for (let c = 0x4e00; c <= 0x9fa5; c++) {
  const ch = String.fromCharCode(c);
  const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true });
  for (const p of new Set(readings)) if (wanted.has(p)) table[p] = (table[p] ?? '') + ch;
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync('assets/models/sound-table.json', JSON.stringify(sorted) + '\n');
console.log(`${Object.keys(sorted).length} syllables, ${Object.values(sorted).join('').length} characters → assets/models/sound-table.json`);
