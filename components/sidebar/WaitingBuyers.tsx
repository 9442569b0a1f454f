import { useEffect, useState } from 'preact/hooks';
import { waitingBuyersFor, type WaitingBuyer } from '@/lib/sites/waiting-buyers';
import { formatWait } from '@/lib/waiting-time';
import { pick } from '../i18n';

const CSS = `
.waiting-buyers { font-size: 12px; margin: 4px 0 0; color: var(--hs-muted, #667085); display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.waiting-buyers .wb-label { font-weight: 600; }
.waiting-buyers .wb { white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis; color: var(--hs-text, #1f2329); }
.waiting-buyers .wb.overdue { color: var(--hs-block, #d92d20); }
`;

/**
 * Other buyers the marketplace marks as waiting (unreplied badges, 待回复/已超时
 * groups), re-read every two seconds from the page's conversation list.
 * Read-only: the page is never changed.
 */
export function WaitingBuyers({ platform }: { platform: string | undefined }) {
  const [buyers, setBuyers] = useState<WaitingBuyer[]>([]);
  useEffect(() => {
    const read = () => setBuyers(waitingBuyersFor(platform, document));
    read();
    const id = setInterval(read, 2000);
    return () => clearInterval(id);
  }, [platform]);
  if (buyers.length === 0) return null;
  return (
    <div class="waiting-buyers" data-huashu="waiting-buyers">
      <style>{CSS}</style>
      <span class="wb-label">{pick({ zh: `待回复 ${buyers.length}：`, en: `Waiting ${buyers.length}: ` })}</span>
      {buyers.slice(0, 6).map((b, i) => (
        <span key={b.name + i} class={`wb${b.overdue ? ' overdue' : ''}`} data-overdue={b.overdue ? 'true' : undefined}>
          {b.name}
          {b.overdue ? pick({ zh: '（已超时）', en: ' (overdue)' }) : b.waitedSeconds !== undefined ? ` ${formatWait(b.waitedSeconds)}` : ''}
        </span>
      ))}
      {buyers.length > 6 && <span>…</span>}
    </div>
  );
}
