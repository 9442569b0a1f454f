/**
 * The send guard: Enter in the compose box and clicks on the page's send
 * control are seen first (window, capture phase). A draft with block-level
 * findings (or warn-level ones in strict mode) is not sent: a dialog offers
 * the rewrite, going back to edit, or sending anyway with a reason (logged).
 * A clean draft passes untouched and at once. The guard never sends twice,
 * never changes the draft unasked, and ignores Enter while an IME composes.
 */
import { insertText } from '@/lib/insert/insert-text';
import { applyAllRewrites } from '@/lib/risk/rewrite-all';
import type { RiskFinding } from '@/lib/types';
import { call } from '@/components/api';
import { pick } from '@/components/i18n';
import { sidebarState as state } from '@/components/sidebar/state';
import { dialogs, type GuardDecision } from '@/components/sidebar/dialogs';
import type { PageSession } from '../page-session';
import { ignoreInvalidated } from '../page-session';
import { showNotice } from '../notices';
import type { DraftScan } from './draft-scan';
import type { PageFeature } from './feature';
import { truncateText } from '@/lib/text/truncate';

type Trigger = { kind: 'key'; target: HTMLElement; ctrlKey: boolean; metaKey: boolean } | { kind: 'button'; button: HTMLElement };

async function sha256(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function askRep(findings: RiskFinding[], text: string): Promise<GuardDecision> {
  return dialogs.ask('sendGuard', { findings, text });
}

export const sendGuard: PageFeature = {
  id: 'send-guard',
  start: ({ session, draft }, signal) => startSendGuard(session, draft, signal),
};

function startSendGuard(session: PageSession, draft: DraftScan, signal: AbortSignal): void {
  /** The one reviewed draft allowed through once after "send anyway". */
  let approvedText: string | null = null;
  /** After blocking a keydown, swallow the same key's keypress/keyup so no page sends on those. */
  let swallowEnterUntilKeyUp = false;

  const blockingOf = (findings: RiskFinding[]) => {
    const strict = state.settings.value?.strictMode ?? false;
    return findings.filter((f) => f.severity === 'block' || (strict && f.severity === 'warn'));
  };

  const resend = (trigger: Trigger) => {
    swallowEnterUntilKeyUp = false; // the resent keypress/keyup must reach the page
    if (trigger.kind === 'button') {
      trigger.button.click();
      return;
    }
    const init: KeyboardEventInit = {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
      which: 13,
      bubbles: true,
      cancelable: true,
      composed: true,
      ctrlKey: trigger.ctrlKey,
      metaKey: trigger.metaKey,
    } as KeyboardEventInit;
    trigger.target.focus();
    for (const type of ['keydown', 'keypress', 'keyup']) trigger.target.dispatchEvent(new KeyboardEvent(type, init));
  };

  /**
   * Set while an applied rewrite is still going into the editor (insertion
   * waits for the page's framework to settle). A send pressed meanwhile would
   * read the old draft, so it waits for the rewrite and is reviewed then.
   */
  let rewriting: Promise<void> | null = null;

  /** Returns true when the send must be stopped (the dialog takes over, or it waits for a rewrite). */
  const review = (box: HTMLElement, trigger: Trigger): boolean => {
    if (rewriting) {
      void rewriting.then(() => {
        if (!review(box, trigger)) resend(trigger);
      });
      return true;
    }
    const { text, findings } = draft.scanNow(box);
    if (approvedText !== null) {
      const pass = approvedText === text;
      approvedText = null;
      if (pass) return false;
    }
    const blocking = blockingOf(findings);
    if (!blocking.length) {
      const warns = findings.filter((f) => f.severity === 'warn');
      if (warns.length)
        showNotice(
          'info',
          pick({
            zh: `已发送。有 ${warns.length} 处用语建议调整：${warns.map((f) => `“${f.match}”`).join('、')}`,
            en: `Sent. ${warns.length} wording hint(s): ${warns.map((f) => `"${f.match}"`).join(', ')}`,
          }),
        );
      return false;
    }
    if (dialogs.isOpen('sendGuard')) return true; // the dialog is already open: swallow repeats
    void askRep(findings, text)
      .then((decision) => act(decision, box, text, findings, trigger))
      .catch(ignoreInvalidated);
    return true;
  };

  const act = async (decision: GuardDecision, box: HTMLElement, text: string, findings: RiskFinding[], trigger: Trigger) => {
    if (decision.kind === 'edit') {
      box.focus();
      return;
    }
    if (decision.kind === 'rewrite') {
      const rewritten = applyAllRewrites(text, findings);
      const done = (async () => {
        const result = await insertText(box, rewritten, { replaceAll: true }).catch(() => ({ ok: false }));
        if (!result.ok) showNotice('error', pick({ zh: '没能改写输入框内容，请手动修改。', en: 'Could not rewrite the draft; please edit it by hand.' }));
        draft.scanNow(box);
        box.focus();
      })();
      rewriting = done;
      await done.finally(() => {
        if (rewriting === done) rewriting = null;
      });
      return;
    }
    // Send anyway: log the override (a hash, never the text), then send exactly this draft once.
    const site = session.snapshot()?.platform ?? session.adapter()?.id ?? 'generic';
    await call('logRiskOverride', {
      site,
      categories: [...new Set(blockingOf(findings).map((f) => f.category))],
      textHash: await sha256(text),
      reason: truncateText(decision.reason, 500),
    }).catch(ignoreInvalidated);
    approvedText = text;
    resend(trigger);
  };

  const pathHas = (e: Event, el: Element | null) => !!el && e.composedPath().includes(el);

  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.isComposing || e.keyCode === 229) return;
      const box = session.composeBox();
      if (!box || !pathHas(e, box)) return;
      if (review(box, { kind: 'key', target: (e.composedPath()[0] as HTMLElement) ?? box, ctrlKey: e.ctrlKey, metaKey: e.metaKey })) {
        e.preventDefault();
        e.stopImmediatePropagation();
        swallowEnterUntilKeyUp = true;
      }
    },
    { capture: true, signal },
  );
  for (const type of ['keypress', 'keyup'] as const) {
    window.addEventListener(
      type,
      (e) => {
        if (!swallowEnterUntilKeyUp || e.key !== 'Enter') return;
        e.preventDefault();
        e.stopImmediatePropagation();
        if (type === 'keyup') swallowEnterUntilKeyUp = false;
      },
      { capture: true, signal },
    );
  }

  window.addEventListener(
    'click',
    (e) => {
      let button: HTMLElement | null = null;
      try {
        button = session.adapter()?.findSendButton(document) ?? null;
      } catch {
        button = null;
      }
      if (!button || !pathHas(e, button)) return;
      const box = session.composeBox();
      if (!box) return;
      if (review(box, { kind: 'button', button })) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    { capture: true, signal },
  );
}
