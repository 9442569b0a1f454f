/**
 * Follow-up rules, the one import for callers: configuration and defaults
 * per platform, quiet hours, schedules, status transitions, popup buckets,
 * due-time labels and validation. Pure functions; the clock is always passed in.
 */
export * from './config';
export * from './local-time';
export * from './quiet-hours';
export * from './schedule';
export * from './status';
export * from './due-text';
export * from './validate';
export * from './snooze-presets';
