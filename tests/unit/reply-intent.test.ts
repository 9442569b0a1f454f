/**
 * The reply-intent classifier: the shipped weights are what the training
 * script makes from the committed data, it reads a phrase's intent from its
 * own words (any script, Traditional or Simplified), and bad training data is
 * refused with the line that is wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replyFeatures } from '../../lib/reply-intent/features';
import { ReplyIntentModel } from '../../lib/reply-intent/model';
import { weightsDiffer, type SoftmaxWeights as ReplyIntentWeights } from '../../lib/learn/softmax';
import { REPLY_INTENT_TRAINING, trainReplyIntent } from '../../lib/reply-intent/train';
import { parseCorpus } from '../../lib/reply-intent/training-data';
import { replyIntentModel } from '../../lib/reply-intent/default-model';
import { trainingExamples, WEIGHTS_FILE } from '../../scripts/train-reply-intent';

describe('reply-intent classifier', () => {
  it('the shipped weights are reproduced by the training script from the committed data', () => {
    const shipped = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8')) as ReplyIntentWeights;
    const retrained = trainReplyIntent(trainingExamples(), REPLY_INTENT_TRAINING);
    expect(weightsDiffer(retrained, shipped)).toBe(0);
  }, 120_000);

  it('reads the intent from the reply itself, whatever the group says', () => {
    const model = replyIntentModel();
    const top = (text: string, group?: string) => model.classify({ text, ...(group ? { group } : {}) })[0]!.intent;
    expect(top('亲，我们默认发中通快递，偏远地区需要补运费哦', '常用')).toBe('courier_fee');
    expect(top('亲亲，支持七天无理由退货，退回运费由您承担哦', '我的短语')).toBe('return_refund');
    expect(top('您好，您的订单还没有付款哦，库存紧张，尽快付款我们马上安排发货', '默认分组')).toBe('payment_reminder');
    expect(top('Hi dear, your parcel has been shipped, here is the tracking number')).not.toBe('greeting');
  });

  it('gives probabilities that sum to one, best first', () => {
    const out = replyIntentModel().classify({ text: '好的亲，稍等我帮您查一下' });
    expect(out[0]!.probability).toBeGreaterThanOrEqual(out[1]!.probability);
    expect(out.reduce((s, g) => s + g.probability, 0)).toBeCloseTo(1, 6);
  });

  it('treats Traditional and Simplified, full- and half-width alike, and ignores placeholders', () => {
    expect(replyFeatures({ text: '親，這款支持七天無理由退貨' })).toEqual(replyFeatures({ text: '亲，这款支持七天无理由退货' }));
    expect(replyFeatures({ text: 'ＯＫ的亲' })).toEqual(replyFeatures({ text: 'ok的亲' }));
    expect(replyFeatures({ text: '{买家}您好，订单【订单号】已发货' })).toEqual(replyFeatures({ text: '您好，订单 已发货' }));
  });

  it('trains the same weights twice (seeded order)', () => {
    const data = [
      { text: '亲，今天发货', intent: 'shipping_time' },
      { text: '亲，默认中通快递', intent: 'courier_fee' },
      { text: '亲，今天就发出', intent: 'shipping_time' },
      { text: '亲，发韵达快递', intent: 'courier_fee' },
    ];
    expect(trainReplyIntent(data, { minDocs: 1 })).toEqual(trainReplyIntent(data, { minDocs: 1 }));
    const model = new ReplyIntentModel(trainReplyIntent(data, { minDocs: 1, epochs: 60 }));
    expect(model.classify({ text: '今天发' })[0]!.intent).toBe('shipping_time');
  });

  it('refuses a corpus line without a known intent, naming it', () => {
    const known = new Set(['greeting']);
    expect(() => parseCorpus('{"text":"您好","intent":"greeting"}\n\n{"text":"x","intent":"nope"}', 'c.jsonl', known)).toThrow('c.jsonl:3');
    expect(() => parseCorpus('{oops', 'c.jsonl', known)).toThrow('c.jsonl:1: not valid JSON');
  });
});
