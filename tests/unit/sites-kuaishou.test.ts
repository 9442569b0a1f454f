import { afterEach, describe, expect, it } from 'vitest';
import { kuaishouAdapter as adapter } from '../../lib/sites/kuaishou';
import { loadSnapshot } from './sites-snapshot-dom';

const REAL = 'https://im.kwaixiaodian.com/workbench';
let close: (() => void) | undefined;
function load(url = REAL) {
  const loaded = loadSnapshot('kuaishou', url);
  close = () => void loaded.window.happyDOM.close();
  return loaded.doc;
}
afterEach(() => close?.());

describe('快手 adapter on the fixture snapshot', () => {
  it('matches the workbench and the older chat URL', () => {
    const doc = load();
    expect(adapter.matches(new URL(REAL), doc)).toBe(true);
    expect(adapter.matches(new URL('https://s.kwaixiaodian.com/zone/settles/chat'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://s.kwaixiaodian.com/zone/goods/list'), doc)).toBe(false);
    expect(adapter.matches(new URL('http://127.0.0.1:5173/fixtures/sites/kuaishou/'), doc)).toBe(true);
  });

  it('reads sides from the __isMine / __notMe modifiers, system rows without one', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.messages.map((m) => [m.from, m.text])).toEqual([
      ['system', '买家通过直播间进入会话'],
      ['buyer', '主播说的买二送一还有吗'],
      ['seller', '有的亲，直播间下单拍两件自动送一件哦'],
      ['buyer', '我拍了怎么没送'],
    ]);
    expect(snap.messages[3]!.time).toBe(new Date(2026, 8, 8, 20, 14, 3).getTime());
  });

  it('reads buyer, shop, the first order .oid, key', () => {
    const snap = adapter.readConversation(load())!;
    expect(snap.buyerName).toBe('快乐小番茄');
    expect(snap.orderId).toBe('2409081739265014');
    expect(snap.key).toBe('kuaishou:山野食光土特产店:快乐小番茄');
  });

  it('finds the Quill editor and the 发 送 button (Ant Design spacing)', () => {
    const doc = load();
    expect(adapter.findComposeBox(doc)?.classList.contains('ql-editor')).toBe(true);
    const send = adapter.findSendButton(doc)!;
    expect(send.tagName).toBe('BUTTON');
    expect(send.closest('.SendBox')).not.toBeNull();
    expect(adapter.health(doc)).toEqual({ messageList: true, composeBox: true, sendButton: true, buyerName: true, orderId: true });
  });

  it('falls back when the SendBox class names change', () => {
    const doc = load();
    const editor = doc.querySelector('.ql-editor')!;
    doc.querySelector('.SendBox-Editor')!.className = 'a8Jd2';
    doc.querySelector('.SendBox')!.className = 'b7Kq1';
    expect(adapter.findComposeBox(doc)).toBe(editor);
    const button = doc.querySelector('button.ant-btn')!;
    button.className = 'c1Zz0';
    expect(adapter.findSendButton(doc)).toBe(button);
  });

  it('health reports a missing order list', () => {
    const doc = load();
    doc.getElementById('OrderListDom')!.remove();
    expect(adapter.health(doc).orderId).toBe(false);
    expect(adapter.readConversation(doc)!.orderId).toBeUndefined();
  });
});
