/**
 * npm run build:traditional-table
 * Writes assets/models/traditional-rewrites.json: every Chinese character used
 * in the risk guard's rewrites (the string literals under lib/risk/) with its
 * Traditional (Taiwan) form, from opencc-js, where the two differ. A draft
 * typed in Traditional then gets its rewrite in Traditional
 * (lib/risk/rewrite-script.ts) without shipping opencc's 1 MB dictionary.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
const chars = new Set<string>();
for (const file of files('lib/risk')) for (const ch of readFileSync(file, 'utf8')) if (/[\u3400-\u9fff]/.test(ch)) chars.add(ch);
const table: Record<string, string> = {};
for (const ch of [...chars].sort()) {
  const t = toTraditional(ch);
  if (t !== ch && [...t].length === 1) table[ch] = t;
}
writeFileSync('assets/models/traditional-rewrites.json', JSON.stringify(table) + '\n');
console.log(`${Object.keys(table).length} of ${chars.size} characters differ → assets/models/traditional-rewrites.json`);
