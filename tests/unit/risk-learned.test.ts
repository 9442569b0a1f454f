/**
 * The risk guard's learned layer: the shipped weights are what the training
 * script makes from the committed corpus; as a second opinion it raises the
 * open-ended categories the rules' lists miss, over the sentence, naming its
 * reasons and offering a rewrite in the draft's language; it leaves clean
 * look-alikes, help offers and the block categories alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weightsDiffer, type SoftmaxWeights } from '../../lib/learn/softmax';
import { scanText } from '../../lib/risk/scanner';
import { learnedFindings, sentencesOf } from '../../lib/risk/learned/second-opinion';
import { riskModel } from '../../lib/risk/learned/model';
import { RISK_MODEL_TRAINING, trainRiskModel } from '../../lib/risk/learned/train';
import { RISK_WEIGHTS_FILE, riskTrainingExamples } from '../../scripts/train-risk-model';

describe('risk learned layer', () => {
  it('the shipped weights are reproduced by the training script from the committed corpus', () => {
    const shipped = JSON.parse(readFileSync(RISK_WEIGHTS_FILE, 'utf8')) as SoftmaxWeights;
    const retrained = trainRiskModel(riskTrainingExamples(), RISK_MODEL_TRAINING);
    expect(weightsDiffer(retrained, shipped)).toBe(0);
  }, 120_000);

  it('raises impatience and rhetorical scolding nobody listed, over the sentence, with its reasons and a rewrite', () => {
    const text = '亲，我已经跟你讲过三回了，你到底有没有在听啊';
    const rules = scanText(text, { learned: false }).filter((f) => f.category === 'rude_tone');
    const found = learnedFindings(riskModel(), text, rules);
    const all = [...rules, ...found];
    expect(all.map((f) => f.category)).toContain('rude_tone');
    for (const f of found) {
      expect(f.severity).toBe('warn');
      expect(f.message.zh).toContain('用语模型');
      expect(f.rewrite).toBeTruthy();
      expect(text.slice(f.start, f.end)).toBe(f.match);
    }
  });

  it('rewrites an English draft in English', () => {
    const text = 'I already told you three times, can you read or not?';
    const f = scanText(text).find((x) => x.category === 'rude_tone');
    expect(f).toBeDefined();
    if (f!.rewrite) expect(f!.rewrite).toMatch(/^[\x20-\x7e]+$/);
  });

  it('leaves help offers, owned mistakes and plain service replies alone', () => {
    for (const text of [
      '我帮您找快递问一下',
      '这不是您的问题，是我们发错了，马上给您补发',
      '亲，今天下单明天发货哦',
      '这款是纯棉的，洗后不易变形',
      'Hi dear, your parcel has been shipped today.',
    ]) {
      expect(learnedFindings(riskModel(), text, []), text).toEqual([]);
    }
  });

  it('never raises a block category on its own (those take a rule with its context checks)', () => {
    const texts = ['加个绿色软件聊吧，这里不方便', '给个五星我私下补您一点心意', '你脑子是不是进水了'];
    for (const t of texts)
      for (const f of learnedFindings(riskModel(), t, []))
        expect(['offsite_contact', 'offsite_payment', 'review_manipulation', 'abuse', 'privacy']).not.toContain(f.category);
  });

  it('splits drafts into sentences at Chinese and English stops and line breaks', () => {
    const text = '您好。请问有什么可以帮您？\nOk. thanks';
    expect(sentencesOf(text).map(({ start, end }) => text.slice(start, end))).toEqual(['您好。', '请问有什么可以帮您？\n', 'Ok.', ' thanks']);
  });

  it('the shop’s allowed words silence it too', () => {
    const text = 'I already told you three times, can you read or not?';
    expect(learnedFindings(riskModel(), text, []).map((f) => f.category)).toContain('rude_tone');
    expect(scanText(text, { allowed: ['three times'] }).filter((f) => f.category === 'rude_tone')).toEqual([]);
  });
});
