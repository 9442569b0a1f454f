import { afterEach, describe, expect, it } from 'vitest';
import { hasWaitingBuyersReader, waitingBuyersFor } from '../../lib/sites/waiting-buyers';
import { loadSnapshot } from './sites-snapshot-dom';

let close: (() => void) | undefined;
afterEach(() => close?.());
function load(platform: string) {
  const loaded = loadSnapshot(platform, 'https://example.com/');
  close = () => void loaded.window.happyDOM.close();
  return loaded.doc;
}

describe('waiting buyers from the marketplace conversation lists (fixture snapshots)', () => {
  it('拼多多: countdown badge → seconds waited, 已超时 → overdue; the open chat is left out', () => {
    const list = waitingBuyersFor('pinduoduo', load('pinduoduo'));
    // The open conversation (小鹿乱撞的糖糖, 0分50秒 left) is the sidebar's own timer.
    expect(list).toEqual([{ name: 'momo家的小主', overdue: true }]);
  });

  it('拼多多: a countdown on another buyer is turned into seconds waited', () => {
    const doc = load('pinduoduo');
    doc.querySelector('li.chat-item.active')!.classList.remove('active');
    expect(waitingBuyersFor('pinduoduo', doc)).toEqual([
      { name: '小鹿乱撞的糖糖', waitedSeconds: 130 },
      { name: 'momo家的小主', overdue: true },
    ]);
  });

  it('飞鸽: the waitReply and overtime groups, minus the current conversation', () => {
    expect(waitingBuyersFor('feige', load('feige'))).toEqual([{ name: '用户8846291', overdue: true }]);
  });

  it('咚咚: rows with the unreplied tag, minus the checked row', () => {
    expect(waitingBuyersFor('dongdong', load('dongdong'))).toEqual([{ name: 'Cindy_小陈' }]);
  });

  it('快手: the 3-minute and overtime groups with the time since the last message; 星标 is not waiting', () => {
    const doc = load('kuaishou');
    const now = new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate(), 20, 0, 0).getTime();
    expect(waitingBuyersFor('kuaishou', doc, now)).toEqual([{ name: '山里的阿秀', waitedSeconds: 600, overdue: true }]);
  });

  it('adapters without a list reader, unknown ids and broken pages give an empty list', () => {
    const doc = load('shopee');
    expect(waitingBuyersFor('shopee', doc)).toEqual([]);
    expect(waitingBuyersFor(undefined, doc)).toEqual([]);
    expect(waitingBuyersFor('pinduoduo', doc)).toEqual([]);
    expect(hasWaitingBuyersReader('kuaishou')).toBe(true);
    expect(hasWaitingBuyersReader('shopee')).toBe(false);
  });
});
