import { useEffect, useState } from 'preact/hooks';
import type { ConversationSnapshot } from '@/lib/types';
import { waitingSince, waitLevel, formatWait } from '@/lib/waiting-time';
import { t } from '../i18n';

/** How long the buyer has waited since their oldest unanswered message; amber then red near the target. */
export function WaitingTimer({ snapshot, targets }: { snapshot: ConversationSnapshot | null; targets: Record<string, number> }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const since = snapshot ? waitingSince(snapshot.messages) : undefined;
  if (!snapshot || since === undefined) return null;
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  const level = waitLevel(seconds, snapshot.platform, targets);
  return (
    <span class={`wait ${level}`} data-huashu="waiting" data-level={level}>
      {t('waiting')} {formatWait(seconds)}
    </span>
  );
}
