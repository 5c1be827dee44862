import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import { requireEntityPermission, requirePlatformAdmin } from '../platform/auth/permissions.ts';
import { EntityCodeParams, ErrorView } from './mail-item.schemas.ts';
import { EntityStatisticsSchema, PlatformStatisticsSchema, StatisticsQuery } from './statistics.schemas.ts';
import { entityStatisticsCsv, getEntityStatistics, getPlatformStatistics, platformStatisticsCsv } from './statistics.service.ts';

const CSV_TYPE = 'text/csv; charset=utf-8';
const CsvReply = z.string().describe('CSV pour tableur français : UTF-8 avec BOM, séparateur « ; », virgule décimale, une section par tableau');

const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export async function statisticsRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilotage'];

  app.get('/api/entities/:code/statistics', {
    schema: {
      tags,
      summary: 'Pilotage d’une entité : courriers reçus par canal, type, service et statut ; délais de traitement ; réponses dans le délai légal ; stock par ancienneté',
      params: EntityCodeParams,
      querystring: StatisticsQuery,
      response: { 200: EntityStatisticsSchema, 400: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'read', 'audit', 'admin');
    return getEntityStatistics(req.ctx, req.params.code, req.query);
  });

  app.get('/api/entities/:code/statistics.csv', {
    schema: { tags, summary: 'Pilotage d’une entité, en CSV', params: EntityCodeParams, querystring: StatisticsQuery, response: { 200: CsvReply, 400: ErrorView, 404: ErrorView } },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'read', 'audit', 'admin');
    const stats = await getEntityStatistics(req.ctx, req.params.code, req.query);
    return reply
      .type(CSV_TYPE)
      .header('content-disposition', attachment(`pilotage-${stats.entity.code}-${stats.period.from}-${stats.period.to}.csv`))
      .send(entityStatisticsCsv(stats));
  });

  app.get('/api/statistics', {
    schema: {
      tags,
      summary: 'Pilotage de la plateforme : les mêmes chiffres pour chaque entité et pour toutes ensemble (administrateurs de la plateforme)',
      querystring: StatisticsQuery,
      response: { 200: PlatformStatisticsSchema, 400: ErrorView, 401: ErrorView, 403: ErrorView },
    },
  }, async (req) => {
    requirePlatformAdmin(req.principal);
    return getPlatformStatistics(req.ctx, req.query);
  });

  app.get('/api/statistics.csv', {
    schema: { tags, summary: 'Pilotage de la plateforme, en CSV', querystring: StatisticsQuery, response: { 200: CsvReply, 400: ErrorView, 401: ErrorView, 403: ErrorView } },
  }, async (req, reply) => {
    requirePlatformAdmin(req.principal);
    const stats = await getPlatformStatistics(req.ctx, req.query);
    return reply
      .type(CSV_TYPE)
      .header('content-disposition', attachment(`pilotage-plateforme-${stats.period.from}-${stats.period.to}.csv`))
      .send(platformStatisticsCsv(stats));
  });
}
