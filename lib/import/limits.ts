/** Files above this size are refused before any parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Phrases longer than this are not imported (no chat box takes them whole). */
export const MAX_TEXT_CHARS = 2000;

/** Rows processed between two yields to the event loop. */
export const ROWS_PER_CHUNK = 2000;

/** Bytes of CSV text papaparse reads between two yields. */
export const CSV_CHUNK_BYTES = 256 * 1024;

/** How many leading rows are searched for a header row (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 20;
