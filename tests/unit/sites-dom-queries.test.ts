// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  allMatches,
  composeBoxByStructure,
  conversationKey,
  firstMatch,
  isFixtureFor,
  isSendLabel,
  parseChatTime,
  readText,
  sendControlNear,
} from '../../lib/sites/dom-queries';
import { MARKETPLACE_ADAPTERS, marketplaceAdapterFor } from '../../lib/sites/marketplaces';

function html(markup: string): void {
  document.body.innerHTML = markup;
}

describe('parseChatTime', () => {
  const now = new Date(2026, 8, 8, 20, 0, 0);
  it('reads the full Chinese form and dashed/slashed dates', () => {
    expect(parseChatTime('2026年09月08日 17:12:14')).toBe(new Date(2026, 8, 8, 17, 12, 14).getTime());
    expect(parseChatTime('2026-09-08 17:12')).toBe(new Date(2026, 8, 8, 17, 12, 0).getTime());
    expect(parseChatTime('2026/9/8 7:05:09')).toBe(new Date(2026, 8, 8, 7, 5, 9).getTime());
  });
  it('fills in the year or day from now', () => {
    expect(parseChatTime('09-07 23:59', now)).toBe(new Date(2026, 8, 7, 23, 59, 0).getTime());
    expect(parseChatTime('9月7日 08:00', now)).toBe(new Date(2026, 8, 7, 8, 0, 0).getTime());
    expect(parseChatTime('17:12', now)).toBe(new Date(2026, 8, 8, 17, 12, 0).getTime());
    expect(parseChatTime('昨天 17:12', now)).toBe(new Date(2026, 8, 7, 17, 12, 0).getTime());
  });
  it('rejects what is not a time', () => {
    expect(parseChatTime('在吗')).toBeUndefined();
    expect(parseChatTime('2026年13月40日 10:00')).toBeUndefined();
    expect(parseChatTime('25:61')).toBeUndefined();
    expect(parseChatTime('')).toBeUndefined();
  });
});

describe('readText', () => {
  it('skips hidden and placeholder nodes, keeps line breaks, images optional', () => {
    html(
      `<div id="m">第一行<br>第二行<span hidden>隐藏</span><span style="display:none">也隐藏</span><i class="input-placeholder">请输入</i><img src="x.png"><p>段落</p></div>`,
    );
    const el = document.getElementById('m')!;
    expect(readText(el)).toBe('第一行\n第二行\n段落');
    expect(readText(el, { imageText: '[图片]' })).toBe('第一行\n第二行[图片]\n段落');
  });
  it('reads textarea values and tolerates null', () => {
    html('<textarea id="t"></textarea>');
    (document.getElementById('t') as HTMLTextAreaElement).value = '  草稿 ';
    expect(readText(document.getElementById('t'))).toBe('草稿');
    expect(readText(null)).toBe('');
  });
});

describe('selectors and structure', () => {
  it('firstMatch takes the earliest selector with a visible match; bad selectors are skipped', () => {
    html('<div class="b" hidden>隐藏</div><div class="b">B</div><div class="c">C</div>');
    expect(firstMatch(document, [':bogus(', '.a', '.b', '.c'])?.textContent).toBe('B');
    expect(allMatches(document, ['.a', '.b'])).toHaveLength(2);
    expect(firstMatch(document, ['.a'])).toBeNull();
  });

  it('finds a compose box by placeholder, never a search field, and the send control after it', () => {
    html(`<input placeholder="搜索买家"><textarea placeholder="搜索订单"></textarea>
      <div class="pane"><div class="tools"><span class="x1"><svg></svg></span></div>
      <textarea class="k9" placeholder="输入消息"></textarea>
      <div class="foot"><span>还可输入 500 字</span><button class="q2"><span>发 送</span></button></div></div>`);
    const box = composeBoxByStructure(document)!;
    expect(box.className).toBe('k9');
    expect(sendControlNear(box)?.className).toBe('q2'); // the button, not the tool icon before the box
    expect(isSendLabel('发 送')).toBe(true);
    expect(isSendLabel('发送中')).toBe(false);
  });

  it('builds platform:shop:buyer keys', () => {
    expect(conversationKey('pinduoduo', undefined, '小王')).toBe('pinduoduo:default:小王');
    expect(conversationKey('feige', '店:A', 'b')).toBe('feige:店：A:b');
  });

  it('accepts local pages only through the fixture meta', () => {
    html('');
    const meta = document.createElement('meta');
    meta.name = 'huashu-fixture';
    meta.content = 'dongdong';
    document.head.append(meta);
    expect(isFixtureFor(new URL('http://127.0.0.1:5173/x'), document, 'dongdong')).toBe(true);
    expect(isFixtureFor(new URL('http://127.0.0.1:5173/x'), document, 'feige')).toBe(false);
    expect(isFixtureFor(new URL('https://evil.example/x'), document, 'dongdong')).toBe(false);
    expect(marketplaceAdapterFor(new URL('http://localhost:5173/fixtures/sites/dongdong/'), document)?.id).toBe('dongdong');
    meta.remove();
    expect(marketplaceAdapterFor(new URL('http://localhost:5173/'), document)).toBeNull();
  });
});

describe('MARKETPLACE_ADAPTERS', () => {
  it('has one adapter per platform and each real URL picks exactly its own', () => {
    expect(MARKETPLACE_ADAPTERS.map((a) => a.id)).toEqual(['pinduoduo', 'feige', 'dongdong', 'kuaishou', 'shopee']);
    html('');
    const urls: Record<string, string> = {
      pinduoduo: 'https://mms.pinduoduo.com/chat-merchant/index.html#/',
      feige: 'https://im.jinritemai.com/pc_seller_v2/main/workspace',
      dongdong: 'https://dongdong.jd.com/',
      kuaishou: 'https://im.kwaixiaodian.com/workbench',
      shopee: 'https://seller.shopee.cn/webchat/conversations',
    };
    for (const [id, url] of Object.entries(urls)) {
      expect(MARKETPLACE_ADAPTERS.filter((a) => a.matches(new URL(url), document)).map((a) => a.id)).toEqual([id]);
    }
    expect(marketplaceAdapterFor(new URL('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message'), document)).toBeNull();
  });
});
