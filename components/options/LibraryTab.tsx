/**
 * The rep's library: search (Chinese, pinyin, initials through the matcher),
 * filters, sort by use, create/edit/duplicate/delete with undo, drag-and-drop
 * or ↑/↓ reordering inside a group, bulk move/delete, each script's risk
 * findings, and the "请确认意图" badge on guessed intents.
 */
import { DefaultLibraryNotice } from './DefaultLibraryNotice';
import { useMemo, useState } from 'preact/hooks';
import { createMatcher } from '@/lib/suggest/matcher';
import { scanText, type ScanOptions } from '@/lib/risk/scanner';
import type { ReplyScript, RiskFinding } from '@/lib/types';
import { call } from '../api';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { FindingList } from './FindingList';
import { INTENT_IDS, intentName } from './intent-labels';
import { duplicateScript, endOfGroup, groupsOf, indexInGroup, newScriptId, reorderInGroup, visibleScripts, type LibraryFilter } from './library-model';
import { ScriptEditor } from './ScriptEditor';
import { showToast } from './ui-state';
import { useLibrary } from './use-library';

const PAGE = 200;
const NEW_GROUP = '\u0000new';

export function LibraryTab() {
  const lib = useLibrary();
  const { scripts, usage, settings } = lib;
  const [filter, setFilter] = useState<LibraryFilter>({ query: '', group: '', intent: '', sort: 'order' });
  const [editing, setEditing] = useState<{ script: ReplyScript; isNew: boolean } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);
  const [moveTarget, setMoveTarget] = useState('');
  const [moveNewGroup, setMoveNewGroup] = useState('');

  const live = useMemo(() => scripts.filter((s) => !s.deleted), [scripts]);
  const groups = useMemo(() => groupsOf(live), [live]);
  const matcher = useMemo(() => createMatcher(live), [live]);
  const list = useMemo(() => visibleScripts(live, filter, matcher, usage, groups), [live, filter, matcher, usage, groups]);
  const scanOptions: ScanOptions = useMemo(() => ({ customBanned: settings?.customBanned ?? [], allowed: settings?.allowedWords ?? [] }), [settings]);
  const lint = useMemo(() => {
    const cache = new Map<string, RiskFinding[]>();
    return (s: ReplyScript) => {
      let f = cache.get(s.text);
      if (!f) cache.set(s.text, (f = scanText(s.text, scanOptions).filter((x) => x.severity !== 'tip')));
      return f;
    };
  }, [scanOptions]);
  const groupCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of live) m.set(s.group, (m.get(s.group) ?? 0) + 1);
    return m;
  }, [live]);
  const unconfirmed = live.filter((s) => s.intentUnconfirmed).length;
  const riskyCount = useMemo(() => live.filter((s) => lint(s).length > 0).length, [live, lint]);
  const canReorder = filter.sort === 'order' && !filter.query.trim();

  const patch = (p: Partial<LibraryFilter>) => {
    setFilter((f) => ({ ...f, ...p }));
    setShown(PAGE);
  };

  async function saveOne(script: ReplyScript) {
    try {
      const saved = await call('saveScript', script);
      lib.setScripts((all) => (all.some((s) => s.id === saved.id) ? all.map((s) => (s.id === saved.id ? saved : s)) : [...all, saved]));
      setEditing(null);
      showToast({ kind: 'success', text: pick({ zh: `已保存“${saved.title}”`, en: `Saved "${saved.title}"` }) });
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  }

  async function saveMany(changed: ReplyScript[], message?: { zh: string; en: string }) {
    if (!changed.length) return;
    const byId = new Map(changed.map((s) => [s.id, s]));
    lib.setScripts((all) => [...all.map((s) => byId.get(s.id) ?? s), ...changed.filter((c) => !all.some((s) => s.id === c.id))]);
    try {
      await call('saveScripts', { scripts: changed });
      if (message) showToast({ kind: 'success', text: pick(message) });
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
      void lib.reload();
    }
  }

  async function remove(ids: string[]) {
    try {
      const removed = ids.length === 1 ? [await call('deleteScript', { id: ids[0]! })] : await call('deleteScripts', { ids });
      const gone = new Set(ids);
      lib.setScripts((all) => all.filter((s) => !gone.has(s.id)));
      setSelected(new Set());
      if (editing && gone.has(editing.script.id)) setEditing(null);
      const text =
        removed.length === 1
          ? pick({ zh: `已删除“${removed[0]!.title}”`, en: `Deleted "${removed[0]!.title}"` })
          : pick({ zh: `已删除 ${removed.length} 条话术`, en: `Deleted ${removed.length} replies` });
      showToast({
        kind: 'info',
        text,
        action: {
          label: pick({ zh: '撤销', en: 'Undo' }),
          run: async () => {
            try {
              if (removed.length === 1) await call('saveScript', removed[0]!);
              else await call('saveScripts', { scripts: removed });
              await lib.reload();
              showToast({ kind: 'success', text: pick({ zh: '已恢复', en: 'Restored' }) });
            } catch (e) {
              showToast({ kind: 'error', text: errorText(e) });
            }
          },
        },
      });
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  }

  function move(id: string, targetIndex: number) {
    void saveMany(reorderInGroup(live, id, targetIndex));
  }

  async function bulkMove() {
    const target = moveTarget === NEW_GROUP ? moveNewGroup.trim() : moveTarget;
    if (!target) return;
    let order = endOfGroup(live, target);
    const changed = live.filter((s) => selected.has(s.id) && s.group !== target).map((s) => ({ ...s, group: target, order: order++, updatedAt: Date.now() }));
    await saveMany(changed, { zh: `已将 ${changed.length} 条移到“${target}”`, en: `Moved ${changed.length} to "${target}"` });
    setSelected(new Set());
    setMoveTarget('');
    setMoveNewGroup('');
  }

  function confirmIntent(s: ReplyScript) {
    const { intentUnconfirmed: _u, ...rest } = s;
    void saveOne({ ...rest, updatedAt: Date.now() });
  }

  function startNew() {
    const group = filter.group || groups[0] || '问候语';
    setEditing({
      isNew: true,
      script: { id: newScriptId(), group, intent: filter.intent || 'product_info', title: '', text: '', triggers: [], source: 'user', updatedAt: Date.now() },
    });
  }

  const toggle = (id: string) =>
    setSelected((sel) => {
      const next = new Set(sel);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const visible = list.slice(0, shown);
  const allVisibleSelected = visible.length > 0 && visible.every((s) => selected.has(s.id));

  return (
    <section class="library" data-huashu="library-tab">
      <DefaultLibraryNotice scripts={scripts} onChanged={() => void lib.reload()} />
      <div class="toolbar">
        <input
          type="search"
          class="search"
          data-huashu="library-search"
          value={filter.query}
          placeholder={pick({ zh: '搜索话术：中文、拼音或首字母（如 th）', en: 'Search: Chinese, pinyin or initials (e.g. th)' })}
          onInput={(e) => patch({ query: e.currentTarget.value })}
        />
        <select
          data-huashu="intent-filter"
          value={filter.intent}
          onChange={(e) => patch({ intent: e.currentTarget.value })}
          aria-label={pick({ zh: '按意图筛选', en: 'Filter by intent' })}
        >
          <option value="">{pick({ zh: '全部意图', en: 'All intents' })}</option>
          {INTENT_IDS.map((id) => (
            <option value={id}>{intentName(id)}</option>
          ))}
        </select>
        <select
          data-huashu="sort"
          value={filter.sort}
          onChange={(e) => patch({ sort: e.currentTarget.value as LibraryFilter['sort'] })}
          aria-label={pick({ zh: '排序', en: 'Sort' })}
        >
          <option value="order">{pick({ zh: '按分组顺序', en: 'Group order' })}</option>
          <option value="usage">{pick({ zh: '按使用次数', en: 'Most used' })}</option>
          <option value="updated">{pick({ zh: '最近修改', en: 'Recently edited' })}</option>
        </select>
        <span class="spacer" />
        <button class="primary" data-huashu="new-script" onClick={startNew}>
          {pick({ zh: '＋ 新建话术', en: '+ New reply' })}
        </button>
      </div>

      <div class="group-chips" role="tablist" aria-label={pick({ zh: '分组', en: 'Groups' })}>
        <button class={`chip${filter.group === '' && !filter.unconfirmedOnly ? ' on' : ''}`} onClick={() => patch({ group: '', unconfirmedOnly: false })}>
          {pick({ zh: '全部', en: 'All' })} <span class="count">{live.length}</span>
        </button>
        {groups.map((g) => (
          <button class={`chip${filter.group === g ? ' on' : ''}`} data-group={g} onClick={() => patch({ group: filter.group === g ? '' : g })}>
            {g} <span class="count">{groupCounts.get(g) ?? 0}</span>
          </button>
        ))}
        {unconfirmed > 0 && (
          <button class={`chip attention${filter.unconfirmedOnly ? ' on' : ''}`} onClick={() => patch({ unconfirmedOnly: !filter.unconfirmedOnly })}>
            {pick({ zh: '请确认意图', en: 'Confirm intent' })} <span class="count">{unconfirmed}</span>
          </button>
        )}
      </div>

      <div class="summary-line muted">
        {pick({ zh: `共 ${list.length} 条`, en: `${list.length} replies` })}
        {riskyCount > 0 && <span class="risk-summary"> · {pick({ zh: `${riskyCount} 条有风险用语`, en: `${riskyCount} with risky wording` })}</span>}
        {!canReorder && filter.sort === 'order' && <span> · {pick({ zh: '清空搜索后可拖动排序', en: 'Clear the search to reorder' })}</span>}
      </div>

      {selected.size > 0 && (
        <div class="bulk-bar" data-huashu="bulk-bar">
          <b>{pick({ zh: `已选 ${selected.size} 条`, en: `${selected.size} selected` })}</b>
          <select data-huashu="bulk-group" value={moveTarget} onChange={(e) => setMoveTarget(e.currentTarget.value)}>
            <option value="">{pick({ zh: '移动到分组…', en: 'Move to group…' })}</option>
            {groups.map((g) => (
              <option value={g}>{g}</option>
            ))}
            <option value={NEW_GROUP}>{pick({ zh: '＋ 新分组…', en: '+ New group…' })}</option>
          </select>
          {moveTarget === NEW_GROUP && (
            <input
              value={moveNewGroup}
              maxLength={30}
              placeholder={pick({ zh: '新分组名称', en: 'New group name' })}
              onInput={(e) => setMoveNewGroup(e.currentTarget.value)}
            />
          )}
          <button disabled={!moveTarget || (moveTarget === NEW_GROUP && !moveNewGroup.trim())} onClick={() => void bulkMove()}>
            {pick({ zh: '移动', en: 'Move' })}
          </button>
          <button class="danger" data-huashu="bulk-delete" onClick={() => void remove([...selected])}>
            {pick({ zh: '删除所选', en: 'Delete selected' })}
          </button>
          <button onClick={() => setSelected(new Set())}>{pick({ zh: '取消选择', en: 'Clear selection' })}</button>
        </div>
      )}

      <div class={`library-body${editing ? ' with-editor' : ''}`}>
        <div class="list-wrap">
          {!lib.loaded && <p class="muted">{pick({ zh: '加载中…', en: 'Loading…' })}</p>}
          {lib.error !== undefined && <p class="error">{errorText(lib.error)}</p>}
          {lib.loaded && list.length === 0 && <p class="empty muted">{pick({ zh: '没有符合条件的话术。', en: 'No replies match.' })}</p>}
          {list.length > 0 && (
            <label class="select-all">
              <input
                type="checkbox"
                data-huashu="select-all"
                checked={allVisibleSelected}
                onChange={() => setSelected(allVisibleSelected ? new Set() : new Set([...selected, ...list.map((s) => s.id)]))}
              />
              {pick({ zh: `全选（${list.length}）`, en: `Select all (${list.length})` })}
            </label>
          )}
          <ul class="script-list" data-huashu="script-list">
            {visible.map((s, i) => {
              const findings = lint(s);
              const showGroupHeader = canReorder && (i === 0 || visible[i - 1]!.group !== s.group);
              const pos = canReorder ? indexInGroup(live, s.id) : -1;
              const groupSize = groupCounts.get(s.group) ?? 0;
              return (
                <>
                  {showGroupHeader && <li class="group-header">{s.group}</li>}
                  <li
                    class={`script-row${selected.has(s.id) ? ' selected' : ''}${dropId === s.id ? ' drop-target' : ''}${dragId === s.id ? ' dragging' : ''}${editing?.script.id === s.id ? ' editing' : ''}`}
                    data-script-id={s.id}
                    draggable={canReorder}
                    onDragStart={(e) => {
                      setDragId(s.id);
                      e.dataTransfer?.setData('text/plain', s.id);
                      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                    }}
                    onDragEnd={() => {
                      setDragId(null);
                      setDropId(null);
                    }}
                    onDragOver={(e) => {
                      const moving = live.find((x) => x.id === dragId);
                      if (!canReorder || !moving || moving.group !== s.group) return;
                      e.preventDefault();
                      setDropId(s.id);
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      const id = e.dataTransfer?.getData('text/plain') || dragId;
                      setDragId(null);
                      setDropId(null);
                      if (id && id !== s.id) move(id, indexInGroup(live, s.id));
                    }}
                  >
                    <input type="checkbox" checked={selected.has(s.id)} onChange={() => toggle(s.id)} aria-label={pick({ zh: '选择', en: 'Select' })} />
                    {canReorder && (
                      <span class="handle" title={pick({ zh: '拖动调整顺序', en: 'Drag to reorder' })} aria-hidden="true">
                        ⋮⋮
                      </span>
                    )}
                    <div class="row-main">
                      <div class="row-head">
                        <strong class="title">{s.title}</strong>
                        {!canReorder && <span class="group-tag">{s.group}</span>}
                        <span class="intent-tag" data-intent={s.intent}>
                          {intentName(s.intent)}
                        </span>
                        {s.intentUnconfirmed && (
                          <span class="badge unconfirmed" data-huashu="unconfirmed">
                            {pick({ zh: '请确认意图', en: 'Confirm intent' })}
                            <button
                              class="mini"
                              title={pick({ zh: `确认意图为“${intentName(s.intent)}”`, en: `Confirm "${intentName(s.intent)}"` })}
                              onClick={() => confirmIntent(s)}
                              data-huashu="confirm-intent"
                            >
                              ✓
                            </button>
                          </span>
                        )}
                        {s.code && <code class="code">/{s.code}</code>}
                        <span class="uses muted" title={pick({ zh: '使用次数', en: 'Times used' })}>
                          {pick({ zh: `用过 ${usage[s.id] ?? 0} 次`, en: `used ${usage[s.id] ?? 0}×` })}
                        </span>
                      </div>
                      <div class="row-text" data-huashu="script-text">
                        {s.text}
                      </div>
                      <FindingList findings={findings} compact />
                    </div>
                    <div class="row-actions">
                      {canReorder && (
                        <>
                          <button
                            class="icon"
                            disabled={pos <= 0}
                            onClick={() => move(s.id, pos - 1)}
                            aria-label={pick({ zh: '上移', en: 'Move up' })}
                            title={pick({ zh: '上移', en: 'Move up' })}
                          >
                            ↑
                          </button>
                          <button
                            class="icon"
                            disabled={pos >= groupSize - 1}
                            onClick={() => move(s.id, pos + 1)}
                            aria-label={pick({ zh: '下移', en: 'Move down' })}
                            title={pick({ zh: '下移', en: 'Move down' })}
                          >
                            ↓
                          </button>
                        </>
                      )}
                      <button data-huashu="edit" onClick={() => setEditing({ script: s, isNew: false })}>
                        {pick({ zh: '编辑', en: 'Edit' })}
                      </button>
                      <button data-huashu="duplicate" onClick={() => setEditing({ script: duplicateScript(s), isNew: true })}>
                        {pick({ zh: '复制', en: 'Copy' })}
                      </button>
                      <button class="danger" data-huashu="delete" onClick={() => void remove([s.id])}>
                        {pick({ zh: '删除', en: 'Delete' })}
                      </button>
                    </div>
                  </li>
                </>
              );
            })}
          </ul>
          {list.length > shown && (
            <button class="more" onClick={() => setShown((n) => n + PAGE)}>
              {pick({ zh: `显示更多（还有 ${list.length - shown} 条）`, en: `Show more (${list.length - shown} left)` })}
            </button>
          )}
        </div>
        {editing && (
          <aside class="editor-wrap">
            <ScriptEditor
              key={editing.script.id}
              script={editing.script}
              isNew={editing.isNew}
              scripts={live}
              groups={groups}
              settings={settings}
              scanOptions={scanOptions}
              onSave={saveOne}
              onCancel={() => setEditing(null)}
            />
          </aside>
        )}
      </div>
    </section>
  );
}
