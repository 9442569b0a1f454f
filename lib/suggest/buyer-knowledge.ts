/**
 * What Huashu knows about how buyers ask, apart from any one library: the
 * trigger phrases of the shipped default library, grouped by intent. The
 * matcher indexes them without a script of their own, so a message maps to
 * an intent even when the rep's own scripts carry no triggers (a 千牛 or 咚咚
 * import); the rep's scripts of that intent are then ranked by how well their
 * text fits the message (text-fit.ts), their usage and their file order.
 */
import type { ReplyScript } from '../types.ts';

export type BuyerKnowledge = ReadonlyMap<string, readonly string[]>;

/** intent → distinct trigger phrases of the given scripts (usually the default library). */
export function buyerKnowledgeOf(scripts: Iterable<Pick<ReplyScript, 'intent' | 'triggers' | 'deleted'>>): BuyerKnowledge {
  const byIntent = new Map<string, Set<string>>();
  for (const s of scripts) {
    if (s.deleted || !s.intent || !s.triggers?.length) continue;
    let set = byIntent.get(s.intent);
    if (!set) byIntent.set(s.intent, (set = new Set()));
    for (const t of s.triggers) if (t.trim()) set.add(t);
  }
  return new Map([...byIntent].map(([intent, set]) => [intent, [...set]]));
}
