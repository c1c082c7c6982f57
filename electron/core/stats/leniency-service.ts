import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { MemberPattern } from '../../../shared/api/channels/stats';
import { memberPatterns, type ScoredProduct } from '../../../shared/ocop/leniency';
import type { CoreContext } from '../context';
import { CoreError, notFound } from '../errors';
import { readRegistrySettings } from '../registry/settings-service';
import { computeSession } from '../results/results-service';
import { verifyPin } from '../scoring/member-pin';

/**
 * Members' scoring patterns for the chair (leniency monitoring, issue 17 item 5): every product of
 * the council's finalized sessions (finalization in force, result complete) with its members'
 * totals and part totals, as the results area computes them; a member is one person across
 * their membership periods (a role change makes a new period linked by previous_id).
 *
 * Only the council's current chair may ask, naming themself; a chair with a PIN must give it.
 * On a shared laptop without PINs this separates screens, not people (docs/guide/statistics.md).
 */
export async function leniency(ctx: CoreContext, input: ChannelParsedInput<'stats:leniency'>) {
  const council = await ctx.db.selectFrom('council').select(['id', 'name']).where('id', '=', input.councilId).executeTakeFirst();
  if (!council) throw notFound('Council', input.councilId);
  const members = await ctx.db
    .selectFrom('council_member')
    .select(['id', 'full_name', 'role', 'previous_id', 'active_to', 'pin_hash'])
    .where('council_id', '=', council.id)
    .execute();
  const chair = members.find((m) => m.id === input.chairMemberId);
  if (!chair || chair.role !== 'chair' || chair.active_to !== null) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Members' scoring patterns are for the chair of ${council.name} only; member ${input.chairMemberId} is not its current chair`,
      { councilId: council.id, memberId: input.chairMemberId },
    );
  }
  if (chair.pin_hash !== null && !(input.pin !== undefined && verifyPin(input.pin, chair.pin_hash))) {
    throw new CoreError('WRONG_PIN', `${chair.full_name} has a PIN; enter it to see the members' scoring patterns`, {
      memberId: chair.id,
    });
  }
  const byId = new Map(members.map((m) => [m.id, m]));
  const rootOf = (id: number): number => {
    let m = byId.get(id);
    let guard = 0;
    while (m && m.previous_id !== null && guard++ < 100) m = byId.get(m.previous_id) ?? undefined;
    return m?.id ?? id;
  };
  // Name and role of the person: their open membership, else their latest one.
  const latest = new Map<number, { name: string; role: string; open: boolean }>();
  for (const m of [...members].sort((x, y) => x.id - y.id)) {
    const k = rootOf(m.id);
    if (!latest.get(k)?.open) latest.set(k, { name: m.full_name, role: m.role, open: m.active_to === null });
  }

  const sessions = await ctx.db
    .selectFrom('session_finalization as f')
    .innerJoin('session as s', 's.id', 'f.session_id')
    .select('s.id')
    .where('s.council_id', '=', council.id)
    .where('f.reopened_at', 'is', null)
    .orderBy('s.date')
    .execute();
  const products: ScoredProduct[] = [];
  const sessionsOf = new Map<number, Set<number>>();
  for (const s of sessions) {
    const computed = await computeSession({ db: ctx.db, sqlite: ctx.sqlite }, s.id, 1);
    for (const p of computed.products) {
      if (p.ranking.status !== 'complete') continue;
      const scored = p.ranking.members.filter((m) => !m.disqualified);
      products.push({
        members: scored.map((m) => ({ memberKey: rootOf(m.memberId), totalCenti: m.totalCenti, partCenti: m.partCenti })),
      });
      for (const m of scored) {
        const k = rootOf(m.memberId);
        if (!sessionsOf.has(k)) sessionsOf.set(k, new Set());
        sessionsOf.get(k)!.add(s.id);
      }
    }
  }
  const settings = await readRegistrySettings(ctx.db);
  const rules = { thresholdPoints: settings.leniencyThresholdPoints, minProducts: settings.leniencyMinProducts };
  const patterns = memberPatterns(products, rules);
  const out: MemberPattern[] = patterns.map((p) => ({
    ...p,
    fullName: latest.get(p.memberKey)?.name ?? `#${p.memberKey}`,
    role: latest.get(p.memberKey)?.role ?? 'member',
    sessions: sessionsOf.get(p.memberKey)?.size ?? 0,
  }));
  return {
    councilName: council.name,
    sessions: sessions.length,
    products: products.length,
    thresholdPoints: rules.thresholdPoints,
    minProducts: rules.minProducts,
    members: out,
  };
}
