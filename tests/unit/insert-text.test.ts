// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { insertText } from '../../lib/insert/insert-text';
import { replaceRange } from '../../lib/insert/replace-range';
import { readFieldText, setSelectionOffsets } from '../../lib/insert/read-field';

const REPLY = '亲，您好！\n请问有什么可以帮您？';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('textarea', () => {
  function textarea(value: string): { ta: HTMLTextAreaElement; events: string[] } {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    ta.value = value;
    const events: string[] = [];
    ta.addEventListener('input', (e) => events.push(`input:${(e as InputEvent).inputType}`));
    ta.addEventListener('change', () => events.push('change'));
    return { ta, events };
  }

  test('inserts at the caret with the native setter and announces input + change', async () => {
    const { ta, events } = textarea('ab');
    ta.focus();
    ta.setSelectionRange(1, 1);
    const result = await insertText(ta, REPLY);
    expect(result).toEqual({ ok: true, strategy: 'textarea-native-setter', editor: 'textarea' });
    expect(ta.value).toBe('a' + REPLY + 'b');
    expect(ta.selectionStart).toBe(1 + REPLY.length);
    expect(events).toEqual(['input:insertText', 'change']);
  });

  test('the native setter bypasses an instance-level value override (what React installs)', async () => {
    const { ta } = textarea('');
    const seen: string[] = [];
    Object.defineProperty(ta, 'value', {
      configurable: true,
      get() {
        return Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.get!.call(this);
      },
      set(v: string) {
        seen.push(v); // a framework tracker: must NOT be the path that writes the value
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(this, v);
      },
    });
    const result = await insertText(ta, '好的');
    expect(result.ok).toBe(true);
    expect(ta.value).toBe('好的');
    expect(seen).toEqual([]);
  });

  test('replaces the selection', async () => {
    const { ta } = textarea('亲，在吗？');
    ta.focus();
    ta.setSelectionRange(2, 4);
    await insertText(ta, '您好');
    expect(ta.value).toBe('亲，您好？');
  });

  test('replaceAll replaces the whole draft', async () => {
    const { ta } = textarea('old draft');
    const result = await insertText(ta, REPLY, { replaceAll: true });
    expect(result.ok).toBe(true);
    expect(ta.value).toBe(REPLY);
  });

  test('uses execCommand first when available and focused', async () => {
    const { ta } = textarea('ab');
    ta.focus();
    ta.setSelectionRange(2, 2);
    const exec = vi.fn((cmd: string, _ui: boolean, value: string) => {
      expect(cmd).toBe('insertText');
      ta.setRangeText(value, ta.selectionStart, ta.selectionEnd, 'end');
      return true;
    });
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    try {
      const result = await insertText(ta, REPLY);
      expect(result.strategy).toBe('textarea-exec-command');
      expect(ta.value).toBe('ab' + REPLY);
      expect(exec).toHaveBeenCalledTimes(1);
    } finally {
      delete (document as unknown as { execCommand?: unknown }).execCommand;
    }
  });

  test('falls through when execCommand reports success but changes nothing', async () => {
    const { ta } = textarea('ab');
    ta.focus();
    (document as unknown as { execCommand: () => boolean }).execCommand = () => true;
    try {
      const result = await insertText(ta, 'x');
      expect(result.strategy).toBe('textarea-native-setter');
      expect(ta.value).toBe('abx');
    } finally {
      delete (document as unknown as { execCommand?: unknown }).execCommand;
    }
  });

  test('refuses a read-only field', async () => {
    const { ta } = textarea('ab');
    ta.readOnly = true;
    const result = await insertText(ta, 'x');
    expect(result.ok).toBe(false);
    expect(ta.value).toBe('ab');
  });

  test('replaceRange rewrites characters [start, end)', async () => {
    const { ta } = textarea('这个绝对是正品');
    const result = await replaceRange(ta, 2, 4, '确实');
    expect(result.ok).toBe(true);
    expect(ta.value).toBe('这个确实是正品');
  });
});

describe('input', () => {
  test('newlines become spaces in a single-line field', async () => {
    document.body.innerHTML = '<input type="text">';
    const input = document.querySelector('input')!;
    let seen = '';
    input.addEventListener('input', () => (seen = input.value));
    const result = await insertText(input, REPLY);
    expect(result).toMatchObject({ ok: true, editor: 'input' });
    expect(input.value).toBe('亲，您好！ 请问有什么可以帮您？');
    expect(seen).toBe(input.value);
  });
});

describe('plain contenteditable', () => {
  function box(html: string): { el: HTMLElement; inputs: string[] } {
    document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
    const el = document.querySelector('div')!;
    const inputs: string[] = [];
    // a widget that only learns its content from input events
    el.addEventListener('input', () => inputs.push(readFieldText(el)));
    return { el, inputs };
  }

  test('Range insertion with <br> keeps the newline and fires input', async () => {
    const { el, inputs } = box('ab');
    el.focus();
    setSelectionOffsets(el, { start: 2, end: 2 });
    const result = await insertText(el, REPLY);
    expect(result).toEqual({ ok: true, strategy: 'contenteditable-range', editor: 'contenteditable' });
    expect(readFieldText(el)).toBe('ab' + REPLY);
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect(inputs.at(-1)).toBe('ab' + REPLY);
  });

  test('unfocused: goes to the end of the draft', async () => {
    const { el } = box('<p>第一行</p><p>第二行</p>');
    const result = await insertText(el, '！');
    expect(result.ok).toBe(true);
    expect(readFieldText(el)).toBe('第一行\n第二行！');
  });

  test('a page paste handler that takes the text is used before Range insertion', async () => {
    const { el } = box('');
    el.addEventListener('paste', (e) => {
      const text = (e as ClipboardEvent).clipboardData!.getData('text/plain');
      e.preventDefault();
      el.textContent = `[${text}]`;
    });
    const result = await insertText(el, 'hi');
    expect(result).toMatchObject({ ok: true, strategy: 'paste' });
    expect(readFieldText(el)).toBe('[hi]');
  });

  test('a trailing newline gets a second <br> so the empty line exists', async () => {
    const { el } = box('ab');
    el.focus();
    setSelectionOffsets(el, { start: 2, end: 2 });
    await insertText(el, '\n');
    expect(el.querySelectorAll('br')).toHaveLength(2);
    expect(readFieldText(el)).toBe('ab\n');
  });

  test('replaceRange across a paragraph boundary', async () => {
    const { el } = box('<p>亲，您好！</p><p>绝对正品</p>');
    const text = readFieldText(el);
    const start = text.indexOf('绝对');
    const result = await replaceRange(el, start, start + 2, '保证');
    expect(result.ok).toBe(true);
    expect(readFieldText(el)).toBe('亲，您好！\n保证正品');
  });

  test('replaceAll in a multi-paragraph draft', async () => {
    const { el } = box('<p>旧的</p><p>草稿</p>');
    const result = await insertText(el, REPLY, { replaceAll: true });
    expect(result.ok).toBe(true);
    expect(readFieldText(el)).toBe(REPLY);
  });

  test('an editor-like element that ignores everything yields ok=false without changing the field', async () => {
    // Slate-marked editor with no Slate behind it: beforeinput and paste are not handled
    document.body.innerHTML = '<div contenteditable="true" data-slate-editor="true"><p>ab</p></div>';
    const el = document.querySelector('div')!;
    const result = await insertText(el, 'x');
    expect(result.ok).toBe(false);
    expect(result.editor).toBe('slate');
    expect(readFieldText(el)).toBe('ab');
  });

  test('no editable element', async () => {
    document.body.innerHTML = '<div>static</div>';
    const result = await insertText(document.querySelector('div')!, 'x');
    expect(result).toMatchObject({ ok: false, strategy: 'none' });
  });
});
