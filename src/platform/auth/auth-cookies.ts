import type { FastifyReply } from 'fastify';

/** Cookie names: __Host- prefixed (Secure, Path=/, no Domain) when served over HTTPS. */
export interface AuthCookies {
  session: string;
  oidcFlow: string;
  secure: boolean;
}

const OIDC_FLOW_MAX_AGE_S = 10 * 60;

export function setSessionCookie(reply: FastifyReply, cookies: AuthCookies, token: string) {
  // No Max-Age: the cookie ends with the browser; the server enforces idle and absolute expiry.
  reply.setCookie(cookies.session, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure });
}

export function clearSessionCookie(reply: FastifyReply, cookies: AuthCookies) {
  reply.clearCookie(cookies.session, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure });
}

export function setOidcFlowCookie(reply: FastifyReply, cookies: AuthCookies, token: string) {
  // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
  reply.setCookie(cookies.oidcFlow, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure, maxAge: OIDC_FLOW_MAX_AGE_S });
}

export function clearOidcFlowCookie(reply: FastifyReply, cookies: AuthCookies) {
  reply.clearCookie(cookies.oidcFlow, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure });
}
