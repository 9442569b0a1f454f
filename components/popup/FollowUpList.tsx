/**
 * The popup's follow-ups: what is overdue, due now, due today and later, and
 * the done/expired history; counts per kind; filters by kind and site; search
 * by buyer or order; per item open / copy / insert / done / snooze / delete.
 *
 * Keyboard: ↑↓ move, Enter opens the conversation, D done, S snooze, C copy,
 * I insert, Delete deletes (with undo), R reopens a closed item, / searches.
 * The list is virtualised: only the rows in view exist in the DOM, and pages
 * of 100 are fetched as the rep scrolls.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FollowUp, FollowUpKind, FollowUpOutcome } from '@/lib/types';
import type { Settings } from '@/lib/settings';
import { relativeDueText, resolveRules, type FollowUpRules } from '@/lib/followups/rules';
import { FOLLOW_UP_KINDS } from '@/lib/followups/input';
import { call } from '../api';
import { language, pick } from '../i18n';
import { DoneSheet, SnoozeSheet, Toast, type ToastState } from './ActionSheets';
import { openConversation } from './conversation-tab';
import { KIND_LABEL, outcomeText } from './outcomes';
import { bestScript, fillReminder } from './reminder-script';
import { errorMessage, useFollowUps, type Filters, type ListItem, type View } from './use-followups';
import { layoutOf, scrollToShow, visibleRange } from './virtual-window';
import './popup.css';

const ROW_H = 84;
const HEAD_H = 28;
const VIEWPORT_H = 392;

const BUCKET_LABEL: Record<ListItem['bucket'], { zh: string; en: string }> = {
  overdue: { zh: '逾期', en: 'Overdue' },
  due_now: { zh: '现在到期', en: 'Due now' },
  today: { zh: '今天', en: 'Today' },
  upcoming: { zh: '之后', en: 'Upcoming' },
  closed: { zh: '已完成与过期', en: 'Done & expired' },
};

type Entry = { type: 'head'; bucket: ListItem['bucket'] } | { type: 'row'; item: ListItem; index: number };

const fmtAmount = (n: number | undefined) => (n === undefined ? '' : `¥${n.toFixed(2).replace(/\.00$/, '')}`);

export function FollowUpList() {
  const [view, setView] = useState<View>('live');
  const [kind, setKind] = useState<FollowUpKind | undefined>();
  const [site, setSite] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const filters: Filters = useMemo(() => ({ kind, site, search }), [kind, site, search]);
  const data = useFollowUps(view, filters);
  const [selected, setSelected] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [sheet, setSheet] = useState<{ type: 'done' | 'snooze'; row: FollowUp } | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void call('getSettings').then(setSettings, () => undefined);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => {
    // sites seen so far (the select offers only real ones)
    const seen = new Set(sites);
    let grew = false;
    for (const i of data.items) if (!seen.has(i.row.site)) (seen.add(i.row.site), (grew = true));
    if (grew) setSites([...seen].sort());
  }, [data.items]);
  useEffect(() => {
    setSelected(0);
    setScrollTop(0);
    if (listRef.current) listRef.current.scrollTop = 0;
  }, [view, kind, site, search]);
  useEffect(() => {
    // exposed for the end-to-end benchmark: time from opening to the first rows
    if (data.firstRowsMs !== null) document.documentElement.dataset.firstRowsMs = String(Math.round(data.firstRowsMs));
  }, [data.firstRowsMs]);

  const hadSheet = useRef(false);
  useEffect(() => {
    // back to the list after a sheet closes, so the keys keep working
    if (!sheet && hadSheet.current) listRef.current?.focus();
    hadSheet.current = !!sheet;
  }, [sheet]);

  const rules: FollowUpRules = useMemo(() => resolveRules(settings?.followupRules), [settings]);
  const filtered = !!(kind || site || search.trim());

  const entries: Entry[] = useMemo(() => {
    const out: Entry[] = [];
    let last: string | undefined;
    data.items.forEach((item, index) => {
      if (item.bucket !== last) out.push({ type: 'head', bucket: item.bucket });
      last = item.bucket;
      out.push({ type: 'row', item, index });
    });
    return out;
  }, [data.items]);
  const layout = useMemo(() => layoutOf(entries.map((e) => (e.type === 'head' ? HEAD_H : ROW_H))), [entries]);
  const entryOfIndex = useMemo(() => {
    const m: number[] = [];
    entries.forEach((e, i) => e.type === 'row' && (m[e.index] = i));
    return m;
  }, [entries]);
  const { start, end } = visibleRange(layout, scrollTop, VIEWPORT_H);

  // fetch the next page before the rep reaches the end
  useEffect(() => {
    if (data.hasMore && end >= entries.length - 10) data.loadMore();
  }, [end, entries.length, data.hasMore]);

  const current = data.items[Math.min(selected, data.items.length - 1)];

  const select = (i: number) => {
    const next = Math.max(0, Math.min(data.items.length - 1, i));
    setSelected(next);
    const el = listRef.current;
    const at = entryOfIndex[next];
    if (el && at !== undefined) {
      // show the group header above the first row too
      const target = scrollToShow(layout, at, el.scrollTop, VIEWPORT_H);
      const top = at > 0 && entries[at - 1]?.type === 'head' && target < el.scrollTop ? layout.tops[at - 1]! : target;
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    }
  };

  const say = (text: string, kindOf: ToastState['kind'] = 'info', undo?: () => void) => setToast({ text, kind: kindOf, undo });
  const fail = (e: unknown) => say(errorMessage(e), 'error');

  /** Team mode: another rep holds this follow-up, so its reminder is not handed out here either (the sidebar refuses too). */
  const heldByAnother = async (f: FollowUp): Promise<boolean> => {
    const claim = await call('claimFollowUpById', { id: f.id });
    if (claim.ok) return false;
    say(claim.message ? pick(claim.message) : pick({ zh: '该跟进已由其他客服处理', en: 'Another rep is handling this follow-up' }), 'error');
    return true;
  };

  const act = {
    open: async (f: FollowUp) => {
      if (!f.conversationUrl) return say(pick({ zh: '这条跟进没有会话链接', en: 'This follow-up has no conversation link' }), 'error');
      try {
        if (await heldByAnother(f)) return;
        await openConversation(f.conversationUrl);
      } catch (e) {
        fail(e);
      }
    },
    copy: async (f: FollowUp) => {
      try {
        if (await heldByAnother(f)) return;
        const script = await bestScript(f);
        if (!script)
          return say(pick({ zh: `话术库里没有「${pick(KIND_LABEL[f.kind])}」话术`, en: `No ${pick(KIND_LABEL[f.kind])} script in the library` }), 'error');
        const filled = fillReminder(script, f, settings);
        await navigator.clipboard.writeText(filled.text);
        document.documentElement.dataset.copied = filled.text;
        await call('recordFollowUpAttempt', { id: f.id, scriptId: script.id }).catch(() => undefined);
        const hint = filled.missing.length ? pick({ zh: `，请补全 ${filled.missing.join('、')}`, en: `; fill in ${filled.missing.join(', ')}` }) : '';
        say(`${pick({ zh: '已复制', en: 'Copied' })}：${script.title}${hint}`);
        void data.reload();
      } catch (e) {
        fail(e);
      }
    },
    insert: async (f: FollowUp) => {
      try {
        const script = await bestScript(f);
        if (!script)
          return say(pick({ zh: `话术库里没有「${pick(KIND_LABEL[f.kind])}」话术`, en: `No ${pick(KIND_LABEL[f.kind])} script in the library` }), 'error');
        await call('insertFollowUpScript', { id: f.id, scriptId: script.id });
        say(`${pick({ zh: '已插入会话', en: 'Inserted' })}：${script.title}`);
        void data.reload();
      } catch (e) {
        fail(e);
      }
    },
    done: async (f: FollowUp, outcome: FollowUpOutcome) => {
      setSheet(null);
      try {
        await call('markFollowUpDone', { id: f.id, outcome });
        say(`${pick({ zh: '已完成', en: 'Done' })}：${f.buyerName ?? ''} · ${outcomeText(outcome, pick)}`);
        await data.reload();
      } catch (e) {
        fail(e);
      }
    },
    snooze: async (f: FollowUp, until: number) => {
      setSheet(null);
      try {
        const row = await call('snoozeFollowUp', { id: f.id, until });
        say(
          `${pick({ zh: '将在', en: 'Reminding' })} ${relativeDueText(row.dueAt, Date.now(), language(), rules.utcOffsetMinutes)} ${pick({ zh: '提醒', en: '' })}`.trim(),
        );
        await data.reload();
      } catch (e) {
        fail(e);
      }
    },
    remove: async (f: FollowUp) => {
      try {
        const row = await call('deleteFollowUp', { id: f.id });
        await data.reload();
        say(`${pick({ zh: '已删除', en: 'Deleted' })}：${row.buyerName ?? row.orderId ?? ''}`, 'info', () => {
          void call('restoreFollowUp', row).then(() => data.reload(), fail);
        });
      } catch (e) {
        fail(e);
      }
    },
    reopen: async (f: FollowUp) => {
      try {
        await call('reopenFollowUp', { id: f.id });
        say(pick({ zh: '已重新打开', en: 'Reopened' }));
        await data.reload();
      } catch (e) {
        fail(e);
      }
    },
  };

  const onListKey = (e: KeyboardEvent) => {
    if (sheet || e.altKey || e.ctrlKey || e.metaKey) return;
    const f = current?.row;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const run = (fn: () => void) => {
      e.preventDefault();
      fn();
    };
    if (key === 'ArrowDown') run(() => select(selected + 1));
    else if (key === 'ArrowUp') run(() => (selected === 0 ? searchRef.current?.focus() : select(selected - 1)));
    else if (key === 'Home') run(() => select(0));
    else if (key === 'End') run(() => select(data.items.length - 1));
    else if (key === 'PageDown') run(() => select(selected + 4));
    else if (key === 'PageUp') run(() => select(selected - 4));
    else if (key === '/') run(() => searchRef.current?.focus());
    else if (!f) return;
    else if (key === 'Enter') run(() => void act.open(f));
    else if (key === 'c') run(() => void act.copy(f));
    else if (key === 'i' && current.bucket !== 'closed') run(() => void act.insert(f));
    else if (key === 'd' && current.bucket !== 'closed') run(() => setSheet({ type: 'done', row: f }));
    else if (key === 's' && current.bucket !== 'closed') run(() => setSheet({ type: 'snooze', row: f }));
    else if (key === 'r' && current.bucket === 'closed') run(() => void act.reopen(f));
    else if (key === 'Delete' || key === 'Backspace') run(() => void act.remove(f));
  };

  const counts = data.counts;
  const liveTotal = counts ? counts.open + counts.snoozed : null;
  const now = Date.now();
  const lang = language();

  return (
    <div class="fu" data-huashu="followups">
      <div class="fu-views" role="tablist">
        <button role="tab" aria-selected={view === 'live'} class={view === 'live' ? 'on' : ''} data-view="live" onClick={() => setView('live')}>
          {pick({ zh: '待跟进', en: 'To do' })} {liveTotal !== null && <span class="n">{liveTotal}</span>}
        </button>
        <button role="tab" aria-selected={view === 'closed'} class={view === 'closed' ? 'on' : ''} data-view="closed" onClick={() => setView('closed')}>
          {pick(BUCKET_LABEL.closed)} {view === 'closed' && data.closedTotal !== null && <span class="n">{data.closedTotal}</span>}
        </button>
        <span style={{ flex: 1 }} />
        {counts && (
          <span
            class={`fu-due${counts.byBucket.overdue + counts.byBucket.due_now === 0 ? ' none' : ''}`}
            data-huashu="due-count"
            title={pick({ zh: '逾期 + 现在到期（图标角标）', en: 'Overdue + due now (badge)' })}
          >
            {pick({ zh: '到期', en: 'Due' })} <b>{counts.byBucket.overdue + counts.byBucket.due_now}</b>
          </span>
        )}
      </div>

      <div class="fu-filters">
        <input
          ref={searchRef}
          type="search"
          data-huashu="fu-search"
          placeholder={pick({ zh: '搜索买家或订单号（/）', en: 'Search buyer or order (/)' })}
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              listRef.current?.focus();
            }
          }}
        />
        <select
          data-huashu="fu-site"
          value={site ?? ''}
          onChange={(e) => setSite((e.target as HTMLSelectElement).value || undefined)}
          title={pick({ zh: '平台', en: 'Site' })}
        >
          <option value="">{pick({ zh: '全部平台', en: 'All sites' })}</option>
          {[...new Set([...sites, ...(site ? [site] : [])])].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>

      <div class="fu-kinds" data-huashu="fu-kinds">
        <button class={!kind ? 'chip on' : 'chip'} onClick={() => setKind(undefined)}>
          {pick({ zh: '全部', en: 'All' })}
          {view === 'live' && liveTotal !== null && <span class="n">{liveTotal}</span>}
        </button>
        {FOLLOW_UP_KINDS.map((k) => (
          <button key={k} data-kind={k} class={kind === k ? 'chip on' : 'chip'} onClick={() => setKind(kind === k ? undefined : k)}>
            {pick(KIND_LABEL[k])}
            {view === 'live' && counts && <span class="n">{counts.byKind[k]}</span>}
          </button>
        ))}
      </div>

      {data.error && (
        <div class="fu-error" role="alert" data-huashu="fu-error">
          <span>{data.error}</span>
          <button onClick={() => void data.reload()}>{pick({ zh: '重试', en: 'Retry' })}</button>
        </div>
      )}

      <div
        class="fu-list"
        ref={listRef}
        tabIndex={0}
        role="listbox"
        aria-label={pick({ zh: '跟进列表', en: 'Follow-ups' })}
        aria-activedescendant={current ? `fu-${current.row.id}` : undefined}
        data-huashu="fu-list"
        style={{ height: `${VIEWPORT_H}px` }}
        onScroll={(e) => setScrollTop((e.target as HTMLElement).scrollTop)}
        onKeyDown={onListKey}
      >
        {!data.loading && !data.error && data.items.length === 0 && (
          <div class="fu-empty" data-huashu="fu-empty">
            {filtered
              ? pick({ zh: '没有符合条件的跟进。', en: 'No follow-ups match.' })
              : view === 'live'
                ? pick({
                    zh: '暂无待跟进事项。插入催付、差评回访或回访话术时会自动记录；也可在侧边栏点「记催付」。',
                    en: 'Nothing to follow up. Inserting a payment-reminder, review or revisit script logs one; so do the sidebar buttons.',
                  })
                : pick({ zh: '还没有已完成或过期的跟进。', en: 'Nothing done or expired yet.' })}
          </div>
        )}
        {data.loading && data.items.length === 0 && !data.error && <div class="fu-empty muted">{pick({ zh: '加载中…', en: 'Loading…' })}</div>}
        <div style={{ height: `${layout.tops[entries.length]}px`, position: 'relative' }}>
          {entries.slice(start, end).map((entry, k) => {
            const top = layout.tops[start + k]!;
            if (entry.type === 'head') {
              const n = entry.bucket !== 'closed' && counts && !filtered ? counts.byBucket[entry.bucket] : undefined;
              return (
                <div
                  key={`h-${entry.bucket}-${start + k}`}
                  class={`fu-head ${entry.bucket}`}
                  style={{ top: `${top}px`, height: `${HEAD_H}px` }}
                  data-bucket={entry.bucket}
                >
                  {pick(BUCKET_LABEL[entry.bucket])}
                  {n !== undefined && <span class="n">{n}</span>}
                </div>
              );
            }
            const { item, index } = entry;
            const f = item.row;
            const closed = item.bucket === 'closed';
            return (
              <div
                key={f.id}
                id={`fu-${f.id}`}
                role="option"
                aria-selected={index === selected}
                class={`fu-row${index === selected ? ' selected' : ''}`}
                style={{ top: `${top}px`, height: `${ROW_H}px` }}
                data-huashu="fu-row"
                data-id={f.id}
                data-bucket={item.bucket}
                onClick={() => setSelected(index)}
              >
                <div class="fu-line">
                  <span class="fu-buyer" title={f.buyerName}>
                    {f.buyerName ?? pick({ zh: '（未知买家）', en: '(unknown buyer)' })}
                  </span>
                  <span class={`fu-kind ${f.kind}`}>{pick(KIND_LABEL[f.kind])}</span>
                  {item.status === 'snoozed' && <span class="fu-tag">{pick({ zh: '已推迟', en: 'Snoozed' })}</span>}
                  <span style={{ flex: 1 }} />
                  <span class={`fu-when ${item.bucket}`} data-huashu="fu-due" title={new Date(f.dueAt).toLocaleString()}>
                    {closed
                      ? `${f.status === 'done' ? outcomeText(f.outcome, pick) || pick({ zh: '已完成', en: 'Done' }) : pick({ zh: '已过期', en: 'Expired' })}`
                      : relativeDueText(f.dueAt, now, lang, rules.utcOffsetMinutes)}
                  </span>
                </div>
                <div class="fu-line fu-meta">
                  {f.orderId ? (
                    <span class="fu-order" data-huashu="fu-order">
                      {f.orderId}
                    </span>
                  ) : (
                    <span class="muted">{pick({ zh: '无订单号', en: 'No order id' })}</span>
                  )}
                  {f.amount !== undefined && <span class="fu-amount">{fmtAmount(f.amount)}</span>}
                  <span class="muted" data-huashu="fu-attempts">
                    {pick({ zh: `已跟进 ${f.attempts.length} 次`, en: `${f.attempts.length} attempt${f.attempts.length === 1 ? '' : 's'}` })}
                  </span>
                  {f.claimedBy && (
                    <span class="muted" data-huashu="fu-holder">
                      {pick({ zh: `${f.claimedBy} 跟进中`, en: `${f.claimedBy} on it` })}
                    </span>
                  )}
                  <span class="muted fu-site">{f.site}</span>
                </div>
                <div class="fu-line fu-actions">
                  <button data-act="open" title={pick({ zh: '打开会话 (Enter)', en: 'Open conversation (Enter)' })} onClick={() => void act.open(f)}>
                    {pick({ zh: '打开', en: 'Open' })}
                  </button>
                  <button data-act="copy" title={pick({ zh: '复制推荐话术 (C)', en: 'Copy the suggested script (C)' })} onClick={() => void act.copy(f)}>
                    {pick({ zh: '复制话术', en: 'Copy' })}
                  </button>
                  {!closed && (
                    <button
                      data-act="insert"
                      title={pick({ zh: '插入到已打开的会话 (I)', en: 'Insert into the open conversation (I)' })}
                      onClick={() => void act.insert(f)}
                    >
                      {pick({ zh: '插入', en: 'Insert' })}
                    </button>
                  )}
                  <span style={{ flex: 1 }} />
                  {!closed && (
                    <button
                      data-act="done"
                      class="primary"
                      title={pick({ zh: '标记完成 (D)', en: 'Mark done (D)' })}
                      onClick={() => setSheet({ type: 'done', row: f })}
                    >
                      {pick({ zh: '完成', en: 'Done' })}
                    </button>
                  )}
                  {!closed && (
                    <button data-act="snooze" title={pick({ zh: '稍后提醒 (S)', en: 'Snooze (S)' })} onClick={() => setSheet({ type: 'snooze', row: f })}>
                      {pick({ zh: '稍后', en: 'Later' })}
                    </button>
                  )}
                  {closed && (
                    <button data-act="reopen" title={pick({ zh: '重新打开 (R)', en: 'Reopen (R)' })} onClick={() => void act.reopen(f)}>
                      {pick({ zh: '重新打开', en: 'Reopen' })}
                    </button>
                  )}
                  <button
                    data-act="delete"
                    class="fu-link danger"
                    title={pick({ zh: '删除 (Delete)，可撤销', en: 'Delete (Delete), can be undone' })}
                    onClick={() => void act.remove(f)}
                  >
                    {pick({ zh: '删除', en: 'Delete' })}
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <div class="fu-keys muted">
        {pick({
          zh: '↑↓ 选择 · Enter 打开 · D 完成 · S 稍后 · C 复制 · I 插入 · Del 删除',
          en: '↑↓ move · Enter open · D done · S later · C copy · I insert · Del delete',
        })}
      </div>

      {sheet?.type === 'done' && <DoneSheet row={sheet.row} onClose={() => setSheet(null)} onDone={(o) => void act.done(sheet.row, o)} />}
      {sheet?.type === 'snooze' && <SnoozeSheet row={sheet.row} rules={rules} onClose={() => setSheet(null)} onSnooze={(t) => void act.snooze(sheet.row, t)} />}
      {toast && <Toast toast={toast} onClose={() => setToast(null)} />}
    </div>
  );
}
