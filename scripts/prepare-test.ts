/**
 * npm test runs this first: it makes sure the machine has what the tests
 * need — a Chromium-family browser (browser tests), CJK fonts (screenshots
 * that show Chinese), and PostgreSQL's server binaries (the team-sync tests
 * start their own cluster on loopback).
 *
 * On Debian/Ubuntu as root or with passwordless sudo, what is missing is
 * installed with apt, saying what and why (as `playwright install --with-deps`
 * does). Anywhere else it stops with one line saying what to install.
 * `--check` only reports, installing nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, installHint } from './browser/find-browser';
import { locatePostgresBin } from '../server/db/local-postgres';

interface Need {
  what: string;
  /** Debian package names, first one available wins. */
  debian: string[];
  /** One line for systems where we do not install. */
  hint: string;
}

const checkOnly = process.argv.includes('--check');

function hasCjkFont(): boolean {
  if (process.platform !== 'linux') return true; // macOS and Windows ship CJK fonts
  const out = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim().length > 0;
}

function missing(): Need[] {
  const needs: Need[] = [];
  if (!findBrowser()) {
    if (process.env.CHROMIUM_PATH) {
      console.error(installHint()); // a wrong path is the user's to fix, never papered over
      process.exit(1);
    }
    needs.push({ what: 'a Chromium-family browser (browser tests)', debian: ['chromium', 'chromium-browser'], hint: installHint() });
  }
  if (!hasCjkFont())
    needs.push({
      what: 'CJK fonts (Chinese text in screenshots)',
      debian: ['fonts-noto-cjk'],
      hint: 'No Chinese font found: install Noto Sans CJK (Debian: apt-get install fonts-noto-cjk).',
    });
  if (!locatePostgresBin())
    needs.push({
      what: 'PostgreSQL server binaries (team-sync tests)',
      debian: ['postgresql-15', 'postgresql'],
      hint: 'PostgreSQL not found: install it (Debian: apt-get install postgresql-15; macOS: brew install postgresql@15; Windows: the PostgreSQL installer) or set PG_BIN.',
    });
  return needs;
}

/** How to run apt here: directly as root, through passwordless sudo, or not at all. */
function aptRunner(): string[] | null {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? ['sudo', '-n'] : null;
}

function apt(prefix: string[], args: string[], quiet = false): void {
  const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
  execFileSync(cmd!, rest, { stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function available(pkg: string): boolean {
  const out = spawnSync('apt-cache', ['show', pkg], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  return out.status === 0 && /^Package:/m.test(out.stdout);
}

const needs = missing();
if (!needs.length) {
  const browser = findBrowser()!;
  console.log(`test prerequisites: browser ${browser.path}, CJK fonts, PostgreSQL in ${locatePostgresBin()} — all present`);
  process.exit(0);
}

const runner = checkOnly ? null : aptRunner();
if (!runner) {
  for (const need of needs) console.error(need.hint);
  if (checkOnly) console.error('(--check: nothing installed)');
  else if (process.platform === 'linux')
    console.error('Run npm test as root or with passwordless sudo to have these installed with apt, or install them yourself.');
  process.exit(1);
}

console.log(`test prerequisites missing: ${needs.map((n) => n.what).join('; ')}`);
console.log('updating the apt package lists…');
apt(runner, ['update', '-qq']);
const packages = needs.map((n) => n.debian.find(available) ?? n.debian[0]!);
console.log(`installing with apt: ${packages.join(' ')}`);
apt(runner, ['install', '-y', '-qq', '--no-install-recommends', ...packages]);

const still = missing();
if (still.length) {
  for (const need of still) console.error(`still missing after apt: ${need.hint}`);
  process.exit(1);
}
console.log('test prerequisites installed');
