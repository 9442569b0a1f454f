import { HighlightedText } from '../highlighted-text';
import type { ReplyScript, Suggestion } from '@/lib/types';
import { displayScriptText } from '@/lib/display-text';

interface Props {
  suggestion: Pick<Suggestion, 'id' | 'title' | 'text' | 'intent' | 'highlights' | 'clause'> & { source?: ReplyScript['source'] };
  index: number;
  selected: boolean;
  preview: string;
  /** Variables already known (buyer, order, rep, shop), shown filled on the card. */
  values: Record<string, string | undefined>;
  onInsert(): void;
  onHover(): void;
}

/** One reply: title and text with the matched words marked; the filled text shows on hover. */
export function SuggestionCard({ suggestion, index, selected, preview, values, onInsert, onHover }: Props) {
  const titleRanges = (suggestion.highlights ?? []).filter((h) => h.field === 'title');
  const shown = displayScriptText(
    suggestion.text,
    (suggestion.highlights ?? []).filter((h) => h.field === 'text'),
    values,
  );
  return (
    <li
      class={`card${selected ? ' selected' : ''}`}
      data-script-id={suggestion.id}
      data-intent={suggestion.intent}
      role="option"
      aria-selected={selected}
      title={preview}
      onMouseEnter={onHover}
      onClick={onInsert}
    >
      <div class="card-head">
        {index < 9 && <kbd class="num">{index + 1}</kbd>}
        <HighlightedText class="card-title" text={suggestion.title} ranges={titleRanges} />
        {suggestion.clause && <span class="clause">“{suggestion.clause}”</span>}
        {suggestion.source === 'team' && (
          <span
            class="badge team"
            data-huashu="team-badge"
            title="团队共享话术 · Shared by the team"
            style={{ marginLeft: 'auto', fontSize: '11px', padding: '0 4px', borderRadius: '3px', background: '#e8f0fe', color: '#1a56db' }}
          >
            团队
          </span>
        )}
      </div>
      <HighlightedText class="card-text" text={shown.text} ranges={shown.ranges} />
    </li>
  );
}
