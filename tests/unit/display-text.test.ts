import { describe, expect, it } from 'vitest';
import { displayScriptText } from '../../lib/display-text';

describe('displayScriptText', () => {
  it('drops {cursor} and keeps highlights on the same words', () => {
    const text = '您好，我们默认发{cursor}快递，全国都能送到';
    const at = text.indexOf('快递');
    const out = displayScriptText(text, [{ start: at, end: at + 2 }]);
    expect(out.text).toBe('您好，我们默认发快递，全国都能送到');
    expect(out.text.slice(out.ranges[0]!.start, out.ranges[0]!.end)).toBe('快递');
  });
  it('leaves other variables and text without markers alone', () => {
    expect(displayScriptText('{买家}您好', [{ start: 0, end: 2 }])).toEqual({ text: '{买家}您好', ranges: [{ start: 0, end: 2 }] });
  });
});
