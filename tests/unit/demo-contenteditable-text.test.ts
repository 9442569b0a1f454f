// @vitest-environment happy-dom
/** Reading and writing plain text in the demo's contenteditable compose box. */
import { describe, expect, it } from 'vitest';
import { readEditableText, writeEditableText } from '../../demo/compose/contenteditable-text';

function editorWith(html: string): HTMLElement {
  const editor = document.createElement('div');
  editor.innerHTML = html; // test-only markup, the shapes browsers produce
  return editor;
}

describe('readEditableText', () => {
  it.each([
    ['a<br>b', 'a\nb'],
    ['a<br><br>', 'a\n'], // Shift+Enter at the end: the last <br> is a placeholder
    ['a<br>', 'a'],
    ['a<div>b</div><div><br></div><div>c</div>', 'a\nb\n\nc'], // execCommand insertText with a blank line
    ['<div>a</div><div>b</div>', 'a\nb'],
    ['<p>a</p><p><br></p>', 'a\n'],
    ['<span>a&nbsp; b</span>', 'a  b'],
    ['', ''],
    ['<br>', ''],
  ])('%j → %j', (html, text) => {
    expect(readEditableText(editorWith(html))).toBe(text);
  });
});

describe('writeEditableText', () => {
  it.each(['', 'a', 'a\nb', 'a\n\nb', 'a\n', '\na', '  两个空格\n第二行'])('round-trips %j', (text) => {
    const editor = document.createElement('div');
    writeEditableText(editor, text);
    expect(readEditableText(editor)).toBe(text);
    expect(editor.querySelector('script,img')).toBeNull();
  });

  it('writes markup-looking text as text', () => {
    const editor = document.createElement('div');
    writeEditableText(editor, '<b>不是粗体</b>');
    expect(editor.querySelector('b')).toBeNull();
    expect(readEditableText(editor)).toBe('<b>不是粗体</b>');
  });
});
