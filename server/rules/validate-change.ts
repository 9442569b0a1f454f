/**
 * Shape checks for pushed changes. A change the service cannot even identify
 * (no changeId) fails the whole request; a change with bad content gets its
 * own "rejected" result, so one bad row does not block the rest.
 */
import { LIBRARY_KINDS, LIMITS, type PushChange } from '../../lib/sync/protocol';
import { HttpError } from '../http/http-error';

const ID = /^[\w:.\-]{1,128}$/;
const CHANGE_ID = /^[\w\-]{8,64}$/;

export function changeIdsOf(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { changes?: unknown }).changes))
    throw new HttpError(400, 'bad_request', 'body must be {"changes":[…]}');
  const changes = (body as { changes: unknown[] }).changes;
  if (changes.length > LIMITS.maxChangesPerPush) throw new HttpError(413, 'too_many_changes', `at most ${LIMITS.maxChangesPerPush} per push`);
  for (const c of changes) {
    const id = (c as { changeId?: unknown } | null)?.changeId;
    if (typeof id !== 'string' || !CHANGE_ID.test(id)) throw new HttpError(400, 'bad_request', 'every change needs a changeId (8–64 of A-Z a-z 0-9 _ -)');
  }
  return changes;
}

/** Returns the change, or the reason it cannot be applied. */
export function checkChange(raw: unknown): { ok: true; change: PushChange } | { ok: false; code: string; detail: string } {
  const c = raw as Record<string, unknown>;
  if (typeof c.id !== 'string' || !ID.test(c.id)) return { ok: false, code: 'invalid_row', detail: 'id' };
  if (JSON.stringify(c).length > LIMITS.maxRowBytes) return { ok: false, code: 'too_large', detail: `row over ${LIMITS.maxRowBytes} bytes` };
  const data = c.data as Record<string, unknown> | undefined;
  const hasData = typeof data === 'object' && data !== null && !Array.isArray(data);
  const kindOp = `${String(c.kind)}:${String(c.op)}`;
  if ((LIBRARY_KINDS as readonly unknown[]).includes(c.kind)) {
    if (c.baseSeq !== undefined && !(Number.isSafeInteger(c.baseSeq) && (c.baseSeq as number) >= 0)) return { ok: false, code: 'invalid_row', detail: 'baseSeq' };
    if (c.op === 'delete') return { ok: true, change: c as unknown as PushChange };
    if (c.op !== 'upsert' || !hasData) return { ok: false, code: 'invalid_row', detail: 'library change needs op upsert with data, or op delete' };
    const missing = requiredLibraryField(c.kind as string, data!);
    if (missing) return { ok: false, code: 'invalid_row', detail: `missing ${missing}` };
    return { ok: true, change: c as unknown as PushChange };
  }
  if (!hasData) return { ok: false, code: 'invalid_row', detail: 'data' };
  switch (kindOp) {
    case 'proposal:propose': {
      const script = data!.script as Record<string, unknown> | undefined;
      if (typeof script !== 'object' || script === null || typeof script.text !== 'string' || script.text.trim() === '') return { ok: false, code: 'invalid_row', detail: 'proposal needs script.text' };
      if (data!.scriptId !== undefined && (typeof data!.scriptId !== 'string' || !ID.test(data!.scriptId))) return { ok: false, code: 'invalid_row', detail: 'scriptId' };
      break;
    }
    case 'proposal:decide':
      if (data!.decision !== 'accept' && data!.decision !== 'reject') return { ok: false, code: 'invalid_row', detail: 'decision' };
      break;
    case 'followup:create':
      for (const f of ['kind', 'site', 'conversationKey', 'dedupeKey'] as const) if (typeof data![f] !== 'string' || data![f] === '') return { ok: false, code: 'invalid_row', detail: `missing ${f}` };
      for (const f of ['dueAt', 'deadlineAt'] as const) if (typeof data![f] !== 'number') return { ok: false, code: 'invalid_row', detail: `missing ${f}` };
      break;
    case 'followup:edit':
      break;
    case 'followup:status':
      if (typeof data!.status !== 'string') return { ok: false, code: 'invalid_row', detail: 'status' };
      break;
    case 'followup:attempt':
      if (typeof data!.at !== 'number' || typeof data!.claimId !== 'string') return { ok: false, code: 'invalid_row', detail: 'attempt needs at and claimId' };
      break;
    case 'usage:record':
      if (typeof data!.scriptId !== 'string' || typeof data!.site !== 'string' || typeof data!.at !== 'number') return { ok: false, code: 'invalid_row', detail: 'usage needs scriptId, site, at' };
      break;
    default:
      return { ok: false, code: 'invalid_row', detail: `unknown change ${kindOp}` };
  }
  return { ok: true, change: c as unknown as PushChange };
}

function requiredLibraryField(kind: string, data: Record<string, unknown>): string | undefined {
  const need: Record<string, string[]> = { script: ['title', 'text'], group: ['name'], risk_word: ['phrase'], site_profile: ['origin', 'name'] };
  for (const f of need[kind] ?? []) if (typeof data[f] !== 'string' || (data[f] as string).trim() === '') return f;
  if (kind === 'site_profile' && (typeof data.selectors !== 'object' || data.selectors === null)) return 'selectors';
  return undefined;
}
