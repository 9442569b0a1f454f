/**
 * Contact ids written after a cue: 微信号xiaoli, 薇:meimei, QQ是123456,
 * V：abc_88. A strong cue is already a finding; this extends its range over
 * the id, and catches single-character cues (薇, v, q) when a colon or 号/是
 * joins them to an id.
 */
import type { ScanContext } from '../scan-context';
import type { RawHit } from './personal-numbers';
import { STAY_HERE } from '../stay-on-platform';

const ID_AFTER_CUE = /(?:号码|号是|号|是|账号|id)?[a-z0-9_]{3,24}/y;
const WEAK_CUE = /(?<![a-z])(v|q|薇|微|威|扣|企鹅|wei|围|卫)(号是|号|是)?([a-z0-9_]{4,24})/g;

/** End of the id that directly follows a contact cue ending at `end`, or `end` when none. */
export function extendOverContactId(ctx: ScanContext, end: number): number {
  ID_AFTER_CUE.lastIndex = end;
  const m = ID_AFTER_CUE.exec(ctx.digits);
  if (!m) return end;
  // Only swallow an id that looks like one (has a digit or is joined by a colon/号/是).
  const joined = /^(号码|号是|号|是|账号|id)/.test(m[0]) || /[:：]/.test(ctx.gapBefore(end)) || /[0-9]/.test(m[0]);
  return joined ? end + m[0].length : end;
}

const JOINER = /[:：❤♥♡💗💕💖💓💞❣]/u;
/** 1a3b8c0d…: a mobile number with a letter after each digit, so no plain digit run shows. */
const LETTERED_MOBILE = /(?<![a-z0-9])1(?:[a-z][0-9]){10}(?![0-9])/g;

export function findWeakContactIds(ctx: ScanContext): RawHit[] {
  const hits: RawHit[] = [];
  WEAK_CUE.lastIndex = 0;
  for (let m = WEAK_CUE.exec(ctx.digits); m; m = WEAK_CUE.exec(ctx.digits)) {
    const cueEnd = m.index + m[1]!.length;
    const idStart = cueEnd + (m[2]?.length ?? 0);
    // A colon — or a heart, the usual disguise in V❤ abc123 / 微♥信 — joins cue and id.
    const colon = JOINER.test(ctx.gapBefore(cueEnd)) || JOINER.test(ctx.gapBefore(idStart));
    if (!m[2] && !colon) continue;
    // The id must really be an id: at least one letter-digit mix or all digits ≥5, not a size like "xl".
    const id = m[3]!;
    if (!/[0-9]/.test(id) && id.length < 5) continue;
    hits.push({
      category: 'offsite_contact',
      start: m.index,
      end: m.index + m[0].length,
      ruleId: 'contact.id_after_cue',
      rewrite: STAY_HERE,
      rewriteScope: 'sentence',
    });
  }
  LETTERED_MOBILE.lastIndex = 0;
  for (let m = LETTERED_MOBILE.exec(ctx.digits); m; m = LETTERED_MOBILE.exec(ctx.digits)) {
    hits.push({
      category: 'offsite_contact',
      start: m.index,
      end: m.index + m[0].length,
      ruleId: 'contact.lettered_number',
      rewrite: STAY_HERE,
      rewriteScope: 'sentence',
    });
  }
  return hits;
}

/**
 * A chat app or its stand-in and an identifier near each other in one sentence, in either order,
 * with no verb or colon needed: 企鹅 2345678 联系, 2345678 是我扣扣, line id abc_123. Phones are the
 * phone detector's; an order, tracking or model number is not an id.
 */
const CHANNEL = /(企鹅|扣扣|qq|vx|wx|v信|微信|薇信|威信|绿泡泡|whatsapp|wechat|telegram|line|instagram|ig)/g;
/** Digit runs are read in the digit view (二三四五六 counts); handles in the text itself, where o and l stay letters. */
const DIGIT_ID = /(?<![a-z0-9])[0-9]{5,}(?![a-z0-9])/g;
const HANDLE_ID = /(?<![a-z0-9])(?=[a-z_]*[0-9])[a-z][a-z0-9_]{4,}(?![a-z0-9])/g;
const NOT_AN_ID = /(订单|单号|运单|快递|物流|型号|货号|编号|批次|条码|序列|尾号|金额|价格|库存)$/;
/** A sentence listing models (VX-10和VX-20两个型号) names products, not accounts. */
const MODEL_TALK = /(型号|款号|货号|规格|版本|支持)/;
const NEAR = 12;

function identifiers(ctx: ScanContext): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [re, view] of [
    [DIGIT_ID, ctx.digits],
    [HANDLE_ID, ctx.text],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(view); m; m = re.exec(view)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function findChannelIds(ctx: ScanContext): RawHit[] {
  const channels: Array<[number, number]> = [];
  CHANNEL.lastIndex = 0;
  for (let m = CHANNEL.exec(ctx.text); m; m = CHANNEL.exec(ctx.text)) channels.push([m.index, m.index + m[0].length]);
  if (channels.length === 0) return [];
  const hits: RawHit[] = [];
  for (const [idStart, idEnd] of identifiers(ctx)) {
    if (NOT_AN_ID.test(ctx.before(idStart, 4))) continue;
    if (channels.some(([s, e]) => s < idEnd && e > idStart)) continue; // vx202 is a model name, not vx + an id
    if (MODEL_TALK.test(ctx.sentence(idStart, idEnd))) continue;
    const sentence = ctx.sentenceFrom(idStart);
    for (const [cStart, cEnd] of channels) {
      const before = cEnd <= idStart && idStart - cEnd <= NEAR;
      const after = idEnd <= cStart && cStart - idEnd <= NEAR / 2;
      if (!(before || after) || ctx.sentenceFrom(cStart) !== sentence) continue;
      hits.push({
        category: 'offsite_contact',
        start: Math.min(cStart, idStart),
        end: Math.max(cEnd, idEnd),
        ruleId: 'contact.channel_and_id',
        rewrite: STAY_HERE,
        rewriteScope: 'sentence',
      });
      break;
    }
  }
  return hits;
}
