import { afterEach, describe, expect, it } from 'vitest';
import { pinduoduoAdapter as adapter } from '../../lib/sites/pinduoduo';
import { loadSnapshot } from './sites-snapshot-dom';

const REAL = 'https://mms.pinduoduo.com/chat-merchant/index.html#/';
let close: (() => void) | undefined;
function load(url = REAL) {
  const loaded = loadSnapshot('pinduoduo', url);
  close = () => void loaded.window.happyDOM.close();
  return loaded.doc;
}
afterEach(() => close?.());

describe('拼多多 adapter on the fixture snapshot', () => {
  it('matches the real URL, and a local page only through the fixture meta', () => {
    const doc = load();
    expect(adapter.matches(new URL(REAL), doc)).toBe(true);
    expect(adapter.matches(new URL('https://mms.pinduoduo.com/goods/list'), doc)).toBe(false);
    expect(adapter.matches(new URL('https://im.jinritemai.com/pc_seller_v2/main/workspace'), doc)).toBe(false);
    expect(adapter.matches(new URL('http://127.0.0.1:5173/fixtures/sites/pinduoduo/'), doc)).toBe(true);
    doc.querySelector('meta[name="huashu-fixture"]')!.setAttribute('content', 'feige');
    expect(adapter.matches(new URL('http://127.0.0.1:5173/fixtures/sites/pinduoduo/'), doc)).toBe(false);
  });

  it('reads messages with sides, newest last, robot replies as seller, images as [图片]', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.messages.map((m) => m.from)).toEqual(['system', 'buyer', 'seller', 'buyer', 'buyer']);
    expect(snap.messages[0]!.text).toContain('买家从商品详情页进入');
    expect(snap.messages[2]!.text).toMatch(/^亲，您好，欢迎光临暖阳家居/);
    expect(snap.messages[3]!.text).toBe('[图片]');
    expect(snap.messages[4]!.text).toBe('我昨天拍的，什么时候发货呀？\n着急用');
    expect(snap.messages[4]!.time).toBe(new Date(2026, 8, 8, 17, 12, 14).getTime());
  });

  it('reads buyer, shop, order and a platform:shop:buyer key from the session uid', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.platform).toBe('pinduoduo');
    expect(snap.buyerName).toBe('小鹿乱撞的糖糖');
    expect(snap.shop).toBe('暖阳家居旗舰店');
    expect(snap.orderId).toBe('260908-418265093712604');
    expect(snap.key).toBe('pinduoduo:暖阳家居旗舰店:8391027712');
  });

  it('finds the compose box and send control, and reports health', () => {
    const doc = load();
    expect(adapter.findComposeBox(doc)?.id).toBe('replyTextarea');
    expect(adapter.findSendButton(doc)?.textContent?.trim()).toBe('发送');
    expect(adapter.health(doc)).toEqual({ messageList: true, composeBox: true, sendButton: true, buyerName: true, orderId: true });
    expect(adapter.watchRoot(doc)).toBe(doc.getElementById('msgListContainer'));
  });

  it('falls back when the primary selectors change', () => {
    const doc = load();
    const box = doc.getElementById('replyTextarea')!;
    box.removeAttribute('id');
    expect(adapter.findComposeBox(doc)).toBe(box); // textarea.custom-scroll
    box.classList.remove('custom-scroll');
    expect(adapter.findComposeBox(doc)).toBe(box); // by placeholder / structure
    const send = doc.querySelector('.send-btn')!;
    send.classList.remove('send-btn');
    expect(adapter.findSendButton(doc)).toBe(send); // labelled 发送 after the box
  });

  it('reports missing parts and reads the replaced list node', () => {
    const doc = load();
    doc.querySelector('.right-panel-container')!.remove();
    expect(adapter.health(doc).orderId).toBe(false);
    expect(adapter.readConversation(doc)!.orderId).toBeUndefined();
    // Vue replaces the list: the adapter must read the new node, not a cached one.
    const list = doc.querySelector('#msgListContainer .msg-list')!;
    const replacement = list.cloneNode(true) as Element;
    replacement.querySelector('li.onemsg')!.remove();
    list.replaceWith(replacement);
    expect(adapter.readConversation(doc)!.messages).toHaveLength(4);
    doc.getElementById('msgListContainer')!.remove();
    expect(adapter.readConversation(doc)).toBeNull();
    expect(adapter.health(doc).messageList).toBe(false);
  });
});
