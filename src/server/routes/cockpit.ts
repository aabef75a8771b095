// 领导驾驶舱 (cockpit), the records behind its figures, and the pivot analysis. Documented in docs/cockpit.md.
// The cockpit answer is kept until a write: every successful non-GET request of this server clears the
// kept answers (onResponse below); writes of other processes are caught by the store's watermark.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cacheFor } from '../../core/cockpit/cache';
import { getEnterprisePage, listEnterpriseFigures } from '../../core/cockpit/enterprise-figures';
import { getCockpit } from '../../core/cockpit/get-cockpit';
import { getPivot, pivotSheet } from '../../core/cockpit/pivot';
import { parseInput } from '../../core/parse-input';
import { CockpitQuerySchema } from '../../shared/cockpit';
import { tableFile } from '../../files/value-files';
import { requireActor, type AppContext } from '../context';
import { sendDownload } from './file-body';
import { readFileSync } from 'node:fs';
import { referencePath } from '../../db/seed/reference-files';

type Q = Record<string, string | undefined>;

/** A kept answer ready to send: its bytes, their gzip (made once, not per request) and an ETag of the bytes. */
interface Prepared { body: Buffer; gzip: Buffer | null; etag: string }

function prepare(value: object): Prepared {
  const body = Buffer.from(JSON.stringify(value));
  return { body, gzip: body.length >= 1024 ? gzipSync(body) : null, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

const acceptsGzip = (req: FastifyRequest) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
/** If-None-Match names this ETag (a list, weak or strong, or `*`). */
function notModified(req: FastifyRequest, etag: string): boolean {
  const h = req.headers['if-none-match'];
  if (!h) return false;
  return h.split(',').some((t) => { const x = t.trim(); return x === '*' || x === etag || x === `W/${etag}`; });
}

export function cockpitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['cockpit'];
  const cache = cacheFor(ctx.deps.store);
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && reply.statusCode < 400) cache.invalidate();
  });
  // The kept answer is also kept serialized and compressed: a warm request sends stored bytes (gzip when the
  // client accepts it) without walking the object, and a client holding the same answer gets a 304.
  const prepared = new WeakMap<object, Prepared>();

  app.get<{ Querystring: Q }>('/api/cockpit', {
    schema: { tags, summary: '领导驾驶舱 Cockpit of a period (?period=2020|2020Q4|202012): targets, trends, breakdowns, county map, registries, projects, reporting, alerts, supervision; kept until the next write (X-Cockpit-Cache: hit|miss)' },
    config: { policy: { action: 'read', resource: 'progress' } },
  }, async (req, reply) => {
    const q = parseInput(CockpitQuerySchema, req.query);
    const { cockpit, cached } = await getCockpit(ctx.deps, requireActor(req), q, new Date());
    let p = prepared.get(cockpit);
    if (p === undefined) prepared.set(cockpit, (p = prepare(cockpit)));
    // no-cache: the browser keeps the answer but asks each time (the answer changes with any write).
    reply.header('x-cockpit-cache', cached ? 'hit' : 'miss').header('etag', p.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding, cookie');
    if (notModified(req, p.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    if (p.gzip && acceptsGzip(req)) return reply.header('content-encoding', 'gzip').send(p.gzip);
    return reply.send(p.body);
  });

  // The map's polygons (2018 boundaries, MIT, reference/xingtai-counties-2018.geojson), read once; the web
  // fetches it when it first draws the map, so it is not in any JS chunk.
  let geo: string | null = null;
  app.get('/api/cockpit/map.geojson', {
    schema: { tags, summary: '县域地图边界 County polygons of Xingtai (2018 boundaries, GeoJSON; feature id = 2018 division code)' },
    config: { policy: { action: 'read', resource: 'progress' } },
  }, async (_req, reply) => {
    geo ??= readFileSync(referencePath('xingtai-counties-2018.geojson'), 'utf8');
    return reply.header('cache-control', 'private, max-age=86400').type('application/geo+json; charset=utf-8').send(geo);
  });

  app.get<{ Querystring: Q }>('/api/cockpit/enterprises', {
    schema: { tags, summary: '指标背后的企业 Enterprises behind a figure (?period=&indicator=REVENUE&county=&industry=&sei=); at most 200, a cut list says so' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req) => listEnterpriseFigures(ctx.deps, requireActor(req), req.query));

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/cockpit/enterprises/:id', {
    schema: { tags, summary: '企业页 One enterprise\'s monthly figures of a year (?year=2020)' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req) => getEnterprisePage(ctx.deps, requireActor(req), req.params.id, Number(req.query.year) || new Date().getUTCFullYear()));

  app.get<{ Querystring: Q }>('/api/pivot', {
    schema: { tags, summary: '透视分析 Pivot: indicators × dimension (county|industry|sei|park|size|city) × periods (?indicators=A,B&dim=&periods=2019,2020&format=json|xlsx); at most 60 columns, 500 rows (a cut result says so)' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req, reply) => {
    const pivot = await getPivot(ctx.deps, requireActor(req), req.query);
    if (req.query.format !== 'xlsx') return pivot;
    return sendDownload(reply, await tableFile(pivotSheet(pivot), 'xlsx', '透视分析'), `pivot-${pivot.dim}.xlsx`);
  });
}
