// 督查看板: tasks grouped by special action with their lights, reasons and figures; filters by light,
// unit, county, special action and text, paged (counts cover every matching task). A department or county user sees its own tasks only. The rows come from
// the board's read model (board-cache.ts), rebuilt only after a supervision write.
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { BoardQuerySchema, type Board, type BoardRow, type LightCounts } from '../../shared/supervision';
import { boardSnapshot } from './board-cache';
import { planIdOf } from './present';
import { canRead } from './scope';

const zero = (): LightCounts => ({ green: 0, yellow: 0, red: 0, closed: 0 });

export async function getBoard(deps: Deps, actor: Actor | null, raw: unknown, today: string): Promise<Board> {
  if (actor) authorize(actor, 'read', 'supervision_task');
  const q = parseInput(BoardQuerySchema, raw);
  const asOf = q.asOf ?? today;
  const snap = await boardSnapshot(deps, await planIdOf(deps, q.planId), asOf);
  const text = q.q?.trim().toLowerCase();
  const rows = new Map<string, BoardRow>();
  const counts = zero();
  let total = 0;
  for (const e of snap.entries) {
    const light = e.row.light.light;
    if (q.light && light !== q.light) continue;
    if (q.orgId && !e.orgIds.has(q.orgId)) continue;
    if (q.specialActionId && e.specialActionId !== q.specialActionId) continue;
    if (q.countyId && !e.countyIds.has(q.countyId)) continue;
    if (text && !e.text.includes(text)) continue;
    if (!canRead(actor, e.node)) continue;
    let r = rows.get(e.specialActionId);
    if (!r) rows.set(e.specialActionId, (r = { specialAction: snap.heads.get(e.specialActionId)!, counts: zero(), tasks: [] }));
    if (total >= q.offset && total < q.offset + q.limit) r.tasks.push(e.row);
    total += 1;
    r.counts[light] += 1;
    counts[light] += 1;
  }
  const specialActions = [...snap.heads.values()].map((h) => ({ id: h.id, code: h.code, title: h.title }));
  return { asOf, planId: snap.planId, counts, rows: [...rows.values()], specialActions, total, offset: q.offset, limit: q.limit };
}
