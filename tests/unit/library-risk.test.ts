import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/risk/scanner.ts';
import type { ReplyScript } from '../../lib/types.ts';

const library = JSON.parse(readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8')) as ReplyScript[];

describe('default library against the risk scanner', () => {
  it('has no block or warn finding in any default script title or text', () => {
    const problems: string[] = [];
    for (const s of library) {
      for (const field of ['title', 'text'] as const) {
        for (const f of scanText(s[field])) {
          if (f.severity === 'block' || f.severity === 'warn') problems.push(`${s.id} ${field}: ${f.category} 「${f.match}」`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('is checked by a scanner that does flag a known red-line phrase (the test above is not vacuous)', () => {
    expect(scanText('加我微信聊').some((f) => f.severity === 'block')).toBe(true);
  });
});
