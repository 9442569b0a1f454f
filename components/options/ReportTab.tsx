/**
 * The follow-up report on the options page: per day and kind how many were
 * created, done and expired; 催付 conversion and bad-review recovery; why
 * buyers did not pay (bars drawn as SVG from the numbers); the reminder
 * scripts used most; CSV export (UTF-8 with BOM, opens in Excel/WPS).
 */
import { useEffect, useState } from 'preact/hooks';
import type { FollowUpKind } from '@/lib/types';
import type { FollowUpReportData } from '@/lib/messages';
import { DEFAULT_RULES, MS, startOfLocalDay } from '@/lib/followups/rules';
import { FOLLOW_UP_KINDS } from '@/lib/followups/input';
import { call } from '../api';
import { pick } from '../i18n';
import { KIND_LABEL } from '../popup/outcomes';
import { errorText } from './api-errors';
import { downloadFile, fileStamp } from './download';

const RANGES = [7, 30] as const;
type RangeDays = (typeof RANGES)[number];
const OFFSET = DEFAULT_RULES.utcOffsetMinutes;

function rangeOf(days: RangeDays, now = Date.now()) {
  const today = startOfLocalDay(now, OFFSET);
  return { from: today - (days - 1) * MS.DAY, to: today + MS.DAY };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function ReportTab() {
  const [days, setDays] = useState<RangeDays>(7);
  const [rep, setRep] = useState<FollowUpReportData | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The range of the report on screen, once it and its script titles have arrived. */
  const [shownDays, setShownDays] = useState<RangeDays | null>(null);

  useEffect(() => {
    let stale = false;
    setBusy(true);
    call('followUpReport', { ...rangeOf(days), utcOffsetMinutes: OFFSET })
      .then(async (r) => {
        if (stale) return;
        setRep(r);
        setError('');
        const names: Record<string, string> = {};
        await Promise.all(
          r.topScripts.slice(0, 10).map((s) =>
            call('getScript', { id: s.scriptId }).then(
              (script) => (names[s.scriptId] = script.title),
              () => (names[s.scriptId] = pick({ zh: `（已删除）${s.scriptId}`, en: `(deleted) ${s.scriptId}` })),
            ),
          ),
        );
        if (!stale) setTitles(names);
      })
      .catch((e) => !stale && setError(errorText(e)))
      .finally(() => {
        if (stale) return;
        setBusy(false);
        setShownDays(days);
      });
    return () => {
      stale = true;
    };
  }, [days]);

  const exportCsv = async (what: 'report' | 'rows') => {
    try {
      const csv = await call('followUpCsv', { ...rangeOf(days), what, utcOffsetMinutes: OFFSET });
      downloadFile(`huashu-${what === 'report' ? 'followup-report' : 'followups'}-${fileStamp()}.csv`, csv, 'text/csv;charset=utf-8');
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="report" data-huashu="report-tab" data-shown-days={shownDays ?? undefined}>
      <div class="card">
        <div class="toolbar">
          <h2 style={{ margin: 0 }}>{pick({ zh: '跟进报表', en: 'Follow-up report' })}</h2>
          <span class="spacer" />
          {RANGES.map((d) => (
            <button key={d} class={days === d ? 'chip on' : 'chip'} data-range={d} onClick={() => setDays(d)}>
              {pick({ zh: `近 ${d} 天`, en: `Last ${d} days` })}
            </button>
          ))}
          <button data-huashu="report-csv" onClick={() => void exportCsv('report')}>
            {pick({ zh: '导出报表 CSV', en: 'Export report CSV' })}
          </button>
          <button data-huashu="rows-csv" onClick={() => void exportCsv('rows')}>
            {pick({ zh: '导出明细 CSV', en: 'Export items CSV' })}
          </button>
        </div>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {busy && !rep && <p class="muted">{pick({ zh: '统计中…', en: 'Counting…' })}</p>}
        {rep && <Summary rep={rep} />}
      </div>
      {rep && (
        <div class="report-grid" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: '12px', alignItems: 'start' }}>
          <div class="card">
            <h2>{pick({ zh: '每日新建 / 完成 / 过期', en: 'Created / done / expired per day' })}</h2>
            <DailyBars rep={rep} />
            <DayTable rep={rep} />
          </div>
          <div>
            <div class="card" data-huashu="reasons">
              <h2>{pick({ zh: '未付款原因', en: 'Why buyers did not pay' })}</h2>
              <Bars data={Object.entries(rep.nonPurchaseReasons)} colour="#ff5000" />
            </div>
            <div class="card" data-huashu="top-scripts">
              <h2>{pick({ zh: '最常用的跟进话术', en: 'Most used follow-up scripts' })}</h2>
              {rep.topScripts.length === 0 ? (
                <p class="muted">{pick({ zh: '这段时间没有通过话术跟进的记录。', en: 'No scripts were used for follow-ups in this period.' })}</p>
              ) : (
                <Bars data={rep.topScripts.slice(0, 10).map((s) => [titles[s.scriptId] ?? s.scriptId, s.count])} colour="#3538cd" />
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function Summary({ rep }: { rep: FollowUpReportData }) {
  const sum = (k: 'created' | 'done' | 'expired') => FOLLOW_UP_KINDS.reduce((n, kind) => n + rep.totals[kind][k], 0);
  const pc = rep.paymentConversion;
  const rr = rep.reviewRecovery;
  const tile = (label: string, value: string, note: string, id: string) => (
    <div data-huashu={id} style={{ flex: 1, minWidth: '150px', border: '1px solid var(--hs-line)', borderRadius: '8px', padding: '8px 12px' }}>
      <div class="muted" style={{ fontSize: '12px' }}>
        {label}
      </div>
      <div style={{ fontSize: '22px', fontWeight: 700 }} class="value">
        {value}
      </div>
      <div class="muted" style={{ fontSize: '12px' }}>
        {note}
      </div>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: '10px', flexWrap: 'wrap', marginTop: '12px' }}>
      {tile(
        pick({ zh: '新建', en: 'Created' }),
        String(sum('created')),
        pick({ zh: `完成 ${sum('done')} · 过期 ${sum('expired')}`, en: `done ${sum('done')} · expired ${sum('expired')}` }),
        'total-created',
      )}
      {tile(
        pick({ zh: '催付转化率', en: 'Reminder conversion' }),
        pct(pc.rate),
        pick({ zh: `已催付 ${pc.reminded} → 已付款 ${pc.paid}`, en: `reminded ${pc.reminded} → paid ${pc.paid}` }),
        'payment-conversion',
      )}
      {tile(
        pick({ zh: '中差评挽回率', en: 'Review recovery' }),
        pct(rr.rate),
        pick({
          zh: `已联系 ${rr.contacted} · 改评 ${rr.revised} · 公开解释 ${rr.explained}`,
          en: `contacted ${rr.contacted} · revised ${rr.revised} · explained ${rr.explained}`,
        }),
        'review-recovery',
      )}
    </div>
  );
}

/** Horizontal bars, one per [label, count]; widths from the data. */
function Bars({ data, colour }: { data: Array<[string, number]>; colour: string }) {
  const max = Math.max(1, ...data.map(([, n]) => n));
  const rowH = 24;
  const labelW = 150;
  const barW = 220;
  return (
    <svg width={labelW + barW + 50} height={data.length * rowH + 4} role="img" aria-label={data.map(([l, n]) => `${l} ${n}`).join('，')}>
      {data.map(([label, n], i) => (
        <g key={label} transform={`translate(0, ${i * rowH + 2})`}>
          <text x={labelW - 8} y={15} text-anchor="end" font-size="12" fill="#1f2329">
            {label.length > 12 ? `${label.slice(0, 12)}…` : label}
          </text>
          <rect x={labelW} y={3} width={Math.max(n > 0 ? 2 : 0, (n / max) * barW)} height={rowH - 8} rx={3} fill={colour} opacity={n > 0 ? 0.85 : 0} />
          <rect x={labelW} y={3} width={barW} height={rowH - 8} rx={3} fill="none" stroke="#e4e6eb" />
          <text x={labelW + barW + 6} y={15} font-size="12" fill="#646a73">
            {n}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** One group of three bars (created / done / expired, all kinds) per day of the range. */
function DailyBars({ rep }: { rep: FollowUpReportData }) {
  const dates: string[] = [];
  for (let t = rep.from; t < rep.to; t += MS.DAY) dates.push(new Date(t + rep.utcOffsetMinutes * MS.MINUTE).toISOString().slice(0, 10));
  const per = new Map(dates.map((d) => [d, { created: 0, done: 0, expired: 0 }]));
  for (const d of rep.days) {
    const p = per.get(d.date);
    if (p) ((p.created += d.created), (p.done += d.done), (p.expired += d.expired));
  }
  const max = Math.max(1, ...[...per.values()].flatMap((p) => [p.created, p.done, p.expired]));
  const h = 120;
  const groupW = Math.max(18, Math.min(60, 620 / dates.length));
  const bar = Math.max(4, (groupW - 6) / 3);
  const colours = { created: '#3538cd', done: '#067647', expired: '#b0b5bd' } as const;
  const keys = ['created', 'done', 'expired'] as const;
  const names = { created: pick({ zh: '新建', en: 'created' }), done: pick({ zh: '完成', en: 'done' }), expired: pick({ zh: '过期', en: 'expired' }) };
  const every = Math.ceil(dates.length / 10);
  return (
    <div>
      <div style={{ display: 'flex', gap: '12px', fontSize: '12px' }} class="muted">
        {keys.map((k) => (
          <span key={k}>
            <span style={{ display: 'inline-block', width: '10px', height: '10px', background: colours[k], marginRight: '4px', borderRadius: '2px' }} />
            {names[k]}
          </span>
        ))}
      </div>
      <svg width={dates.length * groupW + 10} height={h + 22} role="img" aria-label={pick({ zh: '每日跟进', en: 'Follow-ups per day' })}>
        <line x1={0} y1={h} x2={dates.length * groupW} y2={h} stroke="#e4e6eb" />
        {dates.map((d, i) => {
          const p = per.get(d)!;
          return (
            <g key={d} transform={`translate(${i * groupW + 3}, 0)`}>
              {keys.map((k, j) => {
                const bh = (p[k] / max) * (h - 14);
                return (
                  <rect key={k} x={j * bar} y={h - bh} width={bar - 1} height={bh} fill={colours[k]}>
                    <title>{`${d} ${names[k]} ${p[k]}`}</title>
                  </rect>
                );
              })}
              {i % every === 0 && (
                <text x={0} y={h + 15} font-size="10" fill="#646a73">
                  {d.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function DayTable({ rep }: { rep: FollowUpReportData }) {
  if (rep.days.length === 0) return <p class="muted">{pick({ zh: '这段时间没有跟进记录。', en: 'No follow-ups in this period.' })}</p>;
  const kinds = FOLLOW_UP_KINDS.filter((k) => rep.days.some((d) => d.kind === k));
  const dates = [...new Set(rep.days.map((d) => d.date))].sort().reverse();
  const cell = (date: string, kind: FollowUpKind) => rep.days.find((d) => d.date === date && d.kind === kind);
  return (
    <table class="rows" data-huashu="report-days" style={{ width: '100%', borderCollapse: 'collapse', marginTop: '8px' }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>{pick({ zh: '日期', en: 'Date' })}</th>
          {kinds.map((k) => (
            <th key={k} style={{ textAlign: 'right' }} title={pick({ zh: '新建 / 完成 / 过期', en: 'created / done / expired' })}>
              {pick(KIND_LABEL[k])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dates.map((date) => (
          <tr key={date} style={{ borderTop: '1px solid #f0f1f3' }}>
            <td>{date}</td>
            {kinds.map((k) => {
              const c = cell(date, k);
              return (
                <td key={k} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                  {c ? `${c.created} / ${c.done} / ${c.expired}` : <span class="muted">—</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={kinds.length + 1} class="muted" style={{ fontSize: '12px', paddingTop: '4px' }}>
            {pick({
              zh: '每格：新建 / 完成 / 过期（完成和过期按关闭当天计）',
              en: 'Each cell: created / done / expired (closed items count on the day they closed)',
            })}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
