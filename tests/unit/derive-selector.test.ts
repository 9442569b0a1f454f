// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveKindSelector,
  deriveMessageSelectors,
  deriveUniqueSelector,
  liftToControl,
  liftToEditable,
  liftToMessageList,
  looksHashed,
  readableFragment,
  stableTokens,
} from '../../lib/sites/derive-selector';
import { createProfileAdapter } from '../../lib/sites/profile';
import type { SiteProfile } from '../../lib/types';
import { loadSnapshot } from './sites-snapshot-dom';

function html(markup: string): void {
  document.body.innerHTML = markup;
}
const $ = (s: string) => document.querySelector(s)!;

describe('looksHashed', () => {
  it('flags CSS-module, styled-components, emotion and random mixes', () => {
    for (const t of [
      '_3Fq2sXcL',
      '_2hQk7dLx',
      '_7hJk1Lm',
      '_6Avatar',
      'sc-bdVaJa',
      'css-1x2y3z',
      'a8Kx2',
      'x9fKd2Wm',
      'shopName__a8Kx2',
      'bubble_3kXa9',
      '3col',
    ]) {
      expect(looksHashed(t), t).toBe(true);
    }
  });
  it('keeps readable names, with or without a digit', () => {
    for (const t of [
      'msg-list',
      'chat-item',
      'buyer-item',
      'EditorContent',
      'ql-editor',
      'SendBox-Editor',
      'message_v2',
      'h2',
      'col-6',
      'btn--primary',
      'kwaishop-cs-LayoutDefaultWrapper_msgMain',
      'messageNotMe',
    ]) {
      expect(looksHashed(t), t).toBe(false);
    }
  });
  it('keeps the readable head of a hashed class', () => {
    expect(readableFragment('shopName__a8Kx2')).toBe('shopName');
    expect(readableFragment('bubble_3kXa9')).toBe('bubble');
    expect(readableFragment('msg-list')).toBeUndefined();
    expect(readableFragment('_3Fq2sXcL')).toBeUndefined();
  });
});

describe('stableTokens', () => {
  it('orders ids, hook attributes, classes and fragments; skips hashes, per-record ids and state classes', () => {
    html('<div id="chatPanel" data-qa-id="qa-panel" data-msg-id="88001234" class="panel _x9Kd2 active bubble_3kXa9" role="log"></div>');
    expect(stableTokens($('div'))).toEqual(['#chatPanel', '[data-qa-id="qa-panel"]', '[role="log"]', '.panel', '[class*="bubble"]']);
    expect(stableTokens($('div'), true)).not.toContain('#chatPanel');
  });
  it('ignores hashed ids', () => {
    html('<div id="x8Kd93hf2" class="list"></div>');
    expect(stableTokens($('div'))).toEqual(['.list']);
  });
});

describe('deriveUniqueSelector', () => {
  afterEach(() => html(''));
  it('prefers a unique stable token', () => {
    html('<div class="_a1B2c"><textarea class="_x9Kd2 reply-input" placeholder="说点什么"></textarea></div>');
    expect(deriveUniqueSelector($('textarea'))).toBe('.reply-input');
  });
  it('scopes a shared class under a distinguishing ancestor', () => {
    html(
      '<aside class="conv-list"><span class="peer-name">A</span><span class="peer-name">B</span></aside><header class="chat-head"><span class="peer-name">B</span></header>',
    );
    const el = $('header .peer-name');
    const s = deriveUniqueSelector(el);
    expect(document.querySelector(s)).toBe(el);
    expect(document.querySelectorAll(s)).toHaveLength(1);
  });
  it('falls back to a structural path from an anchored ancestor when everything is hashed', () => {
    html('<div id="app"><div class="_a1B2c"><div class="_x9Kd2">one</div><div class="_x9Kd2">two</div></div></div>');
    const el = document.querySelectorAll('._x9Kd2')[1]!;
    const s = deriveUniqueSelector(el);
    expect(s).not.toMatch(/_x9Kd2|_a1B2c/);
    expect(document.querySelector(s)).toBe(el);
  });
});

describe('deriveMessageSelectors', () => {
  const rows = `
    <div class="scroll-area _k3Jd9">
      <div class="row _r8Kx1 row--in"><span class="t">10:01</span><div class="bubble_3kXa9"><span class="txt">在吗</span></div></div>
      <div class="row _r8Kx1 row--out"><span class="t">10:02</span><div class="bubble_3kXa9"><span class="txt">在的亲</span></div></div>
      <div class="row _r8Kx1 row--in"><span class="t">10:03</span><div class="bubble_3kXa9"><span class="txt">什么时候发货</span></div></div>
      <div class="row _r8Kx1 row--in last"><span class="t">10:04</span><div class="bubble_3kXa9"><span class="txt">急用</span></div></div>
      <div class="sys">系统消息</div>
    </div>`;

  it('generalises one example of each side to all rows of that side, reading the bubble not the time', () => {
    html(rows);
    const list = $('.scroll-area');
    const buyerEx = document.querySelectorAll('.txt')[2]!;
    const sellerEx = document.querySelectorAll('.txt')[1]!;
    const m = deriveMessageSelectors(list, buyerEx, sellerEx)!;
    expect(m).not.toBeNull();
    const buyers = [...list.querySelectorAll(m.buyer)].map((e) => e.textContent);
    const sellers = [...list.querySelectorAll(m.seller)].map((e) => e.textContent);
    expect(buyers).toEqual(['在吗', '什么时候发货', '急用']);
    expect(sellers).toEqual(['在的亲']);
    expect(m.buyer).not.toMatch(/_r8Kx1|last/);
  });

  it('uses a data hook when the page has one', () => {
    html('<ul class="msgs"><li data-from="customer"><p>a</p></li><li data-from="agent"><p>b</p></li><li data-from="customer"><p>c</p></li></ul>');
    const list = $('.msgs');
    const m = deriveMessageSelectors(list, list.querySelectorAll('p')[0]!, list.querySelectorAll('p')[1]!)!;
    expect(m.buyer).toContain('data-from="customer"');
    expect([...list.querySelectorAll(m.buyer)].map((e) => e.textContent)).toEqual(['a', 'c']);
  });

  it('returns null when nothing stable tells the sides apart', () => {
    html('<div class="l"><div class="_a1B2c"><p>a</p></div><div class="_a1B2c"><p>b</p></div></div>');
    const list = $('.l');
    expect(deriveKindSelector(list, list.querySelectorAll('p')[0]!, list.querySelectorAll('p')[1]!)).toBeNull();
  });
});

describe('lifting a click to the part it belongs to', () => {
  it('lifts to the scrolling list, the editor root and the control', () => {
    html(
      '<div class="scroller"><div class="row"><span id="leaf">x</span></div></div><div contenteditable="true" class="ed"><p><span id="inner">y</span></p></div><div class="send" role="button"><svg><path id="p"></path></svg></div><div class="icon-send"><svg><path id="q"></path></svg></div>',
    );
    expect(liftToMessageList($('#leaf'), (e) => e.classList.contains('scroller'))).toBe($('.scroller'));
    expect(liftToEditable($('#inner'))).toBe($('.ed'));
    expect(liftToControl($('#p'))).toBe($('.send'));
    expect(liftToControl($('#q'))).toBe($('.icon-send'));
  });
});

/** Teach each saved marketplace snapshot as if no adapter knew it: the taught profile must read it like the adapter. */
describe('a profile taught on each marketplace snapshot reads it', () => {
  const CASES = [
    {
      platform: 'pinduoduo',
      list: '#msgListContainer',
      buyer: '.buyer-item .msg-text',
      seller: '.cs-item .msg-text',
      compose: 'textarea',
      send: '.send-btn',
      name: '.chat-header .nickname-span',
    },
    {
      platform: 'feige',
      list: '[data-qa-id="qa-message-warpper"]',
      buyer: '.messageNotMe pre',
      seller: '.messageIsMe pre',
      compose: 'textarea',
      send: '[data-qa-id="qa-send-message-button"]',
      name: '#topbar-left-info > span',
    },
    {
      platform: 'dongdong',
      list: '#t-chat-scroll',
      buyer: '.message_left .message__text',
      seller: '.message_right .message__text',
      compose: '.EditorContent',
      send: '.send-button',
      name: '.chat-head-name span',
    },
    {
      platform: 'kuaishou',
      list: '.ChatMessageList',
      buyer: '[class*="__notMe"] .TextMessage-text',
      seller: '[class*="__isMine"] .TextMessage-text',
      compose: '.ql-editor',
      send: '.ant-btn-primary',
      name: '.LoginUserInfo-mainTitle-text',
    },
  ];
  for (const c of CASES) {
    it(c.platform, () => {
      const { window, doc } = loadSnapshot(c.platform, 'https://chat.example.com/');
      try {
        let listEl = doc.querySelector(c.list)!;
        // 飞鸽 wraps each message; the list is their common parent.
        if (c.platform === 'feige') listEl = listEl.parentElement!;
        const buyerEx = [...listEl.querySelectorAll(c.buyer)].at(-1)!;
        const sellerEx = listEl.querySelector(c.seller)!;
        expect(buyerEx && sellerEx).toBeTruthy();
        const m = deriveMessageSelectors(listEl, buyerEx, sellerEx)!;
        expect(m, `${c.platform} message selectors`).not.toBeNull();
        const profile: SiteProfile = {
          origin: 'https://chat.example.com',
          name: c.platform,
          selectors: {
            messageList: deriveUniqueSelector(listEl, doc),
            buyerMessage: m.buyer,
            sellerMessage: m.seller,
            composeBox: deriveUniqueSelector(liftToEditable(doc.querySelector(c.compose)!), doc),
            sendButton: deriveUniqueSelector(liftToControl(doc.querySelector(c.send)!), doc),
            buyerName: deriveUniqueSelector(doc.querySelector(c.name)!, doc),
          },
          updatedAt: 1,
        };
        const snap = createProfileAdapter(profile).readConversation(doc)!;
        // happy-dom's innerText ignores white-space: pre-wrap, so compare without whitespace.
        const squash = (t?: string) => t?.replace(/\s+/g, '');
        expect(squash(snap.messages.filter((x) => x.from === 'buyer').at(-1)?.text)).toBe(squash(buyerEx.textContent!));
        expect(snap.messages.filter((x) => x.from === 'buyer').length).toBe(listEl.querySelectorAll(c.buyer).length);
        expect(snap.messages.filter((x) => x.from === 'seller').length).toBe(listEl.querySelectorAll(c.seller).length);
        expect(snap.buyerName).toBe(doc.querySelector(c.name)!.textContent!.trim());
        expect(doc.querySelector(profile.selectors.composeBox)).toBe(liftToEditable(doc.querySelector(c.compose)!));
      } finally {
        void window.happyDOM.close();
      }
    });
  }
});

describe('hashed classes as the last resort', () => {
  it('Shopee-like rows that differ only by a hash: null by default, a working selector when allowed', () => {
    html(
      '<div class="l"><div class="_8uJk3Pq"><div class="_0bQx4Bb">hi</div></div><div class="_8uJk3Pq _5sRgtMe"><div class="_0bQx4Bb">hello</div></div><div class="_8uJk3Pq"><div class="_0bQx4Bb">ship?</div></div></div>',
    );
    const list = $('.l');
    const [buyer, seller] = [list.querySelectorAll('._0bQx4Bb')[2]!, list.querySelectorAll('._0bQx4Bb')[1]!];
    expect(deriveMessageSelectors(list, buyer, seller)).toBeNull();
    const m = deriveMessageSelectors(list, buyer, seller, { allowHashed: true })!;
    expect([...list.querySelectorAll(m.seller)].map((e) => e.textContent)).toEqual(['hello']);
    // The buyer side has no class of its own: whatever is chosen must still exclude the seller row.
    expect([...list.querySelectorAll(m.buyer)].map((e) => e.textContent)).not.toContain('hello');
  });
});
