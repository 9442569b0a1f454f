// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { detectEditor } from '../../lib/insert/detect-editor';
import { getCaretOffset, getSelectionOffsets, readFieldText, setSelectionOffsets } from '../../lib/insert/read-field';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readFieldText', () => {
  test('textarea and input give their value', () => {
    const ta = mount('<textarea></textarea>') as HTMLTextAreaElement;
    ta.value = '亲\n在的';
    expect(readFieldText(ta)).toBe('亲\n在的');
  });

  test('paragraph blocks become lines; a <br> that only holds an empty line open adds nothing', () => {
    const el = mount('<div contenteditable="true"><p>亲，您好！</p><p><br></p><p>请问</p></div>');
    expect(readFieldText(el)).toBe('亲，您好！\n\n请问');
  });

  test('<br> inside a line is a newline, a trailing <br> is not', () => {
    const el = mount('<div contenteditable="true">第一行<br>第二行<br></div>');
    expect(readFieldText(el)).toBe('第一行\n第二行');
  });

  test('Chromium-style first line followed by <div> lines', () => {
    const el = mount('<div contenteditable="true">甲<div>乙</div><div><br></div><div>丙</div></div>');
    expect(readFieldText(el)).toBe('甲\n乙\n\n丙');
  });

  test('skips placeholders and zero-width caret anchors', () => {
    const el = mount(
      '<div contenteditable="true" data-slate-editor="true"><div data-slate-node="element">' +
        '<span data-slate-placeholder="true" contenteditable="false">输入回复…</span>' +
        '<span data-slate-zero-width="n">\uFEFF<br></span></div></div>',
    );
    expect(readFieldText(el)).toBe('');
  });

  test('a wrapper resolves to the editable inside it; nbsp reads as a space', () => {
    const el = mount('<div class="compose"><div contenteditable="true"><p>a\u00A0b</p></div></div>');
    expect(readFieldText(el)).toBe('a b');
  });
});

describe('selection offsets in a contenteditable', () => {
  test('offsets round-trip across block boundaries and <br>', () => {
    const el = mount('<div contenteditable="true"><p>ab</p><p>c<br>de</p></div>');
    const text = readFieldText(el);
    expect(text).toBe('ab\nc\nde');
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        setSelectionOffsets(el, { start, end });
        expect(getSelectionOffsets(el)).toEqual({ start, end });
      }
    }
  });

  test('caret offset is null when the selection is outside the field', () => {
    document.body.innerHTML = '<div id="a" contenteditable="true">ab</div><p id="b">x</p>';
    const sel = document.getSelection()!;
    const range = document.createRange();
    range.setStart(document.getElementById('b')!.firstChild!, 0);
    sel.removeAllRanges();
    sel.addRange(range);
    expect(getCaretOffset(document.getElementById('a')!)).toBeNull();
  });

  test('caret in an empty line between paragraphs', () => {
    const el = mount('<div contenteditable="true"><p>ab</p><p><br></p><p>cd</p></div>');
    setSelectionOffsets(el, { start: 3, end: 3 });
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.startContainer).toBe(el.children[1]);
    expect(getCaretOffset(el)).toBe(3);
  });
});

describe('detectEditor', () => {
  const cases: Array<[string, string]> = [
    ['<textarea></textarea>', 'textarea'],
    ['<input type="text">', 'input'],
    ['<input>', 'input'],
    ['<div contenteditable="true" data-lexical-editor="true"><p><br></p></div>', 'lexical'],
    ['<div contenteditable="true" data-slate-editor="true"></div>', 'slate'],
    ['<div contenteditable="true" class="ProseMirror" translate="no"><p></p></div>', 'prosemirror'],
    ['<div class="ql-container"><div class="ql-editor" contenteditable="true"><p><br></p></div></div>', 'quill'],
    ['<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"></div></div></div>', 'draft'],
    ['<div contenteditable="true"></div>', 'contenteditable'],
    ['<div contenteditable="plaintext-only"></div>', 'contenteditable'],
  ];
  test.each(cases)('%s → %s', (html, kind) => {
    expect(detectEditor(mount(html))).toBe(kind);
  });

  test('a node deep inside an editor resolves to the editor', () => {
    const el = mount('<div contenteditable="true" class="ProseMirror"><p><strong>hi</strong></p></div>');
    expect(detectEditor(el.querySelector('strong') as HTMLElement)).toBe('prosemirror');
  });
});
