import { errorResponse } from '@/lib/http/route';

// Any /api path no route handles: the documented JSON error rather than Next's HTML 404 page
// (under `npm start` the server hooks answer these before Next; this covers `next dev`).
export const dynamic = 'force-dynamic';

const notFound = (request: Request) =>
  errorResponse(404, 'not_found', `path: ${new URL(request.url).pathname.slice(0, 100)} is not an API route`);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
