/**
 * Right-click insert: "话术 Huashu" on editable fields → the best replies for
 * this tab's conversation, then favourites, recent and group submenus.
 *
 * Chrome has no "menu about to show" event, so the menu is rebuilt ahead of
 * time: whenever a tab reports a new buyer message and whenever the rep
 * switches tabs. The chosen script goes to the right-clicked frame.
 */
import { isLiveScript } from '@/lib/library-visibility';
import { browser, type Browser } from 'wxt/browser';
import type { ConversationContext } from '@/lib/messages';
import { tabMessenger } from '@/lib/messages';
import { DEFAULT_GROUPS, type ReplyScript } from '@/lib/types';
import { database } from './database';
import { handle } from './handle';
import { suggestFor } from './reply-scripts';
import { truncateText } from '@/lib/text/truncate';

const ROOT = 'huashu';
const SCRIPT_PREFIX = 'huashu:script:';
const TOP_SUGGESTIONS = 5;
const PER_SUBMENU = 15;
const contexts: [`${Browser.contextMenus.ContextType}`] = ['editable'];

const SESSION_KEY = (tabId: number) => `conversation:${tabId}`;

async function rememberConversation(tabId: number, context: ConversationContext): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEY(tabId)]: context }).catch(() => undefined);
}

async function conversationOf(tabId: number): Promise<ConversationContext | undefined> {
  const stored = await browser.storage.session.get(SESSION_KEY(tabId)).catch(() => ({}) as Record<string, unknown>);
  return stored[SESSION_KEY(tabId)] as ConversationContext | undefined;
}

/** What the menu holds now (Chrome has no getter); read by the end-to-end tests. */
const currentItems: Array<{ id: string; parentId?: string; title?: string }> = [];

function create(props: Browser.contextMenus.CreateProperties): Promise<void> {
  currentItems.push({ id: String(props.id), parentId: props.parentId === undefined ? undefined : String(props.parentId), title: props.title });
  return new Promise((resolve) => {
    browser.contextMenus.create(props, () => {
      void browser.runtime.lastError; // duplicate ids during a quick rebuild are harmless
      resolve();
    });
  });
}

const label = (s: ReplyScript) => {
  const text = s.title || s.text;
  return [...text].length > 28 ? truncateText(text, 27, '…') : text;
};

let building: Promise<void> = Promise.resolve();

/** Rebuild the whole menu for one tab's conversation (serialised: one rebuild at a time). */
export function rebuildMenu(context?: ConversationContext): Promise<void> {
  building = building.then(() => buildMenu(context)).catch((e) => console.warn('[huashu] context menu', e));
  return building;
}

async function buildMenu(context?: ConversationContext): Promise<void> {
  await browser.contextMenus.removeAll();
  currentItems.length = 0;
  await create({ id: ROOT, title: '话术 Huashu', contexts });
  const used = new Set<string>();
  if (context?.latestBuyerMessage) {
    const suggestions = await suggestFor(context.latestBuyerMessage, context, TOP_SUGGESTIONS);
    for (const s of suggestions) {
      used.add(s.id);
      await create({ id: SCRIPT_PREFIX + s.id, parentId: ROOT, title: label({ ...s } as unknown as ReplyScript), contexts });
    }
    if (suggestions.length) await create({ id: 'huashu:sep1', parentId: ROOT, type: 'separator', contexts });
  }
  const all = (await database().scripts.toArray()).filter(isLiveScript);
  const favourites = all.filter((s) => s.favourite).slice(0, PER_SUBMENU);
  if (favourites.length) {
    await create({ id: 'huashu:fav', parentId: ROOT, title: '★ 收藏', contexts });
    for (const s of favourites) await create({ id: `${SCRIPT_PREFIX}${s.id}:fav`, parentId: 'huashu:fav', title: label(s), contexts });
  }
  const recentIds = [...new Set((await database().usage.orderBy('at').reverse().limit(100).toArray()).map((e) => e.scriptId))].slice(0, PER_SUBMENU);
  const byId = new Map(all.map((s) => [s.id, s]));
  const recent = recentIds.map((id) => byId.get(id)).filter((s): s is ReplyScript => !!s);
  if (recent.length) {
    await create({ id: 'huashu:recent', parentId: ROOT, title: '最近使用', contexts });
    for (const s of recent) await create({ id: `${SCRIPT_PREFIX}${s.id}:recent`, parentId: 'huashu:recent', title: label(s), contexts });
  }
  const groups = [...new Set([...DEFAULT_GROUPS, ...all.map((s) => s.group)])];
  for (const group of groups) {
    const members = all
      .filter((s) => s.group === group)
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .slice(0, PER_SUBMENU);
    if (!members.length) continue;
    const groupId = `huashu:group:${group}`;
    await create({ id: groupId, parentId: ROOT, title: group, contexts });
    for (const s of members) await create({ id: `${SCRIPT_PREFIX}${s.id}:${group}`, parentId: groupId, title: label(s), contexts });
  }
}

function scriptIdOf(menuItemId: string | number): string | null {
  const id = String(menuItemId);
  if (!id.startsWith(SCRIPT_PREFIX)) return null;
  const rest = id.slice(SCRIPT_PREFIX.length);
  // suffixes (":fav", ":recent", ":<group>") make ids unique across submenus
  return rest.split(':')[0] ?? null;
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => void rebuildMenu());
  browser.runtime.onStartup.addListener(() => void rebuildMenu());

  handle('conversationChanged', async (context, sender) => {
    if (sender.tabId === undefined) return null;
    await rememberConversation(sender.tabId, context);
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!active || active.id === sender.tabId) await rebuildMenu(context);
    return null;
  });

  browser.tabs.onActivated.addListener(({ tabId }) => {
    void conversationOf(tabId).then((context) => rebuildMenu(context));
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(SESSION_KEY(tabId)).catch(() => undefined));

  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

  // Native menus cannot be clicked by a test driver; the e2e tests drive the same code path here.
  (globalThis as Record<string, unknown>).huashuContextMenu = {
    items: () => currentItems.slice(),
    click: onMenuClicked,
    ready: () => building,
  };
}

async function onMenuClicked(info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }): Promise<void> {
  const scriptId = scriptIdOf(info.menuItemId);
  if (!scriptId || tab?.id === undefined) return;
  await tabMessenger
    .sendMessage('insertScript', { scriptId, frameId: info.frameId }, { tabId: tab.id, frameId: info.frameId ?? 0 })
    .catch((e) => console.warn('[huashu] could not reach the page to insert', e));
}
