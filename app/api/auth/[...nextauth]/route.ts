import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';
import { clientIp, consumeSignInAttempt } from '@/lib/auth/sign-in-rate-limit';
import { db } from '@/lib/db/client';
import { apiRoute } from '@/lib/http/api-route';

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request, not at import: `next build` imports this module without the runtime secret.
function nextAuth(request: Request, context: Context): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export const GET = apiRoute<Context>(nextAuth);

/**
 * Counts every credentials sign-in attempt before next-auth sees it. Over the limit, the answer
 * is a 429 whose JSON `url` carries `error=RateLimited`, which next-auth's client `signIn()`
 * reports as its error.
 */
export const POST = apiRoute<Context>(async (request, context) => {
  const { nextauth } = await context.params;
  if (nextauth[0] === 'callback' && nextauth[1] === 'credentials') {
    const form = new URLSearchParams(await request.clone().text());
    const decision = await consumeSignInAttempt(db(), { email: form.get('email') ?? '', ip: clientIp(request.headers) });
    if (!decision.allowed) {
      // Behind `next start`, request.url names localhost whatever address the browser used.
      const url = new URL('/sign-in?error=RateLimited', process.env.NEXTAUTH_URL || request.url).toString();
      return Response.json(
        { url, error: 'RateLimited' },
        { status: 429, headers: { 'retry-after': String(decision.retryAfterSeconds) } },
      );
    }
  }
  return nextAuth(request, context);
});
