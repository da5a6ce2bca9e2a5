import { db } from '@/lib/db/client';
import { logger } from '@/lib/log/logger';

export const dynamic = 'force-dynamic';

/** Liveness for the start script and monitors: 200 when the database responds, 503 otherwise. */
export async function GET(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    logger.error({ err: error }, 'health check: database unavailable');
    return Response.json({ ok: false }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
