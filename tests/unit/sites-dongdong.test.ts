import { afterEach, describe, expect, it } from 'vitest';
import { dongdongAdapter as adapter } from '../../lib/sites/dongdong';
import { loadSnapshot } from './sites-snapshot-dom';

const REAL = 'https://dongdong.jd.com/';
let close: (() => void) | undefined;
function load(url = REAL) {
  const loaded = loadSnapshot('dongdong', url);
  close = () => void loaded.window.happyDOM.close();
  return loaded.doc;
}
afterEach(() => close?.());

describe('咚咚 adapter on the fixture snapshot', () => {
  it('matches dongdong.jd.com only', () => {
    const doc = load();
    expect(adapter.matches(new URL(REAL), doc)).toBe(true);
    expect(adapter.matches(new URL('https://item.jd.com/100012.html'), doc)).toBe(false);
    expect(adapter.matches(new URL('http://127.0.0.1:5173/fixtures/sites/dongdong/'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://example.com/'), doc)).toBe(false);
  });

  it('reads sides, system rows, skips the product card into item', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.messages.map((m) => m.from)).toEqual(['system', 'buyer', 'seller', 'buyer']);
    expect(snap.messages.at(-1)!.text).toBe('好的，那我下单了，能今天发吗');
    expect(snap.messages.at(-1)!.time).toBe(new Date(2026, 8, 8, 14, 23, 48).getTime());
    expect(snap.item).toContain('九阳破壁机');
  });

  it('reads buyer, vender id as shop, order id, key from the row id', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.buyerName).toBe('会飞的土豆丝');
    expect(snap.shop).toBe('10086321');
    expect(snap.orderId).toBe('302918475562');
    expect(snap.key).toBe('dongdong:10086321:jd_5f2a9c81e0');
  });

  it('finds the contenteditable editor and the send button; falls back by structure', () => {
    const doc = load();
    const editor = adapter.findComposeBox(doc)!;
    expect(editor.classList.contains('EditorContent')).toBe(true);
    expect(adapter.findSendButton(doc)?.classList.contains('send-button')).toBe(true);
    expect(adapter.health(doc)).toEqual({ messageList: true, composeBox: true, sendButton: true, buyerName: true, orderId: true });
    editor.classList.remove('EditorContent');
    expect(adapter.findComposeBox(doc)).toBe(editor);
    const send = doc.querySelector('.send-button')!;
    send.className = 'x9Kq2';
    send.parentElement!.className = 'y7Lm1';
    expect(adapter.findSendButton(doc)).toBe(send); // labelled 发送, after the editor
  });

  it('health reports a missing buyer header and selected row', () => {
    const doc = load();
    doc.querySelector('.chat-head-name')!.remove();
    doc.querySelector('.alluser-item_check')!.classList.remove('alluser-item_check');
    expect(adapter.health(doc).buyerName).toBe(false);
    expect(adapter.readConversation(doc)).toBeNull();
  });
});
