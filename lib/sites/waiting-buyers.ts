/**
 * The other buyers waiting for a reply, read from the marketplace's own
 * conversation list (its unreplied badges and "待回复/已超时" groups), keyed by
 * adapter id. The open conversation is left out: the sidebar's waiting timer
 * covers it. Pure DOM reading.
 */
import { parseChatTime, readText } from './dom-queries';

export interface WaitingBuyer {
  name: string;
  /** How long they have waited, when the page shows it. */
  waitedSeconds?: number;
  /** The page marks them as past the reply target (已超时). */
  overdue?: boolean;
}

type Reader = (doc: Document, now: number) => WaitingBuyer[];

/** 拼多多 counts down the 3-minute target: "2分10秒" left means 50 s waited. */
const PINDUODUO_TARGET_SECONDS = 180;

function minutesSeconds(text: string): number | undefined {
  const m = /(?:(\d+)\s*分)?\s*(\d+)\s*秒/.exec(text) ?? /(\d+)\s*分钟?/.exec(text);
  if (!m) return undefined;
  return m.length === 3 ? Number(m[1] ?? 0) * 60 + Number(m[2]) : Number(m[1]) * 60;
}

function sinceClock(text: string, now: number): number | undefined {
  const at = parseChatTime(text, new Date(now));
  if (at === undefined) return undefined;
  const seconds = Math.round((now - at) / 1000);
  return seconds >= 0 ? seconds : undefined;
}

const READERS: Record<string, Reader> = {
  pinduoduo(doc) {
    const out: WaitingBuyer[] = [];
    for (const item of Array.from(doc.querySelectorAll('li.chat-item'))) {
      if (item.matches('.active, .chat-item-active, .selected')) continue;
      const name = readText(item.querySelector('.nickname-span'));
      if (!name) continue;
      if (item.querySelector('.chat-unreply-over-time')) out.push({ name, overdue: true });
      else {
        const badge = item.querySelector('.chat-unreply-time');
        if (!badge) continue;
        const left = minutesSeconds(readText(badge));
        out.push(left === undefined ? { name } : { name, waitedSeconds: Math.max(0, PINDUODUO_TARGET_SECONDS - left) });
      }
    }
    return out;
  },
  feige(doc) {
    const out: WaitingBuyer[] = [];
    for (const [group, overdue] of [
      ['waitReply', false],
      ['overtime', true],
    ] as const) {
      for (const item of Array.from(doc.querySelectorAll(`[data-btm="message_group_name_${group}"] [data-qa-id="qa-conversation-chat-item"]`))) {
        if (/\.current$/.test(item.getAttribute('data-btm-id') ?? '')) continue;
        const name = readText(item.querySelector('[class*="name"], [class*="Name"]'));
        if (name) out.push(overdue ? { name, overdue } : { name });
      }
    }
    return out;
  },
  dongdong(doc) {
    const out: WaitingBuyer[] = [];
    for (const item of Array.from(doc.querySelectorAll('.alluser-item'))) {
      if (item.classList.contains('alluser-item_check') || !item.querySelector('.user-none-reply-t')) continue;
      const name = readText(item.querySelector('.alluser-item-name'));
      if (name) out.push({ name });
    }
    return out;
  },
  kuaishou(doc, now) {
    const out: WaitingBuyer[] = [];
    for (const group of Array.from(doc.querySelectorAll('.SessionListGroupItem'))) {
      const title = readText(group.querySelector('.SessionListGroupItem-title'));
      const overdue = /超时/.test(title);
      if (!overdue && !/回复|待/.test(title)) continue; // 星标 and other groups are not waiting
      for (const card of Array.from(group.querySelectorAll('[data-session-id]'))) {
        if (card.className.includes('-active')) continue;
        const name = readText(card.querySelector('.SessionBaseCard-topHeadName'));
        if (!name) continue;
        const waited = sinceClock(readText(card.querySelector('.SessionBaseCard-time')), now);
        out.push({ name, ...(waited !== undefined ? { waitedSeconds: waited } : {}), ...(overdue ? { overdue } : {}) });
      }
    }
    return out;
  },
};

/** Waiting buyers for the page's adapter; empty for adapters without a conversation list reader. */
export function waitingBuyersFor(adapterId: string | undefined, doc: Document, now: number = Date.now()): WaitingBuyer[] {
  const reader = adapterId ? READERS[adapterId] : undefined;
  if (!reader) return [];
  try {
    return reader(doc, now);
  } catch {
    return []; // a half-rendered list reads as "nobody waiting", never an error in the page
  }
}

export function hasWaitingBuyersReader(adapterId: string): boolean {
  return adapterId in READERS;
}
