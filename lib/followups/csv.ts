/**
 * CSV export of follow-ups or of a report, for Excel/WPS: UTF-8 with a BOM
 * (otherwise Excel reads Chinese as mojibake), CRLF, RFC 4180 quoting, and
 * text cells that start like a formula prefixed with ' so a buyer name such
 * as "=HYPERLINK(…)" cannot run in the spreadsheet.
 */
import type { FollowUp, FollowUpKind, FollowUpOutcome, FollowUpStatus } from '../types';
import { DEFAULT_RULES } from './config';
import { localDate, localDateTime } from './local-time';
import type { FollowUpReport } from './report';

export const KIND_ZH: Record<FollowUpKind, string> = {
  payment_reminder: '催付',
  review_recovery: '中差评回访',
  aftersale_revisit: '售后回访',
  complaint_revisit: '投诉回访',
  new_customer_revisit: '新客回访',
};

export const STATUS_ZH: Record<FollowUpStatus, string> = { open: '待跟进', snoozed: '稍后提醒', done: '已完成', expired: '已过期' };

export function outcomeZh(o: FollowUpOutcome | undefined): string {
  if (!o) return '';
  switch (o.kind) {
    case 'paid':
      return '已付款';
    case 'not_paid':
      return `未付款：${o.reason}${o.note ? `（${o.note}）` : ''}`;
    case 'review_revised':
      return '已修改评价';
    case 'explained_publicly':
      return '已公开解释';
    case 'buyer_refused':
      return '买家拒绝';
    case 'no_reply':
      return '未回复';
    case 'resolved':
      return '已解决';
  }
}

type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Cell[]) => cells.map(cell).join(',');
const BOM = '\uFEFF';

function rowsCsv(rows: FollowUp[], offset: number): string[] {
  const t = (ms: number | undefined) => (ms === undefined ? '' : localDateTime(ms, offset));
  const out = [line(['类型', '平台', '买家', '订单号', '金额', '商品', '状态', '结果', '创建时间', '应跟进时间', '截止时间', '跟进次数', '最近跟进', '备注'])];
  for (const r of rows) {
    const last = r.attempts.at(-1)?.at;
    out.push(
      line([
        KIND_ZH[r.kind],
        r.site,
        r.buyerName,
        r.orderId,
        r.amount,
        r.item,
        STATUS_ZH[r.status],
        outcomeZh(r.outcome),
        t(r.createdAt),
        t(r.dueAt),
        t(r.deadlineAt),
        r.attempts.length,
        t(last),
        r.notes,
      ]),
    );
  }
  return out;
}

const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

function reportCsv(rep: FollowUpReport): string[] {
  const out = [line(['日期', '类型', '新建', '完成', '过期'])];
  for (const d of rep.days) out.push(line([d.date, KIND_ZH[d.kind], d.created, d.done, d.expired]));
  out.push('');
  out.push(line(['指标', '数值', '说明']));
  out.push(line(['统计区间', `${localDate(rep.from, rep.utcOffsetMinutes)} 至 ${localDate(rep.to - 1, rep.utcOffsetMinutes)}`, '']));
  out.push(line(['催付转化率', pct(rep.paymentConversion.rate), `已催付 ${rep.paymentConversion.reminded}，已付款 ${rep.paymentConversion.paid}`]));
  out.push(
    line([
      '中差评挽回率',
      pct(rep.reviewRecovery.rate),
      `已联系 ${rep.reviewRecovery.contacted}，改评 ${rep.reviewRecovery.revised}，公开解释 ${rep.reviewRecovery.explained}`,
    ]),
  );
  for (const [reason, n] of Object.entries(rep.nonPurchaseReasons)) out.push(line([`未付款原因：${reason}`, n, '']));
  for (const s of rep.topScripts.slice(0, 20)) out.push(line(['常用催付/回访话术', s.count, s.scriptId]));
  return out;
}

/** CSV text (with BOM) of follow-up rows or of a report. Times in shop-local time. */
export function toCsv(input: FollowUpReport | FollowUp[], utcOffsetMinutes?: number): string {
  const lines = Array.isArray(input) ? rowsCsv(input, utcOffsetMinutes ?? DEFAULT_RULES.utcOffsetMinutes) : reportCsv(input);
  return BOM + lines.join('\r\n') + '\r\n';
}
