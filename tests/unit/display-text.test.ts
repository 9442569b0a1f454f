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
  it('shows known variables filled and leaves unknown ones as placeholders', () => {
    const text = '您好，欢迎光临{店铺}，我是客服{客服}，{买家}您好';
    const at = text.indexOf('欢迎');
    const out = displayScriptText(text, [{ start: at, end: at + 2 }], { 店铺: '话术旗舰店', 客服: '小林' });
    expect(out.text).toBe('您好，欢迎光临话术旗舰店，我是客服小林，{买家}您好');
    expect(out.text.slice(out.ranges[0]!.start, out.ranges[0]!.end)).toBe('欢迎');
    const tail = text.indexOf('您好', 5);
    const out2 = displayScriptText(text, [{ start: tail, end: tail + 2 }], { 店铺: '话术旗舰店', 客服: '小林' });
    expect(out2.text.slice(out2.ranges[0]!.start, out2.ranges[0]!.end)).toBe('您好');
  });
  it('leaves text without placeholders alone', () => {
    expect(displayScriptText('您好', [{ start: 0, end: 2 }])).toEqual({ text: '您好', ranges: [{ start: 0, end: 2 }] });
  });
});
