/**
 * The sidebar beside the chat: the buyer's latest message, the suggested
 * replies, search with group tabs, the draft check and follow-up buttons.
 * Pure UI: everything that touches the page goes through `actions`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_GROUPS, type ReplyScript, type Suggestion } from '@/lib/types';
import { t, pick } from '../i18n';
import { dialogs } from './dialogs';
import { latestBuyerMessage } from './state';
import { useSidebarState } from './stores/context';
import type { SidebarActions } from './actions';
import { SuggestionCard } from './SuggestionCard';
import { VariablePrompt } from './VariablePrompt';
import { DraftFindings } from './DraftFindings';
import { WaitingTimer } from './WaitingTimer';
import { WaitingBuyers } from './WaitingBuyers';
import { FollowUpPanel } from './FollowUpPanel';
import { LibraryLintNotice } from './LibraryLintNotice';

interface Props {
  actions: SidebarActions;
}

type ListItem = Pick<Suggestion, 'id' | 'title' | 'text' | 'intent' | 'highlights' | 'clause'>;

export function Sidebar({ actions }: Props) {
  const state = useSidebarState();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState('suggested');
  const [results, setResults] = useState<ReplyScript[]>([]);
  /** The query the shown results answer (searches resolve out of order; tests wait for this state). */
  const [answered, setAnswered] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const snapshot = state.snapshot.value;
  const buyerMessage = latestBuyerMessage(snapshot);
  const browsing = query.trim().length > 0 || group !== 'suggested';
  const items: ListItem[] = browsing ? results : state.suggestions.value;
  const knownValues = actions.knownValues();

  useEffect(() => {
    setAnswered(null);
    if (!browsing) return;
    let stale = false;
    void actions.search(query, group).then((rows) => {
      if (stale) return;
      setResults(rows);
      setAnswered(query);
    });
    return () => {
      stale = true;
    };
  }, [query, group, browsing]);

  useEffect(() => setSelected(0), [items.length, query, group, buyerMessage]);

  // Keep the selected card in view when moving with the arrows.
  useEffect(() => {
    listRef.current?.querySelector('.card.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed into the variable prompt belong to that form.
    if ((e.target as HTMLElement | null)?.closest?.('.variable-prompt')) return;
    if (e.key === 'ArrowDown') {
      setSelected((s) => Math.min(items.length - 1, s + 1));
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      setSelected((s) => Math.max(0, s - 1));
      e.preventDefault();
    } else if (e.key === 'Enter' && !e.isComposing && items[selected]) {
      e.preventDefault();
      void actions.insert(items[selected]!, 'keyboard');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      actions.focusCompose();
    }
  };

  if (!state.open.value) {
    return (
      <button class="tab" data-huashu="expand" title={t('expand')} onClick={() => actions.setOpen(true)}>
        话术
      </button>
    );
  }

  const health = state.health.value;
  const missing =
    health && state.mode.value !== 'generic' ? [!health.messageList && t('partMessageList'), !health.composeBox && t('partComposeBox')].filter(Boolean) : [];

  return (
    <aside class="sidebar" data-huashu="sidebar" style={{ width: `${state.width.value}px` }} onKeyDown={onKeyDown}>
      <ResizeHandle width={state.width.value} onResize={actions.setWidth} />
      <header>
        <span class="logo">话术</span>
        <span class="site" data-huashu="adapter">
          {state.adapterName.value}
        </span>
        {state.mode.value === 'profile' && (
          <button class="icon" data-huashu="teach-open" title={t('teachPage')} onClick={actions.teachPage}>
            ✎
          </button>
        )}
        <button class="icon" title={t('settings')} onClick={actions.openOptions}>
          ⚙
        </button>
        <button class="icon" data-huashu="collapse" title={t('collapse')} onClick={() => actions.setOpen(false)}>
          ⟩
        </button>
      </header>

      {state.invalidated.value && (
        <div class="notice error" data-huashu="refresh-notice">
          {t('refreshNeeded')} <button onClick={() => location.reload()}>{t('refresh')}</button>
        </div>
      )}
      {state.notice.value && (
        <div class={`notice ${state.notice.value.kind}`} data-huashu="notice">
          {state.notice.value.text}
        </div>
      )}

      {state.mode.value === 'none' && (
        <div class="notice error" data-huashu="no-chat">
          {t('cannotFindChat')}
          <div class="row">
            <button onClick={actions.useGenericMode} data-huashu="use-generic">
              {t('useGeneric')}
            </button>
            <button onClick={actions.teachPage} data-huashu="teach">
              {t('teachPage')}
            </button>
          </div>
        </div>
      )}
      {state.mode.value !== 'none' && missing.length > 0 && (
        <div class="notice error" data-huashu="missing-parts">
          {t('missingPart')}
          {missing.join('、')}
          <div class="row">
            <button onClick={actions.useGenericMode}>{t('useGeneric')}</button>
            <button onClick={actions.teachPage}>{t('teachPage')}</button>
          </div>
        </div>
      )}
      {state.mode.value === 'generic' && <div class="notice info">{t('genericHint')}</div>}

      <section class="buyer" data-huashu="buyer">
        <div class="buyer-meta">
          {snapshot?.buyerName && (
            <span data-huashu="buyer-name">
              {t('buyer')}：{snapshot.buyerName}
            </span>
          )}
          {snapshot?.orderId && (
            <span data-huashu="order-id">
              {t('order')}：{snapshot.orderId}
            </span>
          )}
          <WaitingTimer snapshot={snapshot} targets={state.settings.value?.replyTargets ?? {}} />
        </div>
        <div class="label">{t('latestBuyerMessage')}</div>
        <div class="buyer-message" data-huashu="buyer-message">
          {buyerMessage || t('noBuyerMessage')}
        </div>
        <WaitingBuyers platform={snapshot?.platform} />
      </section>

      {dialogs.open.variables.value && <VariablePrompt request={dialogs.open.variables.value} />}

      <section class="search">
        <input
          ref={searchRef}
          data-huashu="search"
          type="search"
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <nav class="tabs" role="tablist">
          {[['suggested', t('suggestions')], ['all', t('all')], ['fav', t('favourites')], ['recent', t('recent')], ...DEFAULT_GROUPS.map((g) => [g, g])].map(
            ([id, label]) => (
              <button key={id} role="tab" aria-selected={group === id} class={group === id ? 'active' : ''} onClick={() => setGroup(id!)}>
                {label}
              </button>
            ),
          )}
        </nav>
      </section>

      <ul
        class="cards"
        role="listbox"
        ref={listRef}
        data-huashu={browsing ? 'results' : 'suggestions'}
        data-query={browsing ? (answered ?? undefined) : undefined}
      >
        {items.length === 0 && <li class="empty">{t('noSuggestions')}</li>}
        {items.map((item, i) => (
          <SuggestionCard
            key={item.id + i}
            suggestion={item}
            index={i}
            selected={i === selected}
            preview={actions.preview(item)}
            values={knownValues}
            onHover={() => setSelected(i)}
            onInsert={() => void actions.insert(item, 'click')}
          />
        ))}
      </ul>

      <DraftFindings findings={state.draftFindings.value} onApply={(f) => void actions.applyRewrite(f)} />

      <section class="followups">
        <span class="label">{t('followUps')}</span>
        <button data-huashu="log-payment" onClick={() => void actions.logFollowUp('payment_reminder')}>
          {t('addPaymentReminder')}
        </button>
        <button data-huashu="log-review" onClick={() => void actions.logFollowUp('review_recovery')}>
          {t('addReviewRecovery')}
        </button>
        <button data-huashu="log-revisit" onClick={() => void actions.logFollowUp('aftersale_revisit')}>
          {t('addRevisit')}
        </button>
        <FollowUpPanel />
      </section>

      <LibraryLintNotice onOpen={actions.openOptions} />
      <footer>{t('shortcutsHint')}</footer>
    </aside>
  );
}

/** Drag the sidebar's inner edge to resize it; the width is remembered per site. */
function ResizeHandle({ width, onResize }: { width: number; onResize(width: number): void }) {
  const onPointerDown = (e: PointerEvent) => {
    const startX = e.clientX;
    const startWidth = width;
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => onResize(startWidth + (startX - ev.clientX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return <div class="resize" data-huashu="resize" onPointerDown={onPointerDown} />;
}

export { pick };
