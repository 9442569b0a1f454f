// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { demoAdapter } from '../../lib/sites/demo';
import { createProfileAdapter } from '../../lib/sites/profile';
import { pickAdapter } from '../../lib/sites/registry';

const DEMO = `
  <span data-demo="buyer-name">小鹿乱撞</span><span data-demo="order-id">订单号 6921837465019283746</span>
  <div data-demo="message-list" data-conversation="c2">
    <div data-from="system"><span data-demo="message-text">买家从商品详情页进入咨询</span></div>
    <div data-from="buyer" data-time="1000"><span data-demo="message-text">在吗</span></div>
    <div data-from="seller"><span data-demo="message-text">在的亲</span></div>
    <div data-from="buyer" data-time="3000"><span data-demo="message-text">什么时候发货</span></div>
  </div>
  <textarea data-demo="compose"></textarea><button data-demo="send">发送</button>`;

describe('demo adapter', () => {
  it('reads buyer, order, messages newest last, and a per-conversation key', () => {
    document.body.innerHTML = DEMO;
    const url = new URL('http://127.0.0.1:5173/textarea.html');
    expect(demoAdapter.matches(url, document)).toBe(true);
    expect(pickAdapter(url, document)?.id).toBe('demo');
    const snap = demoAdapter.readConversation(document)!;
    expect(snap.buyerName).toBe('小鹿乱撞');
    expect(snap.orderId).toBe('6921837465019283746');
    expect(snap.messages.map((m) => m.from)).toEqual(['system', 'buyer', 'seller', 'buyer']);
    expect(snap.messages.at(-1)).toEqual({ from: 'buyer', text: '什么时候发货', time: 3000 });
    expect(snap.key).toContain('c2');
    expect(demoAdapter.health(document)).toEqual({ messageList: true, composeBox: true, sendButton: true, buyerName: true, orderId: true });
  });
  it('does not match a page without the chat', () => {
    document.body.innerHTML = '<p>hello</p>';
    expect(demoAdapter.matches(new URL('http://127.0.0.1/'), document)).toBe(false);
    expect(demoAdapter.readConversation(document)).toBeNull();
  });
});

describe('taught profile adapter', () => {
  const profile = {
    origin: 'https://chat.example.com',
    name: '自建客服台',
    selectors: { messageList: '#list', buyerMessage: '.row.them', sellerMessage: '.row.me', composeBox: '#box', sendButton: '#send', buyerName: '.peer' },
    updatedAt: 1,
  };
  it('reads the page in document order through plain selectors', () => {
    document.body.innerHTML = `<b class="peer">王先生</b><div id="list"><p class="row them">你好</p><p class="row me">您好</p><p class="row them">有货吗</p></div><textarea id="box"></textarea><button id="send">send</button>`;
    const a = createProfileAdapter(profile);
    expect(a.matches(new URL('https://chat.example.com/x'), document)).toBe(true);
    expect(a.matches(new URL('https://other.example.com/x'), document)).toBe(false);
    const snap = a.readConversation(document)!;
    expect(snap.messages.map((m) => `${m.from}:${m.text}`)).toEqual(['buyer:你好', 'seller:您好', 'buyer:有货吗']);
    expect(snap.buyerName).toBe('王先生');
    expect(a.findComposeBox(document)?.id).toBe('box');
  });
  it('reports vanished parts instead of throwing, and survives a broken selector', () => {
    document.body.innerHTML = '<div id="list"></div>';
    const a = createProfileAdapter({ ...profile, selectors: { ...profile.selectors, composeBox: '###broken' } });
    expect(a.health(document)).toMatchObject({ messageList: true, composeBox: false });
    expect(() => a.readConversation(document)).not.toThrow();
  });
});
