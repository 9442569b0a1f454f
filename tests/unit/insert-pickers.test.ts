// @vitest-environment happy-dom
// Picker order with stand-in editors: each fake handles only what its real
// counterpart is known to accept, so the chain must find that way in.
import { beforeEach, describe, expect, test } from 'vitest';
import { insertText } from '../../lib/insert/insert-text';
import { readFieldText } from '../../lib/insert/read-field';
import { strategyNames } from '../../lib/insert/strategy-names';
import { syntheticPaste } from '../../lib/insert/synthetic-paste';

const REPLY = '亲，您好！\n请问有什么可以帮您？';

/** Render text as <p> lines, like a block editor re-rendering from its model. */
function render(el: HTMLElement, text: string): void {
  el.replaceChildren(
    ...text.split('\n').map((line) => {
      const p = document.createElement('p');
      p.append(line ? document.createTextNode(line) : document.createElement('br'));
      return p;
    }),
  );
}

function fakeEditor(attrs: string, accept: (e: Event) => string | null): { el: HTMLElement; model: () => string } {
  document.body.innerHTML = `<div contenteditable="true" ${attrs}></div>`;
  const el = document.querySelector('div')!;
  let model = '';
  const handle = (e: Event): void => {
    const text = accept(e);
    if (text === null) return;
    e.preventDefault();
    model += text;
    render(el, model);
  };
  el.addEventListener('beforeinput', handle);
  el.addEventListener('paste', handle);
  render(el, model);
  return { el, model: () => model };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('per-editor chains', () => {
  test('Slate: beforeinput insertFromPaste with a DataTransfer comes first', async () => {
    const { el, model } = fakeEditor('data-slate-editor="true"', (e) =>
      e.type === 'beforeinput' && (e as InputEvent).inputType === 'insertFromPaste'
        ? ((e as InputEvent & { dataTransfer: DataTransfer | null }).dataTransfer?.getData('text/plain') ?? null)
        : null,
    );
    const result = await insertText(el, REPLY);
    expect(result).toEqual({ ok: true, strategy: 'beforeinput-insertFromPaste', editor: 'slate' });
    expect(model()).toBe(REPLY);
    expect(readFieldText(el)).toBe(REPLY);
  });

  test('Slate: falls back to a synthetic paste; never execCommand or Range writes', async () => {
    const { el, model } = fakeEditor('data-slate-editor="true"', (e) =>
      e.type === 'paste' ? (e as ClipboardEvent).clipboardData!.getData('text/plain') : null,
    );
    const result = await insertText(el, REPLY);
    expect(result.strategy).toBe('paste');
    expect(model()).toBe(REPLY);
    expect(strategyNames(el, REPLY)).not.toContain('contenteditable-range');
    expect(strategyNames(el, REPLY).some((n) => n.startsWith('exec-command'))).toBe(false);
  });

  test('Lexical: multi-line text goes in as a paste; single line tries execCommand first', async () => {
    const { el, model } = fakeEditor('data-lexical-editor="true"', (e) =>
      e.type === 'paste' ? (e as ClipboardEvent).clipboardData!.getData('text/plain') : null,
    );
    expect(strategyNames(el, REPLY)[0]).toBe('paste');
    expect(strategyNames(el, '好的')[0]).toBe('exec-command-insertLineBreak');
    const result = await insertText(el, REPLY);
    expect(result).toMatchObject({ ok: true, strategy: 'paste', editor: 'lexical' });
    expect(model()).toBe(REPLY);
  });

  test('ProseMirror, Quill and Draft.js: paste first, execCommand with paragraphs as fallback', () => {
    for (const html of [
      '<div contenteditable="true" class="ProseMirror"></div>',
      '<div class="ql-editor" contenteditable="true"></div>',
      '<div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"></div></div>',
    ]) {
      document.body.innerHTML = html;
      expect(strategyNames(document.querySelector('div')!, REPLY)).toEqual(['paste', 'exec-command-insertParagraph']);
    }
  });

  test('paste-html carries the lines as escaped HTML with <br> next to text/plain', () => {
    document.body.innerHTML = '<div contenteditable="true"></div>';
    const el = document.querySelector('div')!;
    const seen: Record<string, string> = {};
    el.addEventListener('paste', (e) => {
      const data = (e as ClipboardEvent).clipboardData!;
      seen.plain = data.getData('text/plain');
      seen.html = data.getData('text/html');
      e.preventDefault();
    });
    expect(syntheticPaste({ html: true }).run({ field: el, text: 'a<b>&\n"c"' })).toBe(true);
    expect(seen).toEqual({ plain: 'a<b>&\n"c"', html: 'a&lt;b&gt;&amp;<br>&quot;c&quot;' });
  });

  test('page text in a paste is never parsed as HTML by us', async () => {
    let plain = '';
    const { el } = fakeEditor('class="ProseMirror"', (e) => {
      if (e.type !== 'paste') return null;
      plain = (e as ClipboardEvent).clipboardData!.getData('text/plain');
      return plain;
    });
    await insertText(el, '<b>x</b>\ny');
    expect(plain).toBe('<b>x</b>\ny');
    expect(el.querySelector('b')).toBeNull();
    expect(readFieldText(el)).toBe('<b>x</b>\ny');
  });

  test('a strategy that changes the field wrongly stops the chain (no doubled text)', async () => {
    // An editor that swallows newlines on paste and would also accept the next strategy
    const { el, model } = fakeEditor('class="ProseMirror"', (e) =>
      e.type === 'paste' ? (e as ClipboardEvent).clipboardData!.getData('text/plain').replace(/\n/g, '') : null,
    );
    const result = await insertText(el, REPLY);
    expect(result.ok).toBe(false);
    expect(result.strategy).toBe('paste');
    expect(result.reason).toMatch(/does not match/);
    expect(model()).toBe(REPLY.replace('\n', ''));
  });
});
