/**
 * Scan the rep's draft as they type (debounced, so typing never lags) and
 * publish the findings to the sidebar, the live highlights and the send guard.
 */
import { effect } from '@preact/signals';
import { createScanner } from '@/lib/risk/scanner';
import { readFieldText } from '@/lib/insert/read-field';
import type { RiskFinding } from '@/lib/types';
import { sidebarState as state } from '@/components/sidebar/state';
import type { PageSession } from '../page-session';
import { onAbort } from './feature';
import { draftWrites } from '@/components/sidebar/stores/draft';

const DEBOUNCE_MS = 120;
/** Beyond this a paste is scanned only in its last part while typing; the send guard scans it all. */
const LIVE_SCAN_LIMIT = 20_000;

type Scanner = ReturnType<typeof createScanner>;

export interface DraftScan {
  /** Scan the compose box now (used by the send guard, never stale). */
  scanNow(box?: HTMLElement | null): { text: string; findings: RiskFinding[] };
  scanText(text: string): RiskFinding[];
  /** The compose box the last findings belong to. */
  box(): HTMLElement | null;
}

/** A page service, not a feature: the send guard and the highlights read it. Runs until `signal` aborts. */
export function startDraftScan(session: PageSession, signal: AbortSignal): DraftScan {
  let scanner: Scanner = createScanner();
  let scannedBox: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Custom banned and allowed words apply at once when the settings change.
  const dispose = effect(() => {
    const s = state.settings.value;
    scanner = createScanner({ customBanned: s?.customBanned ?? [], allowed: s?.allowedWords ?? [] });
    if (scannedBox) scanBox(scannedBox);
  });
  onAbort(signal, dispose);

  const scanBox = (box: HTMLElement) => {
    const text = readFieldText(box);
    const offset = Math.max(0, text.length - LIVE_SCAN_LIMIT);
    const findings = scanner.scan(offset ? text.slice(offset) : text).map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }));
    scannedBox = box;
    draftWrites.found(findings);
    return { text, findings };
  };

  const isComposeBox = (el: EventTarget | null): el is HTMLElement => {
    const box = session.composeBox();
    return !!box && el instanceof Node && (box === el || box.contains(el));
  };

  const onInput = (e: Event) => {
    const target = e.composedPath()[0] ?? e.target;
    if (!isComposeBox(target as EventTarget)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const box = session.composeBox();
      if (box) scanBox(box);
    }, DEBOUNCE_MS);
  };
  document.addEventListener('input', onInput, { capture: true, signal });
  document.addEventListener('compositionend', onInput, { capture: true, signal });
  onAbort(signal, () => timer && clearTimeout(timer));

  return {
    scanNow(box = session.composeBox()) {
      if (!box) return { text: '', findings: [] };
      const text = readFieldText(box);
      const findings = scanner.scan(text);
      scannedBox = box;
      draftWrites.found(findings);
      return { text, findings };
    },
    scanText: (text) => scanner.scan(text),
    box: () => scannedBox,
  };
}
