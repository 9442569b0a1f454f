/**
 * What a rep installs (`npm run build`, .output/chrome-mv3) and what the tests
 * and the demo load (`npm run build:test`, .output/chrome-mv3-test) are the
 * same code; only the test build's manifest adds the demo origins.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MATCHES } from '../../lib/sites/built-in-matches';
import { EXTENSION_PATH } from './harness';

const STORE = resolve('.output/chrome-mv3');

/** Every file under root, as paths relative to it. */
function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path)];
  });
}

describe('store build and test build', () => {
  it('differ only in the demo origins of the manifest', () => {
    // As `npm run build` does it: vitest's NODE_ENV=test must not leak into the store build.
    const { NODE_ENV: _testEnv, ...env } = process.env;
    execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], { stdio: 'ignore', env });
    const store = files(STORE).sort();
    expect(files(EXTENSION_PATH).sort()).toEqual(store);
    for (const file of store.filter((f) => f !== 'manifest.json')) {
      expect(readFileSync(join(STORE, file)).equals(readFileSync(join(EXTENSION_PATH, file))), file).toBe(true);
    }
    const storeManifest = JSON.parse(readFileSync(join(STORE, 'manifest.json'), 'utf8'));
    const testManifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
    const demo = new Set<string>(DEMO_MATCHES);
    const storeMatches: string[] = storeManifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect([...storeManifest.host_permissions, ...storeMatches].filter((m: string) => demo.has(m))).toEqual([]);
    expect(testManifest.host_permissions).toEqual(expect.arrayContaining([...demo]));
    // Remove the demo origins from the test manifest: what is left is the store manifest.
    testManifest.host_permissions = testManifest.host_permissions.filter((m: string) => !demo.has(m));
    for (const c of testManifest.content_scripts) c.matches = c.matches.filter((m: string) => !demo.has(m));
    expect(testManifest).toEqual(storeManifest);
  }, 180_000);
});
