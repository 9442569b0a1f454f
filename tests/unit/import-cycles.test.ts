/**
 * No import cycles anywhere in the app, the library or the service: a cycle
 * is how "A calls B's hook after its write, B imports A back" crept in once.
 * Type-only imports do not count (they vanish at build time).
 */
import { describe, expect, it } from 'vitest';
import { parseCircular, parseDependencyTree } from 'dpdm';

const SOURCES = ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts', 'server/**/*.ts', 'scripts/**/*.ts'];

describe('imports', () => {
  it('form no cycle', async () => {
    const tree = await parseDependencyTree(SOURCES, { context: process.cwd(), tsconfig: 'tsconfig.json', transform: true });
    const modules = Object.keys(tree).filter((file) => !file.includes('node_modules'));
    expect(modules.length).toBeGreaterThan(200); // the scan really saw the code base
    expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
  }, 120_000);
});
