/** Reading a library (array of ReplyScript) from JSON with a clear error when it is malformed. */
import type { ReplyScript } from '../types.ts';

export function parseLibrary(json: string, source = 'library'): ReplyScript[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`${source}: expected an array of scripts`);
  return data.map((row, i) => {
    const r = row as Partial<ReplyScript> | null;
    if (!r || typeof r !== 'object') throw new Error(`${source}: item ${i} is not an object`);
    for (const field of ['id', 'intent', 'title', 'text'] as const) {
      if (typeof r[field] !== 'string' || (field !== 'title' && r[field].length === 0)) {
        throw new Error(`${source}: item ${i} has no string "${field}"`);
      }
    }
    if (r.triggers !== undefined && (!Array.isArray(r.triggers) || r.triggers.some((t) => typeof t !== 'string'))) {
      throw new Error(`${source}: item ${i} ("${r.id}") has triggers that are not an array of strings`);
    }
    return {
      group: typeof r.group === 'string' ? r.group : '咨询回复',
      triggers: [],
      updatedAt: typeof r.updatedAt === 'number' ? r.updatedAt : 0,
      ...r,
    } as ReplyScript;
  });
}
