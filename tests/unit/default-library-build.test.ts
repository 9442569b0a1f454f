import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_SOURCE } from '../../assets/library/default-library.source';
import { buildDefaultLibrary, defaultLibraryJson } from '../../lib/library/default-library-build';

describe('the default library', () => {
  it('is exactly what its typed source builds (run npm run build:library after editing the source)', () => {
    expect(readFileSync('assets/library/default-library.json', 'utf8')).toBe(defaultLibraryJson(DEFAULT_LIBRARY_SOURCE));
  });
  it('names only intents of the shared taxonomy, with unique ids and codes', () => {
    const taxonomy = JSON.parse(readFileSync('../shared/intents.json', 'utf8')) as unknown;
    const known = new Set(
      JSON.stringify(taxonomy)
        .match(/"id":\s*"([^"]+)"/g)!
        .map((m) => m.replace(/^"id":\s*"|"$/g, '')),
    );
    const scripts = buildDefaultLibrary(DEFAULT_LIBRARY_SOURCE);
    for (const s of scripts) expect(known.has(s.intent), `${s.id}: ${s.intent}`).toBe(true);
    expect(new Set(scripts.map((s) => s.id)).size).toBe(scripts.length);
    const codes = scripts.flatMap((s) => (s.code ? [s.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
