import { afterEach, describe, expect, it } from 'vitest';
import { feigeAdapter as adapter, feigeBlockingPopup, isFeigeSystemId } from '../../lib/sites/feige';
import { loadSnapshot } from './sites-snapshot-dom';

const REAL = 'https://im.jinritemai.com/pc_seller_v2/main/workspace';
let close: (() => void) | undefined;
function load(url = REAL) {
  const loaded = loadSnapshot('feige', url);
  close = () => void loaded.window.happyDOM.close();
  return loaded.doc;
}
afterEach(() => close?.());

describe('飞鸽 adapter on the fixture snapshot', () => {
  it('matches workspace URLs (old and new), not other pages', () => {
    const doc = load();
    expect(adapter.matches(new URL(REAL), doc)).toBe(true);
    expect(adapter.matches(new URL('https://im.jinritemai.com/pc_seller/main/chat'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://fxg.jinritemai.com/ffa/morder/order/list'), doc)).toBe(false);
    expect(adapter.matches(new URL('https://mms.pinduoduo.com/chat-merchant/index.html'), doc)).toBe(false);
    expect(adapter.matches(new URL('http://localhost:5173/fixtures/sites/feige/'), doc)).toBe(true);
  });

  it('marks bot and system ids as system, sides from messageIsMe / messageNotMe', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.messages.map((m) => [m.from, m.text])).toEqual([
      ['system', '您好，欢迎光临花间集美妆，有什么可以帮您？'],
      ['buyer', '这个面霜孕妇能用吗'],
      ['system', '智能助手正在为您生成回复…'],
      ['buyer', '还有今天下单什么时候发货'],
    ]);
    expect(snap.messages[3]!.time).toBe(new Date(2026, 8, 8, 10, 2, 5).getTime());
    expect(isFeigeSystemId('llm_process_1')).toBe(true);
    expect(isFeigeSystemId('a_CsAssign_2')).toBe(true);
    expect(isFeigeSystemId('msg_123')).toBe(false);
  });

  it('reads buyer, shop, the 19-digit order id and the key', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.buyerName).toBe('橘子汽水不加冰');
    expect(snap.shop).toBe('花间集美妆官方旗舰店');
    expect(snap.orderId).toBe('6928374650192837465');
    expect(snap.key).toBe('feige:花间集美妆官方旗舰店:橘子汽水不加冰');
  });

  it('finds compose box and the div send button; health; pop-up detection', () => {
    const doc = load();
    expect(adapter.findComposeBox(doc)?.getAttribute('data-qa-id')).toBe('qa-send-message-textarea');
    expect(adapter.findSendButton(doc)?.getAttribute('data-qa-id')).toBe('qa-send-message-button');
    expect(adapter.health(doc)).toEqual({ messageList: true, composeBox: true, sendButton: true, buyerName: true, orderId: true });
    expect(feigeBlockingPopup(doc)).toBeNull();
    const popup = doc.createElement('div');
    popup.className = 'repeat-interceptor-popup';
    doc.body.append(popup);
    expect(feigeBlockingPopup(doc)).toBe(popup);
  });

  it('survives losing the data-qa-id hooks on the compose area', () => {
    const doc = load();
    const box = doc.querySelector('textarea')!;
    box.removeAttribute('data-qa-id');
    expect(adapter.findComposeBox(doc)).toBe(box); // placeholder mentions Enter
    box.setAttribute('placeholder', '');
    expect(adapter.findComposeBox(doc)).toBe(box); // the only editable textarea
    const send = doc.querySelector('[data-qa-id="qa-send-message-button"]')!;
    send.removeAttribute('data-qa-id');
    expect(adapter.findSendButton(doc)).toBe(send);
  });

  it('reports a missing order panel, and no chat without messages or header', () => {
    const doc = load();
    doc.getElementById('workStation')!.remove();
    expect(adapter.health(doc).orderId).toBe(false);
    for (const el of Array.from(doc.querySelectorAll('[data-qa-id="qa-message-warpper"]'))) el.remove();
    doc.getElementById('topbar-left-info')!.remove();
    // The sidebar still marks the open conversation: a snapshot with no messages.
    expect(adapter.readConversation(doc)).toMatchObject({ buyerName: '橘子汽水不加冰', messages: [] });
    for (const el of Array.from(doc.querySelectorAll('[data-btm-id$=".current"]'))) el.removeAttribute('data-btm-id');
    expect(adapter.readConversation(doc)).toBeNull();
    expect(adapter.health(doc).messageList).toBe(false);
  });

  it('reads the buyer from the header even when an avatar comes first, and from the current row when the header has no text', () => {
    const doc = load();
    const header = doc.querySelector('#topbar-left-info')!;
    const avatar = doc.createElement('img');
    avatar.className = '_0AvatarX1';
    header.prepend(avatar);
    expect(adapter.readConversation(doc)!.buyerName).toBe('橘子汽水不加冰');
    for (const child of Array.from(header.children)) child.textContent = '';
    expect(adapter.readConversation(doc)!.buyerName).toBe('橘子汽水不加冰');
  });
});
