/**
 * What `npm run suggest -- --jsonl` answers for one buyer message: the top
 * suggestions as {id, intent, title, text, score} (and "explain" when asked).
 * The size is bounded by --top and the library, not by the message.
 */
import type { Stage } from '../lib/suggest/intents.ts';
import type { Matcher } from '../lib/suggest/matcher.ts';

export interface SuggestAnswerOptions {
  top: number;
  stage?: Stage;
  explain?: boolean;
}

export function createSuggestAnswer(matcher: Matcher, options: SuggestAnswerOptions): (text: string) => Record<string, unknown> {
  const { top, stage, explain = false } = options;
  return (text) => ({
    suggestions: matcher.suggest(text, { top, stage, explain }).map((s) => ({
      id: s.id,
      intent: s.intent,
      title: s.title,
      text: s.text,
      score: s.score,
      ...(explain ? { explain: s.explain } : {}),
    })),
  });
}
