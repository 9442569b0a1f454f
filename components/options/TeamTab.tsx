/**
 * 团队 Team: connect Huashu to a team sync server. Until the rep creates or
 * joins a shop nothing leaves the browser. Here: server address, create a
 * shop (you become the lead), invite codes, join with a code, sync state
 * (last sync, pending changes, conflicts, errors), leave; the lead reviews
 * proposals; anyone shares (lead/editor) or proposes (rep) scripts.
 *
 * The server address is a host the extension has no permission for: it is
 * asked as an optional host permission inside the click, before any await.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ReplyScript } from '@/lib/types';
import type { TeamView } from '@/lib/sync/team-view';
import { call } from '../api';
import { onChanged } from '../announcements';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { showToast } from './ui-state';

const DEFAULT_URL = 'http://127.0.0.1:8787';
const ROLE_LABEL = { lead: { zh: '组长', en: 'Lead' }, editor: { zh: '编辑', en: 'Editor' }, rep: { zh: '客服', en: 'Rep' } } as const;

/** Ask for the server's origin inside the click (the browser needs the user gesture). Null origin: not an address (the background says so). */
function requestHost(url: string): { origin: string | null; granted: Promise<boolean> } {
  let origin: string;
  try {
    origin = new URL(url.trim()).origin;
  } catch {
    return { origin: null, granted: Promise.resolve(true) };
  }
  return { origin, granted: browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false) };
}

const refusedText = (origin: string) =>
  pick({
    zh: `没有获得访问 ${origin} 的权限，无法连接团队服务器。请再点一次，在浏览器弹窗中选“允许”；也可以在 扩展程序 → 话术 → 详细信息 → 网站访问权限 中添加该地址。`,
    en: `No permission to reach ${origin}, so the team server cannot be reached. Click again and choose "Allow" in the browser's dialog, or add the address under Extensions → Huashu → Details → Site access.`,
  });

const timeText = (at?: number) => (at ? new Date(at).toLocaleString() : pick({ zh: '从未', en: 'never' }));

export function TeamTab() {
  const [team, setTeam] = useState<TeamView | null>(null);
  const [serverUrl, setServerUrl] = useState(DEFAULT_URL);
  const [repName, setRepName] = useState('');
  const [shopName, setShopName] = useState('');
  const [code, setCode] = useState('');
  const [invite, setInvite] = useState<{ code: string; expiresAt: number } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The browser's permission dialog is open (or was never shown): say so, and let the rep stop waiting. */
  const [waiting, setWaiting] = useState<{ origin: string; stop: () => void } | null>(null);

  const refresh = () =>
    call('teamState')
      .then((t) => {
        setTeam(t);
        if (t.serverUrl) setServerUrl((u) => (u === DEFAULT_URL ? t.serverUrl! : u));
      })
      .catch((e) => setError(errorText(e)));

  useEffect(() => {
    void refresh();
    void call('getSettings').then(
      (s) => setRepName((n) => n || s.repName),
      () => undefined,
    );
    // The background announces every change of the team's state (a sync, a queued change): no polling.
    return onChanged('team', () => void refresh());
  }, []);

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError('');
    try {
      return await fn();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  function needName(): boolean {
    if (repName.trim()) return false;
    setError(pick({ zh: '请填写你的名字（同事会看到它）。', en: 'Enter your name (your team sees it).' }));
    return true;
  }

  /** Ask for the server's host permission (inside the click), wait for the answer where the rep can see it, then act. */
  function withServerPermission(action: () => Promise<void>) {
    const { origin, granted } = requestHost(serverUrl);
    let stop!: () => void;
    const stopped = new Promise<'stopped'>((resolve) => (stop = () => resolve('stopped')));
    if (origin) setWaiting({ origin, stop });
    void run(async () => {
      const answer = await Promise.race([granted, stopped]).finally(() => setWaiting(null));
      if (answer === 'stopped')
        throw new Error(
          pick({ zh: '已停止等待浏览器的权限弹窗。需要时再点一次即可。', en: 'Stopped waiting for the browser’s permission dialog. Click again when ready.' }),
        );
      if (!answer) throw new Error(refusedText(origin ?? serverUrl));
      await action();
    });
  }

  function create() {
    if (needName()) return;
    if (!shopName.trim()) return setError(pick({ zh: '请填写店铺名称。', en: 'Enter the shop name.' }));
    withServerPermission(async () => {
      const t = await call('teamCreateShop', { serverUrl, shopName: shopName.trim(), repName: repName.trim() });
      setTeam(t);
      showToast({ kind: 'success', text: pick({ zh: `已创建店铺「${t.shopName}」，你是组长`, en: `Shop "${t.shopName}" created; you are its lead` }) });
    });
  }

  function join() {
    if (needName()) return;
    if (!code.trim()) return setError(pick({ zh: '请输入组长给你的邀请码。', en: 'Enter the invite code from your lead.' }));
    withServerPermission(async () => {
      const t = await call('teamJoin', { serverUrl, code: code.trim(), repName: repName.trim() });
      setTeam(t);
      setCode('');
      showToast({ kind: 'success', text: pick({ zh: `已加入店铺「${t.shopName}」`, en: `Joined "${t.shopName}"` }) });
    });
  }

  const makeInvite = (role: 'rep' | 'editor') =>
    void run(async () => {
      const r = await call('teamInvite', { role });
      setInvite({ code: r.code, expiresAt: r.expiresAt });
      await navigator.clipboard?.writeText(r.code).catch(() => undefined);
    });

  const leave = () => {
    if (
      !confirm(
        pick({
          zh: '退出店铺？团队共享的话术和跟进会从本机移除（你自己的话术保留）。',
          en: 'Leave the shop? Shared scripts and follow-ups are removed from this device (your own scripts stay).',
        }),
      )
    )
      return;
    void run(async () => setTeam(await call('teamLeave')));
  };

  const syncNow = () => void run(async () => setTeam(await call('teamSyncNow')));
  const decide = (id: string, decision: 'accept' | 'reject') => void run(async () => setTeam(await call('teamDecideProposal', { id, decision })));
  const dismiss = (changeId: string) => void run(async () => setTeam(await call('teamDismissConflict', { changeId })));

  if (!team)
    return (
      <section class="team" data-huashu="team-tab">
        {error && (
          <p class="error" data-huashu="team-error">
            {error}
          </p>
        )}
      </section>
    );

  const lead = team.role === 'lead' || team.role === 'editor';
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  return (
    <section class="team" data-huashu="team-tab" data-joined={team.joined ? 'yes' : 'no'} data-role={team.role ?? ''}>
      {error && (
        <div class="card error" role="alert" data-huashu="team-error">
          {error}
        </div>
      )}
      {!team.joined ? (
        <>
          <div class="card">
            <h2>{pick({ zh: '团队同步', en: 'Team sync' })}</h2>
            <p class="muted">
              {pick({
                zh: '不加入店铺时，话术只保存在本机。加入后，组长共享的话术、违禁词和跟进会同步给全组；你自己新建的话术仍是私有的，除非提交给组长。',
                en: 'Without a shop everything stays on this device. In a shop, the lead’s shared scripts, risk words and follow-ups sync to the team; scripts you create stay private unless you propose them.',
              })}
            </p>
            <div class="field-row">
              <label class="field">
                <span>{pick({ zh: '同步服务器地址', en: 'Sync server address' })}</span>
                <input data-huashu="team-server" value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} placeholder={DEFAULT_URL} />
              </label>
              <label class="field">
                <span>{pick({ zh: '你的名字', en: 'Your name' })}</span>
                <input data-huashu="team-rep-name" value={repName} maxLength={40} onInput={(e) => setRepName(e.currentTarget.value)} />
              </label>
            </div>
          </div>
          {waiting && (
            <div class="card notice" data-huashu="team-permission-wait" role="status">
              <p>
                {pick({
                  zh: `正在等待浏览器询问：是否允许 话术 访问 ${waiting.origin}。请在地址栏旁的弹窗中点“允许”。没有看到弹窗？它可能被其他窗口挡住了，或浏览器已按设置自动拒绝。`,
                  en: `Waiting for the browser to ask whether Huashu may reach ${waiting.origin}. Click "Allow" in the dialog by the address bar. No dialog? Another window may hide it, or the browser declined by policy.`,
                })}
              </p>
              <button data-huashu="team-permission-stop" onClick={() => waiting.stop()}>
                {pick({ zh: '停止等待', en: 'Stop waiting' })}
              </button>
            </div>
          )}
          <div class="card" data-huashu="team-join">
            <h2>{pick({ zh: '用邀请码加入', en: 'Join with an invite code' })}</h2>
            <div class="toolbar">
              <input data-huashu="team-code" value={code} placeholder="ABCD-EFGH-JKLM" onInput={(e) => setCode(e.currentTarget.value)} />
              <button class="primary" data-huashu="team-join-button" disabled={busy} onClick={join}>
                {pick({ zh: '加入', en: 'Join' })}
              </button>
            </div>
          </div>
          <div class="card" data-huashu="team-create">
            <h2>{pick({ zh: '创建店铺（你将成为组长）', en: 'Create a shop (you become the lead)' })}</h2>
            <div class="toolbar">
              <input
                data-huashu="team-shop-name"
                value={shopName}
                maxLength={60}
                placeholder={pick({ zh: '店铺名称', en: 'Shop name' })}
                onInput={(e) => setShopName(e.currentTarget.value)}
              />
              <button data-huashu="team-create-button" disabled={busy} onClick={create}>
                {pick({ zh: '创建', en: 'Create' })}
              </button>
            </div>
          </div>
        </>
      ) : (
        <>
          <div class="card" data-huashu="team-status">
            <h2>
              {team.shopName} <span class="muted">· {pick(ROLE_LABEL[team.role ?? 'rep'])}</span>
            </h2>
            {team.removed && <p class="error">{pick({ zh: '你已被移出该店铺。', en: 'You were removed from this shop.' })}</p>}
            <ul class="muted" style={{ margin: '4px 0 8px', paddingLeft: '18px' }}>
              <li>
                {pick({ zh: '服务器', en: 'Server' })}：{team.serverUrl} ·{' '}
                <span data-huashu="team-online">{team.online ? pick({ zh: '在线', en: 'online' }) : pick({ zh: '离线', en: 'offline' })}</span>
              </li>
              <li data-huashu="team-last-sync">
                {pick({ zh: '上次同步', en: 'Last sync' })}：{timeText(team.lastSyncAt)}
              </li>
              <li>
                {pick({ zh: '待上传改动', en: 'Pending changes' })}：<span data-huashu="team-pending">{team.pending}</span> ·{' '}
                {pick({ zh: '共享话术', en: 'Shared scripts' })}：<span data-huashu="team-shared-count">{team.sharedScripts}</span>
              </li>
            </ul>
            {team.lastError && (
              <p class="error" data-huashu="team-last-error">
                {pick(team.lastError.message)}
              </p>
            )}
            <div class="toolbar">
              <button data-huashu="team-sync-now" disabled={busy} onClick={syncNow}>
                {pick({ zh: '立即同步', en: 'Sync now' })}
              </button>
              <ShareButton team={team} onDone={refresh} />
              <span class="spacer" />
              <button data-huashu="team-leave" disabled={busy} onClick={leave}>
                {pick({ zh: '退出店铺', en: 'Leave shop' })}
              </button>
            </div>
          </div>

          {team.role === 'lead' && (
            <div class="card" data-huashu="team-invite">
              <h2>{pick({ zh: '邀请同事', en: 'Invite reps' })}</h2>
              <p class="muted">{pick({ zh: '邀请码只能使用一次，72 小时内有效。', en: 'A code works once and expires after 72 hours.' })}</p>
              <div class="toolbar">
                <button class="primary" data-huashu="team-invite-rep" disabled={busy} onClick={() => makeInvite('rep')}>
                  {pick({ zh: '生成客服邀请码', en: 'Invite a rep' })}
                </button>
                <button data-huashu="team-invite-editor" disabled={busy} onClick={() => makeInvite('editor')}>
                  {pick({ zh: '生成编辑邀请码', en: 'Invite an editor' })}
                </button>
              </div>
              {invite && (
                <p>
                  <code data-huashu="team-invite-code" style={{ fontSize: '18px', userSelect: 'all' }}>
                    {invite.code}
                  </code>{' '}
                  <span class="muted">
                    {pick({ zh: '（已复制）有效期至', en: '(copied) valid until' })} {new Date(invite.expiresAt).toLocaleString()}
                  </span>
                </p>
              )}
            </div>
          )}

          <div class="card" data-huashu="team-proposals">
            <h2>{lead ? pick({ zh: '修改建议', en: 'Proposals' }) : pick({ zh: '我提交的建议', en: 'My proposals' })}</h2>
            {team.proposals.length === 0 && <p class="muted">{pick({ zh: '暂无。', en: 'None yet.' })}</p>}
            <ul class="script-list">
              {team.proposals.map((p) => (
                <li key={p.id} class="script-row" data-huashu="team-proposal" data-status={p.status}>
                  <div class="row-main">
                    <div class="row-head">
                      <strong>{p.script.title ?? ''}</strong>
                      <span class="muted">
                        {names.get(p.repId) ?? p.repId} ·{' '}
                        {p.status === 'pending'
                          ? pick({ zh: '待审核', en: 'pending' })
                          : p.status === 'accepted'
                            ? pick({ zh: '已采纳', en: 'accepted' })
                            : pick({ zh: '未采纳', en: 'rejected' })}
                      </span>
                    </div>
                    <div class="row-text">{p.script.text ?? ''}</div>
                  </div>
                  {lead && p.status === 'pending' && (
                    <div class="row-actions">
                      <button class="primary" data-huashu="team-accept" disabled={busy} onClick={() => decide(p.id, 'accept')}>
                        {pick({ zh: '采纳', en: 'Accept' })}
                      </button>
                      <button data-huashu="team-reject" disabled={busy} onClick={() => decide(p.id, 'reject')}>
                        {pick({ zh: '不采纳', en: 'Reject' })}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>

          {(team.conflicts.length > 0 || team.rejected.length > 0) && (
            <div class="card" data-huashu="team-conflicts">
              <h2>{pick({ zh: '冲突与被拒的改动', en: 'Conflicts and refused changes' })}</h2>
              <ul class="script-list">
                {[
                  ...team.conflicts.map((c) => ({ ...c, code: 'conflict' })),
                  ...team.rejected.map((r) => ({ ...r, title: undefined as string | undefined })),
                ].map((c) => (
                  <li key={c.changeId} class="script-row" data-huashu="team-conflict" data-code={c.code}>
                    <div class="row-main">
                      <div class="row-head">
                        <strong>{c.title ?? `${c.kind} ${c.id}`}</strong>
                      </div>
                      <div class="row-text">{pick(c.message)}</div>
                    </div>
                    <div class="row-actions">
                      <button onClick={() => dismiss(c.changeId)}>{pick({ zh: '知道了', en: 'Dismiss' })}</button>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div class="card" data-huashu="team-members">
            <h2>{pick({ zh: '成员', en: 'Members' })}</h2>
            <ul>
              {team.members
                .filter((m) => !m.removed)
                .map((m) => (
                  <li key={m.id}>
                    {m.name} <span class="muted">· {pick(ROLE_LABEL[m.role] ?? ROLE_LABEL.rep)}</span>
                    {m.id === team.repId && <span class="muted"> · {pick({ zh: '我', en: 'me' })}</span>}
                  </li>
                ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}

/** Lead/editor: share the whole private library with the team; rep: propose a chosen private script. */
function ShareButton({ team, onDone }: { team: TeamView; onDone(): void }) {
  const [scripts, setScripts] = useState<ReplyScript[] | null>(null);
  const [pickId, setPickId] = useState('');
  const lead = team.role === 'lead' || team.role === 'editor';

  const shareAll = async () => {
    try {
      const all = await call('listScripts', {});
      const ids = all.filter((s) => s.source !== 'team').map((s) => s.id);
      const r = await call('teamShareScripts', { ids });
      showToast({ kind: 'success', text: pick({ zh: `已共享 ${r.shared} 条话术`, en: `Shared ${r.shared} scripts` }) });
      onDone();
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  };
  const propose = async () => {
    if (!pickId) return;
    try {
      await call('teamShareScripts', { ids: [pickId] });
      setPickId('');
      showToast({ kind: 'success', text: pick({ zh: '已提交给组长审核', en: 'Sent to the lead for review' }) });
      onDone();
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  };

  if (lead)
    return (
      <button data-huashu="team-share-all" onClick={() => void shareAll()}>
        {pick({ zh: '共享我的全部话术', en: 'Share my whole library' })}
      </button>
    );
  if (!scripts)
    return (
      <button data-huashu="team-propose-open" onClick={() => void call('listScripts', {}).then((all) => setScripts(all.filter((s) => s.source !== 'team')))}>
        {pick({ zh: '提交话术建议…', en: 'Propose a script…' })}
      </button>
    );
  return (
    <span class="toolbar">
      <select data-huashu="team-propose-pick" value={pickId} onChange={(e) => setPickId(e.currentTarget.value)}>
        <option value="">{pick({ zh: '选择一条我的话术', en: 'Pick one of my scripts' })}</option>
        {scripts.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <button class="primary" data-huashu="team-propose" disabled={!pickId} onClick={() => void propose()}>
        {pick({ zh: '提交', en: 'Propose' })}
      </button>
    </span>
  );
}
