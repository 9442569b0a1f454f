/**
 * A private PostgreSQL for trying a team on one machine and for the tests:
 * initdb into its own folder, listen on 127.0.0.1 only (no Unix socket), a
 * random password, started and stopped with pg_ctl.
 *
 * initdb refuses to run as root, so under root the cluster is run as the
 * `postgres` system user (the data folder is handed to it).
 *
 * The service never connects as the cluster's superuser (`huashu`, made by
 * initdb): the `huashu` database belongs to the login role `huashu_owner`
 * (no superuser, no CREATEDB / CREATEROLE / BYPASSRLS, its own random
 * password), which runs the migrations and is granted `huashu_app`, the role
 * every request works as. A cluster made before this is moved over on start.
 * `adminUrl` (the superuser) is for tests and maintenance only.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface LocalPostgres {
  /** postgres://… URL of the `huashu` database as its owner, huashu_owner (not a superuser): what the service uses. */
  url: string;
  /** The same database as the cluster's superuser: tests and maintenance only, never the service. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** Keep the cluster here across runs; default: a fresh temp folder removed on stop. */
  dataDir?: string;
  port?: number;
  /** Faster, crash-unsafe settings (tests, benchmarks). */
  ephemeral?: boolean;
}

const VERSIONS = [15, 16, 17];
const exe = process.platform === 'win32' ? '.exe' : '';

/** Where PostgreSQL's server binaries usually are: Debian/Ubuntu, Homebrew, the Windows installer, then $PATH. */
function binDirs(): string[] {
  return [
    process.env.PG_BIN,
    ...VERSIONS.map((v) => `/usr/lib/postgresql/${v}/bin`),
    ...VERSIONS.flatMap((v) => [`/opt/homebrew/opt/postgresql@${v}/bin`, `/usr/local/opt/postgresql@${v}/bin`]),
    ...VERSIONS.map((v) => join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'PostgreSQL', String(v), 'bin')),
    ...(process.env.PATH ?? '').split(delimiter),
  ].filter((d): d is string => !!d);
}

/** The folder holding initdb and pg_ctl, or null. */
export function locatePostgresBin(): string | null {
  for (const dir of binDirs()) if (existsSync(join(dir, `initdb${exe}`)) && existsSync(join(dir, `pg_ctl${exe}`))) return dir;
  return null;
}

export function findPostgresBin(): string {
  const found = locatePostgresBin();
  if (found) return found;
  throw new Error(
    'PostgreSQL server binaries not found (initdb and pg_ctl; looked in PG_BIN, /usr/lib/postgresql/<15-17>/bin, Homebrew, Program Files and $PATH). ' +
      'Install them (Debian: apt-get install postgresql-15; macOS: brew install postgresql@15; Windows: the PostgreSQL installer) or set PG_BIN to their folder.',
  );
}

interface RunAs {
  uid: number;
  gid: number;
}

function runAsUser(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('Running as root, and there is no `postgres` system user to run PostgreSQL as (initdb refuses root).');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(file: string, args: string[], as: RunAs | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...(as ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || stdout || err.message}`));
      else resolve(stdout);
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startLocalPostgres(options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  const as = runAsUser();
  const temp = !options.dataDir;
  const root = options.dataDir ?? mkdtempSync(join(tmpdir(), 'huashu-pg-'));
  const dataDir = join(root, 'cluster');
  const pwFile = join(root, 'password');
  const ownerPwFile = join(root, 'owner-password');
  mkdirSync(root, { recursive: true });
  if (as) chownSync(root, as.uid, as.gid);
  const port = options.port ?? (await freePort());

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    writeFileSync(pwFile, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
    if (as) chownSync(pwFile, as.uid, as.gid);
    const initArgs = ['-D', dataDir, '-U', 'huashu', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C'];
    if (options.ephemeral) initArgs.push('--no-sync');
    await run(join(bin, 'initdb'), initArgs, as);
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = ''",
        'max_connections = 200',
        ...(options.ephemeral ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'] : []),
      ].join('\n') + '\n',
    );
  }
  const password = readFileSync(pwFile, 'utf8').trim();
  await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', `-p ${port}`, '-w', '-t', '60', 'start'], as);

  if (!existsSync(ownerPwFile)) writeFileSync(ownerPwFile, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
  const ownerPassword = readFileSync(ownerPwFile, 'utf8').trim();
  const base = `postgres://huashu:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await ensureOwner(base, ownerPassword);
  } catch (e) {
    await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], as).catch(() => undefined);
    throw e;
  }

  let stopped = false;
  return {
    url: `postgres://${OWNER}:${encodeURIComponent(ownerPassword)}@127.0.0.1:${port}/huashu`,
    adminUrl: `${base}/huashu`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], as).catch(() => undefined);
      if (temp) rmSync(root, { recursive: true, force: true });
    },
  };
}

const OWNER = 'huashu_owner';

/**
 * As the superuser: the owner role (login, nothing more), huashu_app granted
 * to it (with ADMIN OPTION, so the migrations may grant it on), and the
 * `huashu` database with everything in it owned by huashu_owner.
 */
async function ensureOwner(superBase: string, ownerPassword: string): Promise<void> {
  if (!/^[\w-]+$/.test(ownerPassword)) throw new Error('owner password must be base64url');
  const admin = new pg.Client({ connectionString: `${superBase}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER}') THEN CREATE ROLE ${OWNER} LOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'huashu_app') THEN CREATE ROLE huashu_app NOLOGIN; END IF;
      END $$`);
    await admin.query(`ALTER ROLE ${OWNER} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${ownerPassword}'`);
    await admin.query(`GRANT huashu_app TO ${OWNER} WITH ADMIN OPTION`);
    const db = await admin.query<{ owner: string }>(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'huashu'`);
    if (db.rowCount === 0) await admin.query(`CREATE DATABASE huashu OWNER ${OWNER}`);
    else if (db.rows[0]!.owner !== OWNER) await admin.query(`ALTER DATABASE huashu OWNER TO ${OWNER}`);
  } finally {
    await admin.end();
  }
  // A database made by an earlier version belongs to the superuser, tables and functions included: hand them over.
  const inDb = new pg.Client({ connectionString: `${superBase}/huashu` });
  await inDb.connect();
  try {
    await inDb.query(`DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '${OWNER}' LOOP
          EXECUTE format(CASE r.relkind WHEN 'S' THEN 'ALTER SEQUENCE %I OWNER TO ${OWNER}' WHEN 'v' THEN 'ALTER VIEW %I OWNER TO ${OWNER}'
            WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %I OWNER TO ${OWNER}' ELSE 'ALTER TABLE %I OWNER TO ${OWNER}' END, r.relname);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${OWNER}' LOOP
          EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER}', r.fn);
        END LOOP;
        IF (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public') NOT IN ('${OWNER}', 'pg_database_owner') THEN
          EXECUTE 'ALTER SCHEMA public OWNER TO ${OWNER}';
        END IF;
      END $$`);
  } finally {
    await inDb.end();
  }
}
