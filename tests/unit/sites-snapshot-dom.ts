/**
 * Loads a saved fixture snapshot (tests/fixtures/sites/<platform>/snapshot.html)
 * into a happy-dom Window at a chosen URL, scripts stripped and disabled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export function loadSnapshot(platform: string, url: string): { window: Window; doc: Document } {
  const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sites', platform, 'snapshot.html'), 'utf8').replace(
    /<script\b[^>]*>[\s\S]*?<\/script>/gi,
    '',
  );
  const window = new Window({
    url,
    width: 1360,
    height: 820,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  return { window, doc: window.document as unknown as Document };
}
