/** The buyer knowledge of the shipped default library, built once (see buyer-knowledge.ts). */
import defaultLibrary from '../../assets/library/default-library.json';
import type { ReplyScript } from '../types.ts';
import { buyerKnowledgeOf, type BuyerKnowledge } from './buyer-knowledge.ts';

let built: BuyerKnowledge | undefined;

export function defaultBuyerKnowledge(): BuyerKnowledge {
  built ??= buyerKnowledgeOf(defaultLibrary as ReplyScript[]);
  return built;
}
