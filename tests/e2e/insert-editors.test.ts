/**
 * lib/insert against the real editors in Chromium: every fixture page under
 * tests/fixtures/editors/ exposes window.__editorState() (the framework's or
 * editor's MODEL, not the DOM), a send button enabled only while the model
 * holds text, and window.__sent (what a click on send delivered).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server';
import { findBrowser, installHint } from '../../scripts/browser/find-browser';
import { settled } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPLY = '亲，您好！\n请问有什么可以帮您？';

const EDITORS = ['react-textarea', 'vue-textarea', 'lexical', 'slate', 'prosemirror', 'quill', 'plain-contenteditable'] as const;
const EXPECTED_KIND: Record<(typeof EDITORS)[number], string> = {
  'react-textarea': 'textarea',
  'vue-textarea': 'textarea',
  lexical: 'lexical',
  slate: 'slate',
  prosemirror: 'prosemirror',
  quill: 'quill',
  'plain-contenteditable': 'contenteditable',
};

let server: Server;
let browser: Browser;
let base: string;
let insertBundle: string;
const strategies: Record<string, Record<string, string>> = {};

interface InsertResult {
  ok: boolean;
  strategy: string;
  editor: string;
  reason?: string;
}

declare global {
  interface Window {
    HuashuInsert: typeof import('./insert-editors-entry');
    __editorState?: () => string;
    __sent?: string[];
    __tracker?: { get(): HTMLElement | null; selection(): { start: number; end: number } | null };
  }
}

beforeAll(async () => {
  server = await startDemoServer(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./insert-editors-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'HuashuInsert',
    target: 'chrome120',
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  insertBundle = out.outputFiles[0]!.text;
  const found = findBrowser();
  if (!found) throw new Error(installHint());
  browser = await chromium.launch({
    executablePath: found.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  console.log('strategy used per editor:\n' + JSON.stringify(strategies, null, 2));
});

async function openEditor(name: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/fixtures/editors/${name}/`);
  await page.waitForFunction(() => typeof window.__editorState === 'function', null, { timeout: 10_000 });
  await page.addScriptTag({ content: insertBundle });
  await page.evaluate(() => {
    window.__tracker = window.HuashuInsert.trackLastEditable(document, new AbortController().signal);
  });
  expect(errors).toEqual([]);
  return page;
}

const model = (page: Page): Promise<string> => page.evaluate(() => window.__editorState!());

async function typeInto(page: Page, text: string): Promise<void> {
  await page.click('#editor');
  await page.keyboard.type(text);
  await expect.poll(() => model(page)).toBe(text);
}

function insert(page: Page, text: string, options: { replaceAll?: boolean } = {}): Promise<InsertResult> {
  return page.evaluate(([t, o]) => window.HuashuInsert.insertText(document.querySelector<HTMLElement>('#editor')!, t, o), [text, options] as const);
}

function record(editor: string, scenario: string, result: InsertResult): void {
  (strategies[editor] ??= {})[scenario] = result.ok ? result.strategy : `FAILED (${result.strategy}: ${result.reason})`;
}

async function expectSendDelivers(page: Page, expected: string): Promise<void> {
  await expect.poll(() => page.isEnabled('#send')).toBe(true);
  await page.click('#send');
  const sent = await page.evaluate(() => window.__sent ?? []);
  expect(sent.at(-1)).toBe(expected);
}

describe.each(EDITORS)('%s', (name) => {
  test('detects the editor kind', async () => {
    const page = await openEditor(name);
    const kind = await page.evaluate(() => window.HuashuInsert.detectEditor(document.querySelector<HTMLElement>('#editor')!));
    expect(kind).toBe(EXPECTED_KIND[name]);
    await page.close();
  });

  test('insertText at the caret after typed characters keeps the newline in the model', async () => {
    const page = await openEditor(name);
    await typeInto(page, 'ab');
    const result = await insert(page, REPLY);
    record(name, 'insert', result);
    expect(result).toMatchObject({ ok: true, editor: EXPECTED_KIND[name] });
    await expect.poll(() => model(page)).toBe('ab' + REPLY);
    expect(await page.evaluate(() => window.HuashuInsert.readFieldText(document.querySelector<HTMLElement>('#editor')!))).toBe('ab' + REPLY);
    await expectSendDelivers(page, 'ab' + REPLY);
    await page.close();
  });

  test('replaceAll replaces the whole draft', async () => {
    const page = await openEditor(name);
    await typeInto(page, 'old draft');
    const result = await insert(page, REPLY, { replaceAll: true });
    record(name, 'replaceAll', result);
    expect(result.ok).toBe(true);
    await expect.poll(() => model(page)).toBe(REPLY);
    await expectSendDelivers(page, REPLY);
    await page.close();
  });

  test('replaceRange rewrites characters on both lines by text offset', async () => {
    const page = await openEditor(name);
    await typeInto(page, 'ab');
    expect((await insert(page, REPLY)).ok).toBe(true);
    await expect.poll(() => model(page)).toBe('ab' + REPLY);
    const draft = 'ab' + REPLY;
    // Second line first so the first rewrite's offsets stay valid.
    const second = draft.indexOf('帮您');
    const r2 = await page.evaluate(([s, e]) => window.HuashuInsert.replaceRange(document.querySelector<HTMLElement>('#editor')!, s, e, '为您效劳'), [
      second,
      second + 2,
    ] as const);
    record(name, 'replaceRange', r2);
    expect(r2.ok).toBe(true);
    const first = draft.indexOf('您好');
    const r1 = await page.evaluate(([s, e]) => window.HuashuInsert.replaceRange(document.querySelector<HTMLElement>('#editor')!, s, e, '晚上好'), [
      first,
      first + 2,
    ] as const);
    expect(r1.ok).toBe(true);
    const expected = 'ab亲，晚上好！\n请问有什么可以为您效劳？';
    await expect.poll(() => model(page)).toBe(expected);
    await expectSendDelivers(page, expected);
    await page.close();
  });

  test('after focus moved away, inserts at the remembered caret', async () => {
    const page = await openEditor(name);
    await typeInto(page, 'ab');
    await page.keyboard.press('ArrowLeft');
    await page.click('h1'); // the rep clicks somewhere else (e.g. Huashu's sidebar)
    const result = await page.evaluate(async (text) => {
      const tracker = window.__tracker!;
      const target = tracker.get();
      if (!target) throw new Error('tracker lost the compose box');
      return window.HuashuInsert.insertText(target, text, { selection: tracker.selection() ?? undefined });
    }, REPLY);
    record(name, 'afterBlur', result);
    expect(result.ok).toBe(true);
    await expect.poll(() => model(page)).toBe('a' + REPLY + 'b');
    await expectSendDelivers(page, 'a' + REPLY + 'b');
    await page.close();
  });
});

// Each fallback in an editor's chain, forced on its own: it either gets the
// whole text into the MODEL or leaves the draft untouched (no half inserts).
const fallbacks: Record<string, Record<string, string>> = {};
const timings: Record<string, number[]> = {};

describe.each(EDITORS)('%s chain, one strategy at a time', (name) => {
  test('every strategy in the chain works alone or changes nothing', async () => {
    const probe = await openEditor(name);
    const names = await probe.evaluate((t) => window.HuashuInsert.strategyNames(document.querySelector<HTMLElement>('#editor')!, t), REPLY);
    await probe.close();
    expect(names.length).toBeGreaterThan(0);
    for (const strategy of names) {
      const page = await openEditor(name);
      await typeInto(page, 'ab');
      const { result, ms } = await page.evaluate(
        async ([t, only]) => {
          const started = performance.now();
          const r = await window.HuashuInsert.insertText(document.querySelector<HTMLElement>('#editor')!, t, { onlyStrategy: only });
          return { result: r, ms: performance.now() - started };
        },
        [REPLY, strategy] as const,
      );
      (fallbacks[name] ??= {})[strategy] = result.ok ? 'works' : `no (${result.reason})`;
      if (result.ok) {
        (timings[name] ??= []).push(Math.round(ms));
        await expect.poll(() => model(page)).toBe('ab' + REPLY);
        await expectSendDelivers(page, 'ab' + REPLY);
      } else {
        expect(await model(page)).toBe('ab');
      }
      await page.close();
    }
    // The first strategy of every chain must work on the real editor.
    expect(fallbacks[name]![names[0]!]).toBe('works');
  });
});

afterAll(() => {
  console.log('each strategy forced alone:\n' + JSON.stringify(fallbacks, null, 2));
  console.log('insertText wall time per editor when it worked (ms, informational):\n' + JSON.stringify(timings));
});

// Facts about the editors that the pickers rely on (see lib/insert/slate.ts and lexical.ts).
// If an editor upgrade changes them, these fail and the picker order deserves a second look.
describe('editor facts behind the pickers', () => {
  test('Slate: execCommand text shows in the DOM but never reaches the model', async () => {
    const page = await openEditor('slate');
    await typeInto(page, 'ab');
    await page.evaluate(() => document.execCommand('insertText', false, '好的'));
    await expect.poll(() => page.evaluate(() => window.HuashuInsert.readFieldText(document.querySelector<HTMLElement>('#editor')!))).toBe('ab好的');
    expect(await model(page)).toBe('ab');
    await page.close();
  });

  test('Lexical: one execCommand insertText with a newline does not keep the text intact', async () => {
    const page = await openEditor('lexical');
    await typeInto(page, 'ab');
    await page.evaluate((t) => document.execCommand('insertText', false, t), REPLY);
    await settled(page); // Lexical commits its update before the next frames
    expect(await model(page)).not.toBe('ab' + REPLY);
    await page.close();
  });
});

describe('contenteditable inside an open shadow root', () => {
  test('insert at the caret, then replaceRange on the second line', async () => {
    const page = await openEditor('shadow-contenteditable');
    await page.click('#host >> #editor');
    await page.keyboard.type('ab');
    await expect.poll(() => model(page)).toBe('ab');
    const field = () => page.evaluateHandle(() => document.querySelector('#host')!.shadowRoot!.querySelector<HTMLElement>('#editor')!);
    const result = await page.evaluate(([el, t]) => window.HuashuInsert.insertText(el, t), [await field(), REPLY] as const);
    (strategies['shadow-contenteditable'] ??= {}).insert = result.strategy;
    expect(result).toMatchObject({ ok: true, editor: 'contenteditable' });
    await expect.poll(() => model(page)).toBe('ab' + REPLY);
    const at = ('ab' + REPLY).indexOf('帮您');
    const r2 = await page.evaluate(([el, s]) => window.HuashuInsert.replaceRange(el, s, s + 2, '为您效劳'), [await field(), at] as const);
    expect(r2.ok).toBe(true);
    await expect.poll(() => model(page)).toBe('ab亲，您好！\n请问有什么可以为您效劳？');
    await expectSendDelivers(page, 'ab亲，您好！\n请问有什么可以为您效劳？');
    await page.close();
  });
});

describe.each(['react-textarea', 'vue-textarea'] as const)('%s undo', (name) => {
  test('Ctrl+Z after insertion restores the previous draft', async () => {
    const page = await openEditor(name);
    await typeInto(page, 'ab');
    const result = await insert(page, REPLY);
    expect(result.strategy).toBe('textarea-exec-command');
    await expect.poll(() => model(page)).toBe('ab' + REPLY);
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe('ab');
    await page.close();
  });
});
