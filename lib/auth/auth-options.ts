import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GithubProvider from 'next-auth/providers/github';
import { env } from '../config/env';
import { db } from '../db/client';
import { logger } from '../log/logger';
import { findOrCreateGithubUser } from './github-account';
import { verifyCredentials } from './verify-credentials';

/**
 * Session lifetime. The token only carries the user id: role, name and existence are re-read from
 * the database on every request, so a long lifetime does not keep a demoted user's rights alive.
 */
const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** next-auth configuration: email + password, plus GitHub when GITHUB_ID and GITHUB_SECRET are set. */
export function authOptions(): NextAuthOptions {
  const config = env();

  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        const user = await verifyCredentials(db(), { email: credentials?.email, password: credentials?.password });
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GithubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }

  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'github') return true;
        // GitHub's profile adds `login` (the user name) to the standard OAuth fields.
        const fields: Record<string, unknown> = { ...profile };
        const user = await findOrCreateGithubUser(db(), {
          githubId: String(account.providerAccountId),
          email: typeof fields.email === 'string' ? fields.email : null,
          name: typeof fields.name === 'string' ? fields.name : null,
          login: typeof fields.login === 'string' ? fields.login : null,
        });
        if (!user) {
          logger.warn({ githubId: account.providerAccountId }, 'GitHub sign-in rejected: the profile has no email, or the email is already registered');
          return '/sign-in?error=GithubAccountNotLinked';
        }
        return true;
      },
      async jwt({ token, user, account }) {
        // The token's subject is always Holdout's user id, whichever provider signed the user in.
        if (account?.provider === 'github') {
          const linked = await db().user.findUnique({ where: { githubId: String(account.providerAccountId) }, select: { id: true } });
          if (linked) token.sub = linked.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
    },
  };
}
