/**
 * Mapping between the extension's local rows (Dexie: ReplyScript, FollowUp,
 * SiteProfile, custom risk words) and the sync protocol's rows and changes.
 * Pure: the background does the reading and writing.
 *
 * Which rows are shared follows the server's rules: a script is shared only
 * when it is marked source 'team' (the lead/editor shared it, or the server
 * sent it); everything a rep writes on their own stays private.
 */
import { chatOriginPattern } from '../followups/conversation-link';
import { archivedKey, liveKeyOf } from '../followups/dedupe-key';
import type { CustomRiskWord } from '../settings';
import type { FollowUp, FollowUpAttempt, FollowUpOutcome, FollowUpStatus, ReplyScript, SiteProfile } from '../types';
import type { ChangeBody, JsonObject, RemoteRow, Role } from './protocol';

/** The service accepts ids of [A-Za-z0-9_:.-]{1,128}. */
const ID_OK = /^[\w:.\-]{1,128}$/;

/** FNV-1a over UTF-16 units, as 8 hex digits: a stable short id for free text. */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A protocol-safe id for any local id (script ids from imports may contain anything). */
export function remoteIdOf(localId: string): string {
  return ID_OK.test(localId) ? localId : `x-${hash32(localId)}-${localId.replace(/[^\w:.\-]/g, '').slice(0, 100)}`;
}

/** Site profiles are keyed by origin ("https://a.b"), which has slashes. */
export function siteProfileId(origin: string): string {
  return remoteIdOf(origin.replace(/^(\w+):\/\//, '$1--'));
}

/** Risk words are keyed by the word itself, case- and width-insensitive enough for an id. */
export function riskWordId(word: string): string {
  return `rw-${hash32(word.trim().toLowerCase())}`;
}

export const canEditShared = (role: Role | undefined) => role === 'lead' || role === 'editor';

export const isSharedScript = (s: Pick<ReplyScript, 'source'>) => s.source === 'team';

// ---- local → changes --------------------------------------------------------

/** The script as the server stores it: no local-only fields (favourite, order, source, shop). */
export function scriptData(s: ReplyScript): JsonObject {
  const { favourite: _f, order: _o, source: _s, shopId: _shop, deleted: _d, updatedAt: _u, ...rest } = s;
  return { ...rest };
}

/**
 * What a script save turns into in team mode: a lead/editor's save of a
 * shared script is an upsert; a rep's save of a shared script is a proposal;
 * a private script is nothing.
 */
export function scriptSaveChange(s: ReplyScript, role: Role | undefined, baseSeq: number | undefined, proposalId: () => string): ChangeBody | undefined {
  if (!isSharedScript(s)) return undefined;
  if (canEditShared(role)) return { kind: 'script', op: 'upsert', id: remoteIdOf(s.id), data: scriptData(s), ...(baseSeq !== undefined ? { baseSeq } : {}) };
  return { kind: 'proposal', op: 'propose', id: proposalId(), data: { scriptId: remoteIdOf(s.id), script: scriptData(s) } };
}

/** Only a lead/editor's delete of a shared script reaches the team; a rep's delete stays on their device. */
export function scriptDeleteChange(s: ReplyScript, role: Role | undefined, baseSeq: number | undefined): ChangeBody | undefined {
  if (!isSharedScript(s) || !canEditShared(role)) return undefined;
  return { kind: 'script', op: 'delete', id: remoteIdOf(s.id), ...(baseSeq !== undefined ? { baseSeq } : {}) };
}

export function siteProfileChange(p: SiteProfile, role: Role | undefined): ChangeBody | undefined {
  if (!canEditShared(role)) return undefined;
  const { shopId: _s, updatedAt: _u, ...data } = p;
  return { kind: 'site_profile', op: 'upsert', id: siteProfileId(p.origin), data: { ...data } };
}

/** Custom risk words: the difference between two lists as upserts and deletes (lead/editor only). */
export function riskWordChanges(before: CustomRiskWord[], after: CustomRiskWord[], role: Role | undefined): ChangeBody[] {
  if (!canEditShared(role)) return [];
  const key = (w: CustomRiskWord) => JSON.stringify([w.word, w.category, w.severity ?? null, w.rewrite ?? null]);
  const old = new Map(before.map((w) => [riskWordId(w.word), w]));
  const now = new Map(after.map((w) => [riskWordId(w.word), w]));
  const out: ChangeBody[] = [];
  for (const [id, w] of now) {
    const prev = old.get(id);
    if (!prev || key(prev) !== key(w)) out.push({ kind: 'risk_word', op: 'upsert', id, data: { phrase: w.word, ...w } });
  }
  for (const id of old.keys()) if (!now.has(id)) out.push({ kind: 'risk_word', op: 'delete', id });
  return out;
}

/** Fields the server owns on a follow-up; never sent in a create. */
const SERVER_OWNED = new Set(['id', 'status', 'attempts', 'outcome', 'updatedAt', 'shopId', 'claimedBy']);

export function followUpCreate(row: FollowUp): ChangeBody {
  const data: JsonObject = {};
  for (const [k, v] of Object.entries(row)) if (!SERVER_OWNED.has(k) && v !== undefined) data[k] = v;
  data.dedupeKey = liveKeyOf(row);
  return { kind: 'followup', op: 'create', id: remoteIdOf(row.id), data };
}

/** A local status change (done with an outcome, snoozed until…) as changes. */
export function followUpStatusChanges(before: FollowUp | undefined, after: FollowUp): ChangeBody[] {
  const out: ChangeBody[] = [];
  const id = remoteIdOf(after.id);
  if (!before || before.status !== after.status || (after.outcome && JSON.stringify(before.outcome) !== JSON.stringify(after.outcome)))
    out.push({
      kind: 'followup',
      op: 'status',
      id,
      data: { status: after.status, ...(after.outcome ? { outcome: after.outcome as unknown as JsonObject } : {}) },
    });
  if (before && before.dueAt !== after.dueAt) out.push({ kind: 'followup', op: 'edit', id, data: { dueAt: after.dueAt } });
  return out;
}

// ---- rows → local -----------------------------------------------------------

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Where a pulled team script lives locally: under the id the team gave it,
 * unless the rep has a private script (their own or imported, never shared)
 * under that id; then beside it, so the team's copy never overwrites it.
 */
export function teamScriptLocalId(row: RemoteRow, shopId: string, atWantedId: ReplyScript | undefined): string {
  const wanted = typeof row.data.id === 'string' ? row.data.id : row.id;
  const isPrivate = atWantedId !== undefined && atWantedId.shopId !== shopId && (atWantedId.source === 'user' || atWantedId.source === 'import');
  return isPrivate ? `team-${row.id}` : wanted;
}

/** A pulled script, marked as the team's; the rep's own favourite/order are kept. */
export function scriptFromRow(row: RemoteRow, shopId: string, local?: ReplyScript): ReplyScript {
  const d = row.data;
  const s: ReplyScript = {
    ...(d as unknown as ReplyScript),
    id: local?.id ?? str(d.id) ?? row.id,
    group: str(d.group) ?? '咨询回复',
    intent: str(d.intent) ?? 'other',
    title: str(d.title) ?? '',
    text: str(d.text) ?? '',
    triggers: Array.isArray(d.triggers) ? d.triggers.filter((t): t is string => typeof t === 'string') : [],
    source: 'team',
    shopId,
    updatedAt: row.updatedAt,
  };
  delete s.deleted;
  if (local?.favourite) s.favourite = true;
  else delete s.favourite;
  if (local?.order !== undefined) s.order = local.order;
  return s;
}

export function siteProfileFromRow(row: RemoteRow, shopId: string): SiteProfile {
  return { ...(row.data as unknown as SiteProfile), shopId, updatedAt: row.updatedAt };
}

export function riskWordFromRow(row: RemoteRow): CustomRiskWord {
  const d = row.data;
  const w: CustomRiskWord = { word: str(d.word) ?? str(d.phrase) ?? '', category: str(d.category) ?? 'custom' };
  const sev = str(d.severity);
  if (sev === 'block' || sev === 'warn' || sev === 'tip') w.severity = sev;
  if (str(d.rewrite)) w.rewrite = str(d.rewrite);
  return w;
}

const STATUSES: readonly FollowUpStatus[] = ['open', 'snoozed', 'done', 'expired'];

/**
 * A pulled follow-up as a local row. claimedBy is kept only while the
 * server's lease runs (display only; acting needs this device's own lease).
 */
export function followUpFromRow(row: RemoteRow, shopId: string, now: number): FollowUp {
  const d = row.data;
  const status = STATUSES.includes(d.status as FollowUpStatus) ? (d.status as FollowUpStatus) : 'open';
  const live = `${str(d.dedupeKey) ?? `${str(d.kind)}:${str(d.site)}:${str(d.orderId) ?? str(d.conversationKey) ?? ''}`}`;
  const attempts: FollowUpAttempt[] = Array.isArray(d.attempts)
    ? (d.attempts as Array<Record<string, unknown>>).map((a) => {
        const out: FollowUpAttempt = { at: num(a.at) ?? 0 };
        if (str(a.scriptId)) out.scriptId = str(a.scriptId);
        if (str(a.rep)) out.rep = str(a.rep);
        return out;
      })
    : [];
  const f: FollowUp = {
    ...(d as unknown as FollowUp),
    id: row.id,
    status,
    dedupeKey: status === 'open' || status === 'snoozed' ? live : archivedKey(live, row.id),
    attempts,
    shopId,
    updatedAt: row.updatedAt,
  };
  for (const k of ['leaseUntil', 'outcomeLog', 'claimedBy', 'outcome'] as const) delete (f as unknown as Record<string, unknown>)[k];
  if (d.outcome && typeof d.outcome === 'object') f.outcome = d.outcome as FollowUpOutcome;
  const leaseUntil = num(d.leaseUntil);
  if (str(d.claimedBy) && leaseUntil !== undefined && leaseUntil > now) f.claimedBy = str(d.claimedBy);
  // Any member can push a link; only http(s) ones are kept (the popup opens them).
  if (f.conversationUrl !== undefined && chatOriginPattern(f.conversationUrl) === null) delete f.conversationUrl;
  return f;
}

export interface ProposalView {
  id: string;
  repId: string;
  scriptId?: string;
  script: Partial<ReplyScript>;
  note?: string;
  status: 'pending' | 'accepted' | 'rejected';
  decidedBy?: string;
  reason?: string;
  updatedAt: number;
}

export function proposalFromRow(row: RemoteRow): ProposalView {
  const d = row.data;
  const status = d.status === 'accepted' || d.status === 'rejected' ? d.status : 'pending';
  return {
    id: row.id,
    repId: str(d.repId) ?? '',
    scriptId: str(d.scriptId),
    script: (d.script ?? {}) as Partial<ReplyScript>,
    note: str(d.note),
    status,
    decidedBy: str(d.decidedBy),
    reason: str(d.reason),
    updatedAt: row.updatedAt,
  };
}
