import { describe, expect, it } from 'vitest';
import { runFeatures, type FeaturePage, type PageFeature } from '../../entrypoints/sidebar.content/features/feature';

const page = {} as FeaturePage;

function recorder(id: string, log: string[], options: { applies?: () => boolean; throws?: boolean } = {}): PageFeature {
  return {
    id,
    applies: options.applies,
    start(_page, signal) {
      log.push(`start ${id}`);
      signal.addEventListener('abort', () => log.push(`stop ${id}`));
      if (options.throws) throw new Error(`${id} broke`);
    },
  };
}

describe('the page feature runner', () => {
  it('starts what applies, skips what is switched off, and isolates a feature that throws', () => {
    const log: string[] = [];
    const errors: string[] = [];
    const lifetime = new AbortController();
    const runner = runFeatures(
      [
        recorder('a', log),
        recorder('off', log),
        recorder('broken', log, { throws: true }),
        recorder('never', log, { applies: () => false }),
        recorder('b', log),
      ],
      page,
      lifetime.signal,
      { disabled: () => ['off'], onError: (id) => errors.push(id) },
    );
    expect(runner.running()).toEqual(['a', 'b']);
    expect(errors).toEqual(['broken']);
    expect(log).not.toContain('start off');
    // The broken feature's own signal was aborted at once, the others still run.
    expect(log).toEqual(['start a', 'start broken', 'stop broken', 'start b']);
  });

  it('stops every feature when the content script is invalidated, and restarts them on an adapter change', () => {
    const log: string[] = [];
    const lifetime = new AbortController();
    let applies = true;
    const runner = runFeatures([recorder('a', log), recorder('b', log, { applies: () => applies })], page, lifetime.signal);
    applies = false;
    runner.restart(); // only the feature that depends on the page (declares applies) is asked again
    expect(log).toEqual(['start a', 'start b', 'stop b']);
    expect(runner.running()).toEqual(['a']);
    applies = true;
    runner.restart();
    expect(log.at(-1)).toBe('start b');
    lifetime.abort();
    expect(log.slice(-2).sort()).toEqual(['stop a', 'stop b']);
    const length = log.length;
    runner.restart(); // after invalidation nothing starts again
    expect(log.length).toBe(length);
  });
});
