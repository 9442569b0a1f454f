// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { trackLastEditable } from '../../lib/insert/focus-tracker';
import { setSelectionOffsets } from '../../lib/insert/read-field';

let controller: AbortController;
afterEach(() => controller?.abort());

describe('trackLastEditable', () => {
  test('remembers the last focused textarea and its selection after focus moves away', () => {
    document.body.innerHTML = '<textarea id="t"></textarea><button id="b">x</button>';
    controller = new AbortController();
    const tracker = trackLastEditable(document, controller.signal);
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    ta.value = 'hello';
    ta.focus();
    ta.setSelectionRange(2, 4);
    ta.dispatchEvent(new Event('keyup', { bubbles: true }));
    (document.getElementById('b') as HTMLButtonElement).focus();
    expect(tracker.get()).toBe(ta);
    expect(tracker.selection()).toEqual({ start: 2, end: 4 });
  });

  test('contenteditable selection saved as text offsets on focusout', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>ab</p><p>cd</p></div><input id="i" type="checkbox">';
    controller = new AbortController();
    const tracker = trackLastEditable(document, controller.signal);
    const el = document.getElementById('e')!;
    el.focus();
    setSelectionOffsets(el, { start: 4, end: 4 });
    (document.getElementById('i') as HTMLInputElement).focus();
    expect(tracker.get()).toBe(el);
    expect(tracker.selection()).toEqual({ start: 4, end: 4 });
  });

  test('ignores our own UI and non-text inputs', () => {
    document.body.innerHTML = '<textarea id="t"></textarea><div id="huashu"><textarea id="ours"></textarea></div><input id="c" type="checkbox">';
    controller = new AbortController();
    const tracker = trackLastEditable(document, controller.signal, { ignore: (el) => !!el.closest('#huashu') });
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    ta.focus();
    (document.getElementById('ours') as HTMLTextAreaElement).focus();
    (document.getElementById('c') as HTMLInputElement).focus();
    expect(tracker.get()).toBe(ta);
  });

  test('forgets an element that left the page, and stops after abort', () => {
    document.body.innerHTML = '<textarea id="t"></textarea><textarea id="u"></textarea>';
    controller = new AbortController();
    const tracker = trackLastEditable(document, controller.signal);
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    ta.focus();
    ta.remove();
    expect(tracker.get()).toBeNull();
    controller.abort();
    (document.getElementById('u') as HTMLTextAreaElement).focus();
    expect(tracker.get()).toBeNull();
  });
});
