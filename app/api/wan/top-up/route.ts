import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** The out-of-credit failure's link: to the service's page for adding credit (WAN_TOP_UP_URL). Public: it holds no data. */
export async function GET() {
  return Response.redirect(getEnv().wan.topUpUrl, 303);
}
