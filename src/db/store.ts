// Implements the core's Store over Kysely. Inside transaction() every repository call uses the trx.
import type { Kysely, Transaction } from 'kysely';
import type { Store } from '../core/ports';
import type { AggregateDelta } from '../core/statistics/aggregates';
import { queryAudit, writeAudit } from './audit';
import { writeAuditMany } from './audit-bulk';
import { notificationsRepository } from './repositories/notifications';
import { listOrganizations, orgIdsByCode } from './repositories/organizations';
import { findDefaultPlanId, getPlanDetail, insertPlan, listPlans, setPlanStatus } from './repositories/plans';
import * as users from './repositories/users';
import { getCityAnnualSeries } from './repositories/city-series';
import { evidenceRepository } from './repositories/evidence-files';
import { statisticsRepository } from './repositories/statistics';
import { parkRepository } from './repositories/parks';
import { platformRepository } from './repositories/platforms';
import { projectRepository } from './repositories/projects';
import { knownCodes } from './repositories/registry-common';
import { planTargets, targetById } from './repositories/targets';
import { cityIndicatorSource, cityPeriods, cityMissingIn, cityStatusRows, cityValuesOf, enterpriseBounds } from './repositories/city-status';
import { supervisionRepository } from './repositories/supervision';
import { followUpRepository } from './repositories/supervision-follow-up';
import { cockpitRepository } from './repositories/cockpit';
import { evaluationRepository } from './repositories/evaluation';
import { reviewRepository } from './repositories/review';
import type { DB } from './schema';
import { publicationRepository } from './repositories/publication';
import { loginGuardRepository } from './repositories/login-failures';
import { withReplicaReads } from './replica-reads';

export function createStore(db: Kysely<DB>, read?: Kysely<DB>): Store {
  const store = build(db, (fn) => db.transaction().execute(async (trx) => {
    const inTx = deferringAggregates(trx);
    const result = await fn(inTx.store);
    await inTx.flush();
    return result;
  }));
  return read ? withReplicaReads(store, read) : store;
}

const deltaKey = (d: AggregateDelta) => `${d.indicatorCode}\u0001${d.dimKind}\u0001${d.dimKey}\u0001${d.period}`;

/**
 * A store bound to an open transaction whose aggregate deltas are summed and applied as its last statement,
 * in key order. Every value written moves the same few aggregate rows (the city's, its county's …), and on
 * PostgreSQL an updated row stays locked until the commit: applied where they arise, the deltas held those
 * rows through the rest of the write (rule checks, the batch record, the audit), so concurrent writes queued
 * on them (one-value data entry: 31–39 writes/s at 1 M values). Applied last, the rows are held only for the
 * commit; the same key order in every transaction means two writers cannot deadlock on them. Nothing in a
 * write transaction reads aggregate_value after writing values.
 */
function deferringAggregates(trx: Transaction<DB>): { store: Store; flush: () => Promise<void> } {
  const pending = new Map<string, AggregateDelta>();
  // The base's transaction() joins this one: it is called only after `store` below is made.
  const base = build(trx, (fn) => fn(store));
  const store: Store = {
    ...base,
    statistics: {
      ...base.statistics,
      applyAggregateDeltas: async (deltas) => {
        for (const d of deltas) {
          const k = deltaKey(d);
          const have = pending.get(k);
          if (!have) pending.set(k, { ...d });
          else {
            have.value += d.value; have.n += d.n; have.matchedValue += d.matchedValue;
            have.matchedPrev += d.matchedPrev; have.matchedN += d.matchedN; have.demoN += d.demoN;
          }
        }
      },
    },
  };
  const flush = async () => {
    const keys = [...pending.keys()].sort();
    const list = keys.map((k) => pending.get(k)!).filter((r) => r.n !== 0 || r.matchedN !== 0 || r.demoN !== 0
      || Math.abs(r.value) > 1e-12 || Math.abs(r.matchedValue) > 1e-12 || Math.abs(r.matchedPrev) > 1e-12);
    pending.clear();
    if (list.length) await base.statistics.applyAggregateDeltas(list);
  };
  return { store, flush };
}

/** A store bound to an open transaction; a use-case's own transaction() then simply joins it. */
export function storeInTransaction(trx: Transaction<DB>): Store {
  const store: Store = build(trx, (fn) => fn(store));
  return store;
}

function build(db: Kysely<DB> | Transaction<DB>, transaction: Store['transaction']): Store {
  return {
    transaction,
    users: {
      findByUsername: (u) => users.findUserByUsername(db, u),
      findById: (id) => users.findUserById(db, id),
      list: () => users.listUsers(db),
      insert: (u, now) => users.insertUser(db as Transaction<DB>, u, now),
      updatePasswordHash: (id, h, now) => users.updatePasswordHash(db as Transaction<DB>, id, h, now),
      update: (id, p, v, now) => users.updateUser(db, id, p, v, now),
      countActiveAdmins: () => users.countActiveAdmins(db),
      endSessions: (id) => users.endUserSessions(db, id),
      countSessions: (id, now) => users.countUserSessions(db, id, now),
    },
    sessions: {
      insert: (s) => users.insertSession(db, s),
      findUser: (id, now) => users.findSessionUser(db, id, now),
      delete: (id) => users.deleteSession(db, id),
    },
    orgs: {
      list: (f) => listOrganizations(db, f),
      idsByCode: () => orgIdsByCode(db),
    },
    plans: {
      list: () => listPlans(db),
      defaultId: () => findDefaultPlanId(db),
      detail: (id) => getPlanDetail(db, id),
      insert: (file, ids, opts) => insertPlan(db as Transaction<DB>, file, ids, opts),
      setStatus: (id, status, v, now) => setPlanStatus(db, id, status, v, now),
    },
    reference: {
      seiCategoryCodes: async () => new Set((await db.selectFrom('sei_category').select('code').execute()).map((r) => r.code)),
    },
    audit: { write: (e) => writeAudit(db, e), writeMany: (entries) => writeAuditMany(db, entries), list: (q) => queryAudit(db, q) },
    statistics: statisticsRepository(db),
    targets: {
      ofPlan: (planId) => planTargets(db, planId),
      byId: (id) => targetById(db, id),
      cityAnnualSeries: (code) => getCityAnnualSeries(db, code),
      citySource: (code) => cityIndicatorSource(db, code),
      cityStatusRows: (code, periods, range) => cityStatusRows(db, code, periods, range),
      cityPeriods: (code) => cityPeriods(db, code),
      cityMissingIn: (code, period, previousYear, range) => cityMissingIn(db, code, period, previousYear, range),
      enterpriseBounds: (size) => enterpriseBounds(db, size),
      cityValuesOf: (code, ids, year) => cityValuesOf(db, code, ids, year),
    },
    registries: {
      platforms: platformRepository(db),
      parks: parkRepository(db),
      projects: projectRepository(db),
      knownCodes: () => knownCodes(db),
      evidence: evidenceRepository(db),
    },
    notifications: notificationsRepository(db),
    supervision: supervisionRepository(db),
    supervisionFollowUp: followUpRepository(db),
    cockpit: cockpitRepository(db),
    evaluation: evaluationRepository(db),
    publication: publicationRepository(db),
    review: reviewRepository(db),
    loginGuard: loginGuardRepository(db),
  };
}
