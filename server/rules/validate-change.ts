/**
 * Shape checks for pushed changes. A change the service cannot even identify
 * (no changeId) fails the whole request; a change with bad content gets its
 * own "rejected" result, so one bad row does not block the rest.
 *
 * Before anything else looks at a change (JSON.stringify, PostgreSQL), every
 * value in it is checked (lib/sync/values.ts): strings well-formed without NUL,
 * numbers finite and within ±2^53, at most LIMITS.maxDepth levels of nesting.
 */
import { createHash } from 'node:crypto';
import { LIBRARY_KINDS, LIMITS, type PushChange } from '../../lib/sync/protocol';
import { findBadValue } from '../../lib/sync/values';
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, code: 'invalid_row', detail: 'change must be an object' };
  const bad = findBadValue(raw);
  if (bad) return { ok: false, code: bad.code, detail: `${bad.code} at ${bad.at || 'change'}` };
  const c = raw as Record<string, unknown>;
  if (typeof c.id !== 'string' || !ID.test(c.id)) return { ok: false, code: 'invalid_row', detail: 'id' };
  if (JSON.stringify(c).length > LIMITS.maxRowBytes) return { ok: false, code: 'too_large', detail: `row over ${LIMITS.maxRowBytes} bytes` };
  const data = c.data as Record<string, unknown> | undefined;
  const hasData = typeof data === 'object' && data !== null && !Array.isArray(data);
  const kindOp = `${String(c.kind)}:${String(c.op)}`;
  if ((LIBRARY_KINDS as readonly unknown[]).includes(c.kind)) {
    if (c.baseSeq !== undefined && !(Number.isSafeInteger(c.baseSeq) && (c.baseSeq as number) >= 0))
      return { ok: false, code: 'invalid_row', detail: 'baseSeq' };
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
      if (typeof script !== 'object' || script === null || Array.isArray(script) || typeof script.text !== 'string' || script.text.trim() === '')
        return { ok: false, code: 'invalid_row', detail: 'proposal needs script.text' };
      if (data!.scriptId !== undefined && (typeof data!.scriptId !== 'string' || !ID.test(data!.scriptId)))
        return { ok: false, code: 'invalid_row', detail: 'scriptId' };
      if (!optional(data!.note, 'string')) return { ok: false, code: 'invalid_row', detail: 'note' };
      break;
    }
    case 'proposal:decide':
      if (data!.decision !== 'accept' && data!.decision !== 'reject') return { ok: false, code: 'invalid_row', detail: 'decision' };
      if (!optional(data!.reason, 'string')) return { ok: false, code: 'invalid_row', detail: 'reason' };
      break;
    case 'followup:create': {
      for (const f of ['kind', 'site', 'conversationKey', 'dedupeKey'] as const)
        if (typeof data![f] !== 'string' || data![f] === '') return { ok: false, code: 'invalid_row', detail: `missing ${f}` };
      for (const f of ['dueAt', 'deadlineAt'] as const) {
        if (typeof data![f] !== 'number') return { ok: false, code: 'invalid_row', detail: `missing ${f}` };
        if (!isTime(data![f])) return { ok: false, code: 'invalid_number', detail: f };
      }
      const url = data!.conversationUrl;
      if (url !== undefined && url !== null && !isWebUrl(url)) return { ok: false, code: 'invalid_url', detail: 'conversationUrl must be an http(s) URL' };
      break;
    }
    case 'followup:edit':
      if (!optional(data!.notes, 'string')) return { ok: false, code: 'invalid_row', detail: 'notes' };
      if (data!.tags !== undefined && !Array.isArray(data!.tags)) return { ok: false, code: 'invalid_row', detail: 'tags' };
      for (const f of ['dueAt', 'deadlineAt'] as const)
        if (data![f] !== undefined && !isTime(data![f])) return { ok: false, code: 'invalid_number', detail: f };
      break;
    case 'followup:status':
      if (typeof data!.status !== 'string') return { ok: false, code: 'invalid_row', detail: 'status' };
      if (data!.outcome !== undefined && data!.outcome !== null && (typeof data!.outcome !== 'object' || Array.isArray(data!.outcome)))
        return { ok: false, code: 'invalid_row', detail: 'outcome' };
      break;
    case 'followup:attempt':
      if (typeof data!.at !== 'number' || typeof data!.claimId !== 'string') return { ok: false, code: 'invalid_row', detail: 'attempt needs at and claimId' };
      if (!isTime(data!.at)) return { ok: false, code: 'invalid_number', detail: 'at' };
      if (!optional(data!.scriptId, 'string')) return { ok: false, code: 'invalid_row', detail: 'scriptId' };
      break;
    case 'usage:record':
      if (typeof data!.scriptId !== 'string' || typeof data!.site !== 'string' || typeof data!.at !== 'number')
        return { ok: false, code: 'invalid_row', detail: 'usage needs scriptId, site, at' };
      if (!isTime(data!.at)) return { ok: false, code: 'invalid_number', detail: 'at' };
      break;
    default:
      return { ok: false, code: 'invalid_row', detail: `unknown change ${kindOp}` };
  }
  return { ok: true, change: c as unknown as PushChange };
}

const optional = (v: unknown, type: 'string') => v === undefined || v === null || typeof v === type;

/** A time the service may hand to PostgreSQL as a timestamp (ms since the epoch). */
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.maxTimeMs;

/** Only http(s) links are kept on a follow-up: the extension opens them in a tab. */
export function isWebUrl(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 2048) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A fingerprint of everything in a change but its changeId (keys sorted, so
 * the order of fields does not matter): a replay must carry the same body.
 * Containers deeper than the limit are summarised, never walked.
 */
export function changeBodyHash(raw: unknown): string {
  const h = createHash('sha256');
  const stack: Array<{ v: unknown; depth: number; top?: boolean } | string> = [{ v: raw, depth: 1, top: true }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      h.update(item);
      continue;
    }
    const { v, depth } = item;
    if (typeof v !== 'object' || v === null) {
      h.update(JSON.stringify(v) ?? 'undefined');
    } else if (depth > LIMITS.maxDepth + 1) {
      h.update('<deep>');
    } else if (Array.isArray(v)) {
      h.update('[');
      stack.push(']');
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1 }, i > 0 ? ',' : '');
    } else {
      h.update('{');
      stack.push('}');
      const keys = Object.keys(v)
        .filter((k) => !(item.top && k === 'changeId'))
        .sort();
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ v: (v as Record<string, unknown>)[keys[i]!], depth: depth + 1 }, `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
    }
  }
  return h.digest('hex');
}

function requiredLibraryField(kind: string, data: Record<string, unknown>): string | undefined {
  const need: Record<string, string[]> = { script: ['title', 'text'], group: ['name'], risk_word: ['phrase'], site_profile: ['origin', 'name'] };
  for (const f of need[kind] ?? []) if (typeof data[f] !== 'string' || (data[f] as string).trim() === '') return f;
  if (kind === 'site_profile' && (typeof data.selectors !== 'object' || data.selectors === null)) return 'selectors';
  return undefined;
}
