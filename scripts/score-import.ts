/**
 * npm run score:import [-- --dir tests/fixtures/heldout/import-libraries]
 *
 * Scores suggestions from a rep's own imported library, with the command
 * lines only, as issue 14 asks: for each export FILE.csv beside a
 * FILE.truth.jsonl (the true intent of each row) and buyer-messages.jsonl,
 *   1. `npm run import -- FILE --json --rows --library BASE --library-out LIB`
 *      into an empty library and on top of the default library;
 *   2. intent guessed at import vs the truth;
 *   3. `npm run suggest -- --jsonl --top 3 --library LIB` on the buyer
 *      messages of that shop (and the generic ones), a hit counted by the
 *      TRUE intent of each returned script.
 * Empty: top-1/top-3 over messages the library can answer. On top of the
 * defaults: how often one of the rep's scripts of a right intent is in the
 * top three, over messages where the rep has one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ReplyScript } from '../lib/types';

const args = process.argv.slice(2);
const dir = resolve(args.includes('--dir') ? args[args.indexOf('--dir') + 1]! : 'tests/fixtures/heldout/import-libraries');
const work = mkdtempSync(join(tmpdir(), 'huashu-score-import-'));
const EMPTY = join(work, 'empty.json');
writeFileSync(EMPTY, '[]');
const DEFAULTS = resolve('assets/library/default-library.json');
const tsx = resolve('node_modules/.bin/tsx');

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

interface Truth {
  row: number;
  text: string;
  intent: string;
}
interface Message {
  text: string;
  expect: string[];
  shop: string;
}
interface ImportRow {
  row: number;
  status: string;
  intent?: string;
  text?: string;
}

const messages = readJsonl<Message>(join(dir, 'buyer-messages.jsonl'));
/** The shops the messages are written to (clothing, cosmetics…); an export's file name names its shop. */
const SHOPS = [...new Set(messages.map((m) => m.shop).filter((s) => s !== 'any'))];
const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '—');

const summary: Record<string, unknown> = {};
for (const csv of readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort()) {
  const name = basename(csv, '.csv');
  const truth = readJsonl<Truth>(join(dir, `${name}.truth.jsonl`));
  const truthByRow = new Map(truth.map((t) => [t.row, t]));
  const truthByText = new Map(truth.map((t) => [t.text, t.intent]));
  const shop = SHOPS.find((k) => name.includes(k)) ?? 'any';
  const shopMessages = messages.filter((m) => m.shop === shop || m.shop === 'any');
  const line: string[] = [`${name} (${truth.length} rows, ${shopMessages.length} messages)`];
  const figures: Record<string, unknown> = {};
  for (const [mode, base] of [
    ['empty', EMPTY],
    ['defaults', DEFAULTS],
  ] as const) {
    const libOut = join(work, `${name}-${mode}.json`);
    const out = execFileSync(tsx, ['scripts/import.ts', join(dir, csv), '--json', '--rows', '--library', base, '--library-out', libOut], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const report = JSON.parse(out) as { rows: ImportRow[]; headerRow: number | null };
    const rows = report.rows;
    // Truth rows count data rows from 1; the import numbers rows as the file does (the header is row 1).
    const headerRows = report.headerRow ?? 0;
    let right = 0;
    let judged = 0;
    for (const r of rows) {
      const t = truthByRow.get(r.row - headerRows);
      if (!t || !r.intent) continue;
      judged++;
      if (r.intent === t.intent) right++;
    }
    const library = JSON.parse(readFileSync(libOut, 'utf8')) as ReplyScript[];
    const trueIntent = new Map<string, string>();
    const repIds = new Set<string>();
    for (const s of library) {
      const fromFile = truthByText.get(s.text);
      if (s.source === 'default' || fromFile === undefined) trueIntent.set(s.id, s.intent);
      else {
        trueIntent.set(s.id, fromFile);
        repIds.add(s.id);
      }
    }
    const repIntents = new Set([...repIds].map((id) => trueIntent.get(id)!));
    const allIntents = new Set(trueIntent.values());
    const input = shopMessages.map((m) => JSON.stringify({ text: m.text })).join('\n') + '\n';
    const answers = execFileSync(tsx, ['scripts/suggest.ts', '--jsonl', '--top', '3', '--library', libOut], { input, encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { suggestions: Array<{ id: string }> }).suggestions);
    let answerable = 0,
      top1 = 0,
      top3 = 0,
      repAnswerable = 0,
      repTop3 = 0,
      repTop1 = 0;
    shopMessages.forEach((m, i) => {
      const got = answers[i] ?? [];
      const ok = (id: string) => m.expect.includes(trueIntent.get(id) ?? '');
      if (m.expect.some((e) => allIntents.has(e))) {
        answerable++;
        if (got[0] && ok(got[0].id)) top1++;
        if (got.slice(0, 3).some((s) => ok(s.id))) top3++;
      }
      if (m.expect.some((e) => repIntents.has(e))) {
        repAnswerable++;
        if (got.slice(0, 3).some((s) => repIds.has(s.id) && ok(s.id))) repTop3++;
        if (got[0] && repIds.has(got[0].id) && ok(got[0].id)) repTop1++;
      }
    });
    figures[mode] = {
      intentGuess: +pct(right, judged),
      top1: +pct(top1, answerable),
      top3: +pct(top3, answerable),
      answerable,
      repTop3: +pct(repTop3, repAnswerable),
      repTop1: +pct(repTop1, repAnswerable),
      repAnswerable,
    };
    line.push(
      `  ${mode.padEnd(8)} intent guess ${pct(right, judged)} (${right}/${judged})  top-1 ${pct(top1, answerable)}  top-3 ${pct(top3, answerable)} (n=${answerable})` +
        `  rep's script in top-3 ${pct(repTop3, repAnswerable)}, first ${pct(repTop1, repAnswerable)} (n=${repAnswerable})`,
    );
  }
  summary[name] = figures;
  console.log(line.join('\n'));
}
if (args.includes('--json')) console.log(JSON.stringify(summary));
