import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../lib/import/import-types';
import { applyChoices, buildImportPreview, buildImportPreviewInChunks, DEFAULT_IMPORT_INTENT } from '../../lib/import/preview';
import type { ReplyScript } from '../../lib/types';

const library: ReplyScript[] = [
  {
    id: 'lib-1',
    group: '问候语',
    intent: 'greeting',
    title: '开场',
    text: '亲，在的，请问有什么可以帮您？',
    triggers: ['在吗'],
    code: 'zd',
    source: 'default',
    updatedAt: 1,
  },
  {
    id: 'lib-2',
    group: '物流相关',
    intent: 'shipping_time',
    title: '发货时间',
    text: '亲，48小时内发货哦',
    triggers: [],
    code: 'fh',
    source: 'user',
    updatedAt: 1,
  },
  {
    id: 'lib-3',
    group: '售后服务',
    intent: 'return_refund',
    title: '退款',
    text: '退款已受理',
    triggers: [],
    code: 'tk',
    source: 'user',
    updatedAt: 1,
    deleted: true,
  },
];

let counter = 0;
const opts = { makeId: () => `new-${++counter}`, now: 1000 };

const records: ImportRecord[] = [
  { row: 2, text: '欢迎光临，新品九折', group: '问候语', code: 'hy' }, // new
  { row: 3, text: '親，在的，請問有什麼可以幫您？', group: '问候语' }, // duplicate of lib-1 (Traditional)
  { row: 4, text: '亲，今天下单明天发货', code: 'FH' }, // conflict with lib-2 (code case folded)
  { row: 5, text: '', error: { code: 'empty-text', zh: '空', en: 'empty' } }, // error
  { row: 6, text: '欢迎光临， 新品九折', group: '问候语' }, // duplicate of row 2 (spaces)
  { row: 7, text: '新品上架啦', code: 'hy' }, // conflict with row 2
  { row: 8, text: '退款已受理', code: 'tk' }, // deleted scripts do not count → new
];

describe('buildImportPreview', () => {
  it('classifies rows and counts them', () => {
    const p = buildImportPreview(records, library, opts);
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'new'],
      [3, 'duplicate'],
      [4, 'conflict'],
      [5, 'error'],
      [6, 'duplicate'],
      [7, 'conflict'],
      [8, 'new'],
    ]);
    expect(p.counts).toEqual({ new: 2, duplicate: 2, conflict: 2, error: 1 });
    expect(p.rows[1]).toMatchObject({ existingId: 'lib-1', problem: { code: 'duplicate-existing' } });
    expect(p.rows[2]).toMatchObject({ existingId: 'lib-2', problem: { code: 'code-conflict' } });
    expect(p.rows[4]).toMatchObject({ otherRow: 2, problem: { code: 'duplicate-in-file' } });
    expect(p.rows[5]).toMatchObject({ otherRow: 2, problem: { code: 'code-conflict-in-file' } });
    expect(p.rows[3]!.script).toBeUndefined();
  });

  it('builds import scripts with unconfirmed intents (the guess, or the neutral default) in the file order', () => {
    const p = buildImportPreview(records, library, {
      ...opts,
      guessIntent: (doc) =>
        doc.text.includes('发货')
          ? [
              { intent: 'shipping_time', probability: 0.9 },
              { intent: 'logistics_track', probability: 0.05 },
            ]
          : [],
    });
    const s2 = p.rows[0]!.script!;
    expect(s2).toMatchObject({
      group: '问候语',
      code: 'hy',
      source: 'import',
      intent: DEFAULT_IMPORT_INTENT,
      intentUnconfirmed: true,
      triggers: [],
      updatedAt: 1000,
      order: 2,
    });
    expect(s2.title).toBe('欢迎光临，新品九折');
    expect(p.rows[2]!.script).toMatchObject({ intent: 'shipping_time', intentUnconfirmed: true, group: '导入话术', order: 4 });
    expect(p.rows[2]!.intentGuess).toEqual({ probability: 0.9, choices: ['shipping_time', 'logistics_track'], confident: true });
    expect(p.rows[6]!.script).toMatchObject({ intent: DEFAULT_IMPORT_INTENT, intentUnconfirmed: true });
  });

  it('guesses intents with the shipped reply-intent model by default, unsure ones marked', () => {
    const p = buildImportPreview(
      [
        { row: 1, text: '亲，我们默认发中通快递，偏远地区需要补运费哦', group: '物流' },
        { row: 2, text: '#12345' },
      ],
      [],
      opts,
    );
    expect(p.rows[0]!.script!.intent).toBe('courier_fee');
    expect(p.rows[0]!.intentGuess!.choices).toHaveLength(3);
    expect(p.rows[0]!.intentGuess!.choices[0]).toBe('courier_fee');
    expect(p.rows[1]!.intentGuess!.confident).toBe(false);
  });

  it("a code the rep's file shares with a default script goes to the rep; the default's code moves aside", () => {
    const defaults: ReplyScript[] = [
      {
        id: 'd-1',
        group: '物流相关',
        intent: 'shipping_time',
        title: '发货时间',
        text: '亲，48小时内发货哦',
        triggers: [],
        code: 'fh',
        source: 'default',
        updatedAt: 1,
      },
      {
        id: 'd-2',
        group: '物流相关',
        intent: 'shipping_time',
        title: '发货时间2',
        text: '亲，当天发',
        triggers: [],
        code: 'fh2',
        source: 'default',
        updatedAt: 1,
      },
    ];
    const p = buildImportPreview([{ row: 2, text: '亲，今天下单明天发货', code: 'FH' }], defaults, opts);
    expect(p.rows[0]).toMatchObject({ status: 'new', codeMove: { existingId: 'd-1', from: 'fh', to: 'fh3' }, warning: { code: 'default-code-moved' } });
    const out = applyChoices(p, {}, { now: 5 });
    expect(out.map((s) => [s.id, s.code])).toEqual([
      ['d-1', 'fh3'],
      ['new-' + counter, 'FH'],
    ]);
    // Skipping the row leaves the default's code alone.
    expect(applyChoices(p, { 2: 'skip' })).toEqual([]);
  });

  it('two rows of one file with the same code: the second is a conflict with the first, even when the library has the code too', () => {
    const p = buildImportPreview(
      [
        { row: 2, text: '亲，今天发货', code: 'fh' },
        { row: 3, text: '亲，明天发货', code: 'fh' },
      ],
      library,
      opts,
    );
    expect(p.rows.map((r) => [r.status, r.problem?.code, r.otherRow])).toEqual([
      ['conflict', 'code-conflict', undefined],
      ['conflict', 'code-conflict-in-file', 2],
    ]);
  });

  it('the intent the rep picks in the preview is stored confirmed', () => {
    const p = buildImportPreview([{ row: 2, text: '亲，今天发货', code: 'zz' }], [], opts);
    const [s] = applyChoices(p, {}, { intents: { 2: 'shipping_time' } });
    expect(s).toMatchObject({ intent: 'shipping_time' });
    expect(s!.intentUnconfirmed).toBeUndefined();
  });

  it('titles cut by code point never end in half an emoji', () => {
    const p = buildImportPreview([{ row: 1, text: '亲，非常抱歉给您带来不便了😀😀😀😀' }], [], opts);
    expect(p.rows[0]!.script!.title).toBe('亲，非常抱歉给您带来不便了😀😀😀…');
  });

  it('titles long phrases by their first line', () => {
    const p = buildImportPreview([{ row: 1, text: '亲，这款衣服是纯棉面料的，透气吸汗不起球\n第二行' }], [], opts);
    expect(p.rows[0]!.script!.title).toBe('亲，这款衣服是纯棉面料的，透气吸…');
  });

  it('keeps intent, triggers and free ids from a backup', () => {
    const p = buildImportPreview(
      [
        {
          row: 1,
          text: '备份里的话术',
          group: '问候语',
          title: '备份',
          base: { id: 'u-9', intent: 'greeting', triggers: ['在吗'], favourite: true, source: 'user' },
        },
        { row: 2, text: '另一条备份', group: '问候语', title: '备份2', base: { id: 'lib-1', intent: 'thanks_bye', triggers: [] } },
      ],
      library,
      opts,
    );
    expect(p.rows[0]!.script).toMatchObject({ id: 'u-9', intent: 'greeting', triggers: ['在吗'], favourite: true, source: 'user' });
    expect(p.rows[0]!.script!.intentUnconfirmed).toBeUndefined();
    expect(p.rows[1]!.script!.id).not.toBe('lib-1');
  });

  it('gives the same result in chunks, with progress', async () => {
    const progress: number[] = [];
    counter = 0;
    const a = buildImportPreview(records, library, opts);
    counter = 0;
    const b = await buildImportPreviewInChunks(records, library, { ...opts, onProgress: (d) => progress.push(d) });
    expect(b.rows).toEqual(a.rows);
    expect(progress.at(-1)).toBe(records.length);
  });
});

describe('applyChoices', () => {
  it('by default writes only new rows', () => {
    const p = buildImportPreview(records, library, opts);
    const out = applyChoices(p, {}, { now: 2000 });
    expect(out.map((s) => s.text)).toEqual(['欢迎光临，新品九折', '退款已受理']);
  });

  it('overwrite updates the library script in place and keeps its intent', () => {
    const p = buildImportPreview(records, library, opts);
    const out = applyChoices(p, { 2: 'skip', 8: 'skip', 4: 'overwrite' }, { now: 2000 });
    expect(out).toEqual([{ ...library[1], text: '亲，今天下单明天发货', code: 'FH', updatedAt: 2000 }]);
  });

  it('keep-both adds the row with a free shortcut code', () => {
    const p = buildImportPreview(records, library, opts);
    const out = applyChoices(p, { 4: 'keep-both', 7: 'keep-both' });
    const codes = out.map((s) => s.code);
    expect(codes).toEqual(['hy', 'FH2', 'hy2', 'tk']);
    expect(new Set(out.map((s) => s.id)).size).toBe(out.length);
  });

  it('overwrite on a clash inside the file makes the later row win', () => {
    const p = buildImportPreview(records, library, opts);
    const out = applyChoices(p, { 7: 'overwrite', 8: 'skip' });
    expect(out.map((s) => [s.text, s.code])).toEqual([['新品上架啦', 'hy']]);
  });

  it('never writes error rows and does not mutate the preview', () => {
    const p = buildImportPreview(records, library, opts);
    const before = JSON.stringify(p.rows);
    const out = applyChoices(p, { 5: 'import', 3: 'import', 4: 'keep-both' });
    expect(out.some((s) => s.text === '')).toBe(false);
    expect(out.some((s) => s.text.startsWith('親'))).toBe(true);
    expect(JSON.stringify(p.rows)).toBe(before);
  });
});
