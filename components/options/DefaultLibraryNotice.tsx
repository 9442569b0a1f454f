/**
 * Whose library is in charge: when the default scripts are hidden (the rep
 * chose their own imported library), say so and offer them back in one
 * click; when the rep has a library of their own beside the defaults, offer
 * to hide the defaults. Hidden defaults are never deleted.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReplyScript } from '@/lib/types';
import { call } from '../api';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { showToast } from './ui-state';

/** Below this many scripts of their own, a rep is not offered to hide the defaults. */
const OWN_LIBRARY = 10;

export function DefaultLibraryNotice({ scripts, onChanged }: { scripts: ReplyScript[]; onChanged(): void }) {
  const [state, setState] = useState<{ hidden: number; shown: number } | null>(null);
  useEffect(() => {
    call('defaultLibraryState').then(setState, () => setState(null));
  }, [scripts]);
  if (!state) return null;
  const own = scripts.filter((s) => !s.deleted && s.source !== 'default').length;

  async function set(hidden: boolean) {
    try {
      const { changed } = await call('setDefaultLibrary', { hidden });
      showToast({
        kind: 'success',
        text: hidden
          ? pick({ zh: `已隐藏 ${changed} 条默认话术，只用你自己的话术。`, en: `${changed} default scripts hidden; your own library is in use.` })
          : pick({ zh: `已恢复 ${changed} 条默认话术。`, en: `${changed} default scripts restored.` }),
      });
      onChanged();
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  }

  if (state.hidden > 0) {
    return (
      <div class="message info-box" data-huashu="defaults-hidden-notice">
        {pick({
          zh: `正在使用你自己的话术：${state.hidden} 条默认话术已隐藏（未删除）。`,
          en: `Your own library is in use: ${state.hidden} default scripts are hidden (not deleted).`,
        })}{' '}
        <button data-huashu="restore-defaults" onClick={() => void set(false)}>
          {pick({ zh: '恢复默认话术', en: 'Restore the defaults' })}
        </button>
      </div>
    );
  }
  if (state.shown > 0 && own >= OWN_LIBRARY) {
    return (
      <div class="message muted-box" data-huashu="hide-defaults-offer">
        {pick({ zh: `你有 ${own} 条自己的话术，另有 ${state.shown} 条默认话术。`, en: `You have ${own} scripts of your own and ${state.shown} defaults.` })}{' '}
        <button data-huashu="hide-defaults" onClick={() => void set(true)}>
          {pick({ zh: '只用我的话术（隐藏默认）', en: 'Use only mine (hide the defaults)' })}
        </button>
      </div>
    );
  }
  return null;
}
