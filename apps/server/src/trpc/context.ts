import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';

export interface Context {
  deps: AppDeps;
  principal: Principal | null;
  /** Set when a bearer token was sent but did not verify; protected procedures report it. */
  tokenProblem: string | null;
  ip: string;
  requestId: string;
  log: FastifyRequest['log'];
}

export async function createContext(
  deps: AppDeps,
  { req }: { req: FastifyRequest; res: FastifyReply },
): Promise<Context> {
  const header = req.headers.authorization;
  let principal: Principal | null = null;
  let tokenProblem: string | null = null;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) tokenProblem = 'The Authorization header must be "Bearer <token>"';
    else {
      principal = await deps.tokens.verify(match[1]);
      if (!principal) tokenProblem = 'Your session token is invalid or has expired; sign in again';
    }
  }
  return { deps, principal, tokenProblem, ip: req.ip, requestId: String(req.id), log: req.log };
}
