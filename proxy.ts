import { NextResponse, type NextRequest } from 'next/server';

const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const publicPaths = ['/sign-in', '/sign-up'];

/** Optimistic redirect only: every page, action and route still checks the session itself. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.includes(pathname) || pathname.startsWith('/s/')) return NextResponse.next();
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: API routes answer 401 themselves; assets and start frames (/i/…) are public.
  matcher: ['/((?!api/|i/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|woff2?)$).*)'],
};
