import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { ErrorView } from '../../registry/mail-item.schemas.ts';
import { getAntivirusStatus } from './antivirus-status.ts';

export const AntivirusStatusSchema = z
  .object({
    configured: z.boolean().describe('false : aucune analyse antivirus des fichiers reçus'),
    endpoint: z.string().nullable().describe('adresse de clamd : unix:/chemin ou tcp://hôte:port'),
    reachable: z.boolean().nullable().describe('clamd a répondu à PING (null sans antivirus configuré)'),
    engine: z.string().nullable().describe('version du moteur, par exemple « ClamAV 1.4.6 »'),
    signatureVersion: z.string().nullable().describe('version de la base de signatures officielle (daily), null si clamd n’en charge aucune'),
    signatureDate: z.string().nullable().describe('date de publication de cette base, telle que clamd la donne'),
    checkedAt: z.string().describe('moment de la vérification (ISO 8601)'),
    heldCount: z.number().int().describe('fichiers retenus en quarantaine, toutes entités, en attente d’analyse'),
    message: z.string().describe('l’état, en clair'),
    warnings: z.array(z.string()),
  })
  .describe('État de l’antivirus');

export async function antivirusRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/platform/antivirus', {
    schema: {
      tags: ['plateforme'],
      summary: 'État de l’antivirus (ClamAV) : configuré ou non, joignable, version des signatures',
      response: { 200: AntivirusStatusSchema, 401: ErrorView },
    },
  }, async (req) => {
    requirePrincipal(req);
    return getAntivirusStatus(req.ctx);
  });
}
