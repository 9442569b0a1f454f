/** `npm run build:library`: write assets/library/default-library.json from its typed source. */
import { writeFileSync } from 'node:fs';
import { DEFAULT_LIBRARY_SOURCE } from '../assets/library/default-library.source';
import { buildDefaultLibrary, defaultLibraryJson } from '../lib/library/default-library-build';

const OUT = 'assets/library/default-library.json';
writeFileSync(OUT, defaultLibraryJson(DEFAULT_LIBRARY_SOURCE));
console.log(`wrote ${buildDefaultLibrary(DEFAULT_LIBRARY_SOURCE).length} scripts to ${OUT}`);
