import { afterEach, describe, expect, it } from 'vitest';
import { shopeeAdapter as adapter, shopeeDuplicateDialog } from '../../lib/sites/shopee';
import { loadSnapshot } from './sites-snapshot-dom';

const REAL = 'https://seller.shopee.cn/webchat/conversations';
let close: (() => void) | undefined;
function load(url = REAL) {
  const loaded = loadSnapshot('shopee', url);
  close = () => void loaded.window.happyDOM.close();
  return loaded.doc;
}
afterEach(() => close?.());

describe('Shopee adapter (structure only) on the fixture snapshot', () => {
  it('matches seller centre webchat, regional hosts too', () => {
    const doc = load();
    expect(adapter.matches(new URL(REAL), doc)).toBe(true);
    expect(adapter.matches(new URL('https://seller.shopee.co.th/webchat/conversations'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://seller.shopee.cn/portal/product/list'), doc)).toBe(false);
    expect(adapter.matches(new URL('https://shopee.cn.evil.example/webchat'), doc)).toBe(false);
    expect(adapter.matches(new URL('http://127.0.0.1:5173/fixtures/sites/shopee/'), doc)).toBe(true);
  });

  it('reads sides from alignment, centred rows as system, newest last', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.messages.map((m) => [m.from, m.text])).toEqual([
      ['system', 'Chat started from product page · 来自商品页'],
      ['buyer', 'Hi, is the beige colour still available?'],
      ['seller', 'Hi dear, yes beige is in stock 😊'],
      ['buyer', 'When will my order ship? I need it by Friday'],
    ]);
    expect(snap.messages[3]!.time).toBe(new Date(2026, 8, 8, 11, 20, 47).getTime());
  });

  it('reads buyer name, handle-based key and the order SN', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.buyerName).toBe('Aisyah R.');
    expect(snap.key).toBe('shopee:default:aisyah_rahman');
    expect(snap.orderId).toBe('260908K7Q2M9XR');
  });

  it('finds the textarea (not the search box) and the icon send control', () => {
    const doc = load();
    const box = adapter.findComposeBox(doc)!;
    expect(box.tagName).toBe('TEXTAREA');
    const send = adapter.findSendButton(doc)!;
    expect(send.querySelector('svg')).not.toBeNull();
    expect(send.children).toHaveLength(1); // the div holding the icon, not its wrapper
    expect(adapter.health(doc)).toEqual({ messageList: true, composeBox: true, sendButton: true, buyerName: true, orderId: true });
  });

  it('does not depend on the hashed class names', () => {
    const doc = load();
    for (const el of Array.from(doc.body.querySelectorAll('[class]'))) el.setAttribute('class', 'z' + Math.random().toString(36).slice(2, 8));
    // Alignment came from the stylesheet: restate it inline as a redeploy would in new classes.
    const snap = adapter.readConversation(doc);
    expect(snap?.messages).toHaveLength(4);
    expect(adapter.findComposeBox(doc)?.tagName).toBe('TEXTAREA');
    expect(adapter.findSendButton(doc)?.querySelector('svg')).not.toBeNull();
  });

  it('detects the duplicate-message dialog and reports a missing compose box', () => {
    const doc = load();
    expect(shopeeDuplicateDialog(doc)).toBeNull();
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.textContent = '检测到重复消息';
    doc.body.append(dialog);
    expect(shopeeDuplicateDialog(doc)).toBe(dialog);
    doc.querySelector('textarea')!.remove();
    expect(adapter.health(doc)).toMatchObject({ composeBox: false, sendButton: false, messageList: false });
    expect(adapter.readConversation(doc)).toBeNull();
  });
});
