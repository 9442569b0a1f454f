/**
 * The background's one announcement to open sidebars and extension pages:
 * "this changed, read it again". Typed and checked here, so no listener
 * parses ad-hoc objects and nobody polls.
 */
export type Announced = 'library' | 'settings' | 'team';

export interface Announcement {
  huashu: 'changed';
  what: Announced;
}

const KNOWN: ReadonlySet<string> = new Set<Announced>(['library', 'settings', 'team']);

export function announcement(what: Announced): Announcement {
  return { huashu: 'changed', what };
}

/** What a runtime message announces, or null when it is not an announcement. */
export function announcedIn(message: unknown): Announced | null {
  if (typeof message !== 'object' || message === null) return null;
  const { huashu, what } = message as { huashu?: unknown; what?: unknown };
  return huashu === 'changed' && typeof what === 'string' && KNOWN.has(what) ? (what as Announced) : null;
}
