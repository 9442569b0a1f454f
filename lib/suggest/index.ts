export { createMatcher, type Matcher, type SuggestOptions, type SearchOptions } from './matcher.ts';
export { canonicalText, CHAT_FILLERS } from './canonical.ts';
export { splitClauses } from './clauses.ts';
export { parseLibrary } from './library-file.ts';
