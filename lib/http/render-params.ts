import { maxDataPointsParam, targetList, withTimeRange } from './params';

/**
 * The query of `GET /api/graphite/render`, in one place because two readers must agree on it:
 * the route handler and the server's cache fast path (render-fast-path.ts).
 */
export const renderParams = withTimeRange({ target: targetList, maxDataPoints: maxDataPointsParam });
