/** Terminal rendering: plain text, bold as upper-case-free markers removed, buttons as "#n Label" choices. */
import { MARK, stripMarks, type Button, type Reply } from '../core/reply.ts';

export function renderPlain(r: Reply, firstButton: number, ansi: boolean): { text: string; buttons: Button[] } {
  let body = r.title ? `${MARK.b[0]}${r.title}${MARK.b[1]}\n${r.text}` : r.text;
  body = ansi ? body.replaceAll(MARK.b[0], '\x1b[1m').replaceAll(MARK.b[1], '\x1b[22m') : body;
  const lines = [stripMarks(body)];
  const buttons: Button[] = [];
  for (const row of r.buttons ?? []) {
    lines.push(`  ${row.map((b) => {
      buttons.push(b);
      return `[#${firstButton + buttons.length - 1} ${stripMarks(b.label)}]`;
    }).join('  ')}`);
  }
  return { text: lines.join('\n'), buttons };
}
