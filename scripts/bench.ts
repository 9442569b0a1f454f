/**
 * npm run bench [-- --json]
 * Runs every benchmark module in scripts/bench/ and prints their figures,
 * each against a naive baseline measured in the same run. With --json the
 * last line is one JSON object: {"suggest":{…},"risk":{…},"followups":{…},"sync":{…}}.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchModule {
  /** The key in the --json output. */
  key: string;
  /** Runs the benchmark, printing human-readable lines through `log`, and returns the JSON figures. */
  run(log: (line: string) => void): Promise<unknown>;
}

const here = dirname(fileURLToPath(import.meta.url));
const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const results: Record<string, unknown> = {};
const files = readdirSync(join(here, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, 'bench', file)).href)) as { default: BenchModule };
  if (only && mod.default.key !== only) continue;
  console.log(`\n== ${mod.default.key} ==`);
  results[mod.default.key] = await mod.default.run((line) => console.log(line));
}
if (json) console.log(JSON.stringify(results));
