/**
 * The library as the options page sees it: scripts, usage counts and the
 * settings (for lint options and preview samples), reloaded whenever the
 * background says the library changed (an import, another tab, the sidebar).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { onChanged } from '../announcements';
import type { Settings } from '@/lib/settings';
import type { ReplyScript } from '@/lib/types';
import { call } from '../api';

export interface LibraryData {
  scripts: ReplyScript[];
  usage: Record<string, number>;
  settings: Settings | undefined;
  loaded: boolean;
  error?: unknown;
}

export function useLibrary(): LibraryData & { reload(): Promise<void>; setScripts(update: (s: ReplyScript[]) => ReplyScript[]): void } {
  const [data, setData] = useState<LibraryData>({ scripts: [], usage: {}, settings: undefined, loaded: false });
  const reload = useCallback(async () => {
    try {
      const [scripts, usage, settings] = await Promise.all([call('listScripts', {}), call('usageCounts'), call('getSettings')]);
      setData({ scripts, usage, settings, loaded: true });
    } catch (error) {
      setData((d) => ({ ...d, loaded: true, error }));
    }
  }, []);
  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Coalesce a burst of announcements (an import, a pull) into one reload.
    const stop = onChanged('library', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 150);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [reload]);
  const setScripts = useCallback((update: (s: ReplyScript[]) => ReplyScript[]) => setData((d) => ({ ...d, scripts: update(d.scripts) })), []);
  return { ...data, reload, setScripts };
}
