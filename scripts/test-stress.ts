/**
 * npm run test:stress [-- --runs 5] [-- --hog stress-ng|node|none]
 *
 * Runs the whole suite (type-check, unit tests, test build, end-to-end tests)
 * N times while a CPU hog keeps every core busy, the way a shop PC or a busy
 * CI machine is, and prints `passed X/N` with each failing test's name. The
 * hog is Debian's stress-ng when installed, else one node busy loop per core;
 * it is started before the first run and stopped after the last (also on
 * Ctrl+C). Logs of each run go to .output/stress/run-<i>.log.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
};
const runs = Math.max(1, Number(valueOf('--runs') ?? 3) || 3);
const hogKind = valueOf('--hog') ?? (spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0 ? 'stress-ng' : 'node');
const cores = availableParallelism();
const outDir = resolve('.output/stress');
mkdirSync(outDir, { recursive: true });

function startHog(): ChildProcess[] {
  if (hogKind === 'none') return [];
  if (hogKind === 'stress-ng') return [spawn('stress-ng', ['--cpu', String(cores), '--cpu-method', 'matrixprod', '--quiet'], { stdio: 'ignore' })];
  return Array.from({ length: cores }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
}

const hog = startHog();
const stopHog = () => {
  for (const p of hog) p.kill('SIGKILL');
};
process.on('exit', stopHog);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
console.log(`stress: ${runs} run(s) of the whole suite with ${hogKind === 'none' ? 'no hog' : `${hogKind} busy on ${cores} core(s)`}`);

/** Run one step, its output appended to the run's log; resolves with its exit code. */
function step(log: NodeJS.WritableStream, command: string, stepArgs: string[]): Promise<number> {
  return new Promise((done) => {
    log.write(`\n$ ${command} ${stepArgs.join(' ')}\n`);
    const child = spawn(command, stepArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (code) => done(code ?? 1));
  });
}

interface VitestJson {
  testResults?: Array<{ name: string; message?: string; status?: string; assertionResults?: Array<{ fullName: string; status: string }> }>;
}

/** Names of failed tests (or failed files) from vitest's JSON report. */
function failuresIn(file: string): string[] {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
    const failed: string[] = [];
    for (const f of report.testResults ?? []) {
      const tests = (f.assertionResults ?? []).filter((t) => t.status === 'failed').map((t) => `${f.name.replace(resolve('.') + '/', '')} › ${t.fullName}`);
      if (tests.length) failed.push(...tests);
      else if (f.status === 'failed') failed.push(`${f.name.replace(resolve('.') + '/', '')} (${(f.message ?? 'failed').split('\n')[0]})`);
    }
    return failed;
  } catch {
    return [];
  }
}

const summary: Array<{ run: number; ok: boolean; minutes: number; failures: string[] }> = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const logPath = join(outDir, `run-${run}.log`);
  const log = createWriteStream(logPath);
  const failures: string[] = [];
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if ((await step(log, npx, ['tsx', 'scripts/prepare-test.ts'])) !== 0) failures.push('prerequisites (scripts/prepare-test.ts)');
  if (!failures.length && (await step(log, npx, ['tsc', '--noEmit'])) !== 0) failures.push('type-check (tsc --noEmit)');
  for (const project of ['unit', 'e2e'] as const) {
    if (failures.length) break;
    if (project === 'e2e' && (await step(log, npx, ['wxt', 'build', '--mode', 'test'])) !== 0) {
      failures.push('test build (wxt build --mode test)');
      break;
    }
    const report = join(outDir, `run-${run}-${project}.json`);
    rmSync(report, { force: true });
    const code = await step(log, npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
    if (code !== 0) {
      const named = failuresIn(report);
      failures.push(...(named.length ? named : [`${project} tests (exit ${code}, see ${logPath})`]));
    }
  }
  log.end();
  const minutes = (Date.now() - started) / 60_000;
  summary.push({ run, ok: !failures.length, minutes, failures });
  console.log(`run ${run}/${runs}: ${failures.length ? 'FAILED' : 'passed'} in ${minutes.toFixed(1)} min${failures.map((f) => `\n  ✗ ${f}`).join('')}`);
}
stopHog();

const passed = summary.filter((s) => s.ok).length;
console.log(`\npassed ${passed}/${runs} (longest run ${Math.max(...summary.map((s) => s.minutes)).toFixed(1)} min; logs in ${outDir})`);
process.exit(passed === runs ? 0 : 1);
