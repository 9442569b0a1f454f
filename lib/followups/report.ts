/**
 * The follow-up report for a date range: per day and kind how many were
 * created, done and expired; 催付 conversion; bad-review recovery; why
 * buyers did not pay; which reminder scripts were used most.
 *
 * Not a hot path (opened on demand), so it reads the table once with each().
 * There is no closing time field: a done/expired row counts on the day of
 * its last update (markDone / the expiry sweep set it).
 */
import { NON_PURCHASE_REASONS, type FollowUp, type FollowUpKind } from '../types';
import type { HuashuDB } from '../db/schema';
import { DEFAULT_RULES } from './config';
import { mapStorageError } from './errors';
import { FOLLOW_UP_KINDS } from './input';
import { localDate } from './local-time';

export interface ReportRange {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
  utcOffsetMinutes?: number;
}

export interface ReportDay {
  /** Shop-local 'YYYY-MM-DD'. */
  date: string;
  kind: FollowUpKind;
  created: number;
  done: number;
  expired: number;
}

type NonPurchaseReason = (typeof NON_PURCHASE_REASONS)[number];

export interface FollowUpReport {
  from: number;
  to: number;
  utcOffsetMinutes: number;
  days: ReportDay[];
  totals: Record<FollowUpKind, { created: number; done: number; expired: number }>;
  /** 催付 created in the range with at least one reminder sent → how many were paid. rate null when none. */
  paymentConversion: { reminded: number; paid: number; rate: number | null };
  /** 中差评回访 created in the range and contacted → revised, or explained publicly (Tmall). rate = goal reached / contacted. */
  reviewRecovery: { contacted: number; revised: number; explained: number; rate: number | null };
  nonPurchaseReasons: Record<NonPurchaseReason, number>;
  /** Scripts used in attempts within the range, most used first. */
  topScripts: Array<{ scriptId: string; count: number }>;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

export function buildReport(rows: Iterable<FollowUp>, range: ReportRange): FollowUpReport {
  const offset = range.utcOffsetMinutes ?? DEFAULT_RULES.utcOffsetMinutes;
  const inRange = (t: number) => t >= range.from && t < range.to;
  const days = new Map<string, ReportDay>();
  const day = (t: number, kind: FollowUpKind) => {
    const date = localDate(t, offset);
    const key = `${date}|${kind}`;
    let d = days.get(key);
    if (!d) days.set(key, (d = { date, kind, created: 0, done: 0, expired: 0 }));
    return d;
  };
  const totals = Object.fromEntries(FOLLOW_UP_KINDS.map((k) => [k, { created: 0, done: 0, expired: 0 }])) as FollowUpReport['totals'];
  const reasons = Object.fromEntries(NON_PURCHASE_REASONS.map((r) => [r, 0])) as Record<NonPurchaseReason, number>;
  const scripts = new Map<string, number>();
  const pay = { reminded: 0, paid: 0 };
  const review = { contacted: 0, revised: 0, explained: 0 };

  for (const r of rows) {
    if (inRange(r.createdAt)) {
      day(r.createdAt, r.kind).created++;
      totals[r.kind].created++;
      const contacted = r.attempts.length > 0;
      if (r.kind === 'payment_reminder' && contacted) {
        pay.reminded++;
        if (r.outcome?.kind === 'paid') pay.paid++;
      }
      if (r.kind === 'review_recovery' && contacted) {
        review.contacted++;
        if (r.outcome?.kind === 'review_revised') review.revised++;
        if (r.outcome?.kind === 'explained_publicly') review.explained++;
      }
      if (r.outcome?.kind === 'not_paid' && r.outcome.reason in reasons) reasons[r.outcome.reason]++;
    }
    if ((r.status === 'done' || r.status === 'expired') && inRange(r.updatedAt)) {
      day(r.updatedAt, r.kind)[r.status]++;
      totals[r.kind][r.status]++;
    }
    for (const a of r.attempts) {
      if (a.scriptId && inRange(a.at)) scripts.set(a.scriptId, (scripts.get(a.scriptId) ?? 0) + 1);
    }
  }

  const kindOrder = (k: FollowUpKind) => FOLLOW_UP_KINDS.indexOf(k);
  return {
    from: range.from,
    to: range.to,
    utcOffsetMinutes: offset,
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date) || kindOrder(a.kind) - kindOrder(b.kind)),
    totals,
    paymentConversion: { ...pay, rate: ratio(pay.paid, pay.reminded) },
    reviewRecovery: { ...review, rate: ratio(review.revised + review.explained, review.contacted) },
    nonPurchaseReasons: reasons,
    topScripts: [...scripts].map(([scriptId, count]) => ({ scriptId, count })).sort((a, b) => b.count - a.count || a.scriptId.localeCompare(b.scriptId)),
  };
}

export async function report(db: HuashuDB, range: ReportRange): Promise<FollowUpReport> {
  const rows: FollowUp[] = [];
  try {
    await db.followups.each((r) => {
      rows.push(r);
    });
  } catch (err) {
    throw mapStorageError(err);
  }
  return buildReport(rows, range);
}
