/**
 * Structure instead of phrases: a chat app (or its stand-in) and an
 * identifier near each other in one sentence, either order, no verb needed;
 * order, tracking and model numbers, and apps named as a product's feature,
 * are not contact.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/risk/scanner';

const cats = (text: string) =>
  scanText(text)
    .filter((f) => f.severity !== 'tip')
    .map((f) => f.category);

describe('a channel and an identifier', () => {
  it.each(['企鹅 2345678 联系', '8866123 是我的扣扣，有事找', '我的 line id mei_2024 加一下', '企鹅 二三四五六七八', 'wechat: shopgirl_88'])(
    '%s is off-platform contact',
    (text) => {
      expect(cats(text)).toContain('offsite_contact');
    },
  );

  it.each([
    '订单号 2345678 用微信支付的',
    '这款有VX-10和VX-20两个型号',
    '这款耳机支持Telegram和WhatsApp语音通话',
    '请勿在微信里把验证码 123456 告诉任何人',
    '快递单号 YT2345678901，已经发出',
  ])('%s stays clean', (text) => {
    expect(cats(text)).toEqual([]);
  });
});
