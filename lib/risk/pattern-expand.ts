/**
 * Expands compact lexicon templates into plain patterns for the automaton.
 *
 *   "加{我|个}?<WX>"   →  加微信, 加我微信, 加个微信, 加vx, …
 *
 * `{a|b}` picks one alternative, a trailing `?` makes the group optional,
 * `<NAME>` inserts a shared word list. Groups nest.
 */
export type MacroTable = Readonly<Record<string, readonly string[]>>;

const LIMIT = 5000;

export function expandPattern(template: string, macros: MacroTable = {}): string[] {
  let pos = 0;

  function sequence(stopAt: string): string[] {
    let acc = [''];
    while (pos < template.length && !stopAt.includes(template[pos]!)) {
      const ch = template[pos]!;
      let options: string[];
      if (ch === '{') {
        pos++;
        options = [];
        for (;;) {
          options.push(...sequence('|}'));
          const stop = template[pos++];
          if (stop === '}') break;
          if (stop !== '|') throw new Error(`unclosed group in ${template}`);
        }
      } else if (ch === '<') {
        const close = template.indexOf('>', pos);
        if (close < 0) throw new Error(`unclosed macro in ${template}`);
        const name = template.slice(pos + 1, close);
        const list = macros[name];
        if (!list) throw new Error(`unknown macro <${name}> in ${template}`);
        options = list.flatMap((item) => expandPattern(item, macros));
        pos = close + 1;
      } else {
        options = [ch];
        pos++;
      }
      if (template[pos] === '?') {
        options = ['', ...options];
        pos++;
      }
      const next: string[] = [];
      for (const a of acc) for (const o of options) next.push(a + o);
      if (next.length > LIMIT) throw new Error(`template expands to too many patterns: ${template}`);
      acc = next;
    }
    return acc;
  }

  const result = sequence('');
  return [...new Set(result)].filter((p) => p.length > 0);
}
