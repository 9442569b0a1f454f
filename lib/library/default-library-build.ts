/**
 * How the default library's authoring source (assets/library/
 * default-library.source.ts) becomes the scripts the extension loads.
 */
import type { ReplyScript } from '../types';

export interface ScriptSource {
  title: string;
  /** The reply; may hold variables such as {买家} {店铺} {客服} {cursor}. */
  text: string;
  /** Buyer phrases that pick this script over the intent's others. */
  triggers?: string[];
  /** Shortcut code typed as /code in the compose box. */
  code?: string;
}

export interface IntentSource {
  /** Script ids are `${idPrefix}-01`, `-02`…: stable, so usage and team rows keep pointing at them. */
  idPrefix: string;
  group: string;
  /** An intent id from shared/intents.json. */
  intent: string;
  /** What buyers write for this intent; every script of it answers these. */
  buyerPhrases: string[];
  scripts: ScriptSource[];
}

/** One fixed stamp: the library is data, rebuilt byte for byte the same. */
export const DEFAULT_LIBRARY_UPDATED_AT = Date.UTC(2025, 0, 1);

export function buildDefaultLibrary(intents: readonly IntentSource[]): ReplyScript[] {
  return intents.flatMap(({ idPrefix, group, intent, buyerPhrases, scripts }) => {
    // A phrase a script lists as its own goes only to the scripts that list it, so it decides which
    // script of the intent fits; the rest of the intent's phrases go to every script.
    const claimed = new Set(scripts.flatMap((s) => s.triggers ?? []));
    const shared = buyerPhrases.filter((t) => !claimed.has(t));
    return scripts.map((s, i): ReplyScript => ({
      id: `${idPrefix}-${String(i + 1).padStart(2, '0')}`,
      group,
      intent,
      title: s.title,
      text: s.text,
      triggers: [...new Set([...(s.triggers ?? []), ...shared])],
      ...(s.code ? { code: s.code } : {}),
      order: i,
      source: 'default',
      updatedAt: DEFAULT_LIBRARY_UPDATED_AT,
    }));
  });
}

/** The JSON file's exact text (one-space indent, trailing newline), as committed. */
export function defaultLibraryJson(intents: readonly IntentSource[]): string {
  return JSON.stringify(buildDefaultLibrary(intents), null, 1) + '\n';
}
