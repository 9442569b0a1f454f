import type { FollowUpKind, ReplyScript, RiskFinding, Suggestion } from '@/lib/types';

/** What the sidebar's components may ask the page logic to do. */
export interface SidebarActions {
  insert(script: Pick<Suggestion, 'id'>, via: 'click' | 'keyboard'): Promise<void>;
  search(query: string, group: string): Promise<ReplyScript[]>;
  /** The filled text of a script, for the hover preview. */
  preview(script: Pick<ReplyScript, 'text'>): string;
  /** The variable values this conversation and the settings provide. */
  knownValues(): Record<string, string | undefined>;
  focusCompose(): void;
  useGenericMode(): void;
  teachPage(): void;
  setOpen(open: boolean): void;
  setWidth(width: number): void;
  applyRewrite(finding: RiskFinding): Promise<void>;
  logFollowUp(kind: FollowUpKind): Promise<void>;
  openOptions(): void;
}
