/**
 * The contract every page feature keeps (in the spirit of Refined GitHub's
 * `features.add`): an id, when it applies, and `start(page, signal)`.
 *
 * The runner gives each feature its own AbortSignal, aborted when the
 * extension is reloaded under the page (the content script is invalidated)
 * or when the page's adapter changes (the feature is then started again if it
 * still applies). Everything a feature adds to the page (listeners, styles,
 * observers, timers) is removed on that signal. A feature that throws while
 * starting is logged and stopped on its own; the others run on. A rep (or a
 * support person) can switch one off by id in settings (`disabledFeatures`).
 */
import type { LastEditable } from '@/lib/insert/focus-tracker';
import type { PageSession } from '../page-session';
import type { DraftScan } from './draft-scan';

/** What a page feature gets to work with. */
export interface FeaturePage {
  session: PageSession;
  /** The editable the rep last typed in (the compose box, usually). */
  tracker: LastEditable;
  /** The sidebar's shadow root. */
  shadow: ShadowRoot;
  /** The draft's live risk scan, shared by the guard and the highlights. */
  draft: DraftScan;
}

export interface PageFeature {
  /** Stable id, also the name used to switch it off in settings. */
  id: string;
  /** Does it apply on this page, with this adapter? Default: always. */
  applies?(page: FeaturePage): boolean;
  start(page: FeaturePage, signal: AbortSignal): void;
}

export interface FeatureRunner {
  /** The adapter changed: features that declare `applies` are stopped and started again if they still apply. */
  restart(): void;
  /** Ids of the features running now. */
  running(): string[];
}

/**
 * Start `features` on `page` until `lifetime` aborts. `disabled` lists ids
 * switched off in settings; `onError` is told about a feature that failed.
 */
export function runFeatures(
  features: readonly PageFeature[],
  page: FeaturePage,
  lifetime: AbortSignal,
  options: { disabled?: () => readonly string[]; onError?: (id: string, error: unknown) => void } = {},
): FeatureRunner {
  const onError = options.onError ?? ((id, error) => console.error(`[huashu] page feature "${id}" failed`, error));
  const running = new Map<string, AbortController>();

  const start = (feature: PageFeature) => {
    if (lifetime.aborted || (options.disabled?.() ?? []).includes(feature.id)) return;
    const own = new AbortController();
    try {
      if (feature.applies && !feature.applies(page)) return;
      running.set(feature.id, own);
      feature.start(page, AbortSignal.any([lifetime, own.signal]));
    } catch (error) {
      running.delete(feature.id);
      own.abort(); // whatever it added before failing is removed
      onError(feature.id, error);
    }
  };

  for (const feature of features) start(feature);
  return {
    restart() {
      for (const feature of features) {
        if (!feature.applies) continue;
        running.get(feature.id)?.abort();
        running.delete(feature.id);
        start(feature);
      }
    },
    running: () => features.filter((f) => running.has(f.id)).map((f) => f.id),
  };
}

/** Run `cleanup` once when `signal` aborts (at once if it already has). */
export function onAbort(signal: AbortSignal, cleanup: () => void): void {
  if (signal.aborted) cleanup();
  else signal.addEventListener('abort', cleanup, { once: true });
}
