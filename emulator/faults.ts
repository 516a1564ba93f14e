import { z } from 'zod';

export const FAULT_ROUTES = ['create', 'status', 'files', 'balance'] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const ERROR_STATUSES = [500, 502, 503, 504] as const;
export const DEFAULT_ERROR_STATUSES: readonly ErrorStatus[] = [500, 503];
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** The faults that act on single requests, and so can be scoped to routes. */
export const REQUEST_FAULTS = ['latencyMs', 'errorRate', 'rateLimitBurst', 'malformedRate', 'dropRate'] as const;
export type RequestFault = (typeof REQUEST_FAULTS)[number];

/** Names the expected shape when the value is not an object, keeping zod's own message for unknown keys. */
const objectError = (message: string) => (issue: { code: string }) => (issue.code === 'invalid_type' ? message : undefined);

const rate = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(0, `${name} must be between 0 and 1`)
    .max(1, `${name} must be between 0 and 1`);
const count = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be an integer`)
    .min(1, `${name} must be at least 1`);
const routes = z.array(z.enum(FAULT_ROUTES, { error: `routes may only contain ${FAULT_ROUTES.join(', ')}` }), {
  error: 'routes must be an array',
});

export const faultsSchema = z.strictObject(
  {
    latencyMs: z
      .number({ error: 'latencyMs must be a number' })
      .int('latencyMs must be an integer')
      .min(0, 'latencyMs must be between 0 and 120000')
      .max(120_000, 'latencyMs must be between 0 and 120000')
      .optional(),
    errorRate: rate('errorRate').optional(),
    errorStatuses: z
      .array(z.union(ERROR_STATUSES.map((status) => z.literal(status)), { error: `errorStatuses may only contain ${ERROR_STATUSES.join(', ')}` }))
      .min(1, 'errorStatuses must not be empty')
      .optional(),
    rateLimitBurst: z
      .strictObject(
        {
          count: count('rateLimitBurst.count'),
          retryAfterSeconds: z
            .number({ error: 'rateLimitBurst.retryAfterSeconds must be a number' })
            .int('rateLimitBurst.retryAfterSeconds must be an integer')
            .min(0, 'rateLimitBurst.retryAfterSeconds must not be negative')
            .optional(),
        },
        { error: objectError('rateLimitBurst must be an object like {"count": 3}') },
      )
      .optional(),
    malformedRate: rate('malformedRate').optional(),
    dropRate: rate('dropRate').optional(),
    createSucceedsButDrops: z
      .union([z.boolean(), z.strictObject({ count: count('createSucceedsButDrops.count') })], {
        error: 'createSucceedsButDrops must be true, false or {"count": n}',
      })
      .optional(),
    callbacksNeverCome: z.boolean({ error: 'callbacksNeverCome must be a boolean' }).optional(),
    providerFault: z.boolean({ error: 'providerFault must be a boolean' }).optional(),
    failNext: z
      .strictObject(
        {
          count: count('failNext.count'),
          failCode: z.string({ error: 'failNext.failCode must be a string' }).min(1, 'failNext.failCode must not be empty'),
          failMsg: z.string({ error: 'failNext.failMsg must be a string' }).optional(),
        },
        { error: objectError('failNext must be an object like {"count": 1, "failCode": "GENERATION_FAILED"}') },
      )
      .optional(),
    /** Default scope of the request faults; absent means every API route. */
    routes: routes.optional(),
    /** Per-fault scope that overrides `routes`, e.g. {"errorRate": ["status"]}. */
    routesFor: z.partialRecord(z.enum(REQUEST_FAULTS, { error: `routesFor keys must be ${REQUEST_FAULTS.join(', ')}` }), routes).optional(),
  },
  { error: objectError('faults must be a JSON object') },
);

export type Faults = z.infer<typeof faultsSchema>;

export type ParseFaultsResult = { ok: true; faults: Faults } | { ok: false; error: string };

export function parseFaults(value: unknown): ParseFaultsResult {
  const result = faultsSchema.safeParse(value);
  if (result.success) return { ok: true, faults: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, error: `${issue?.message ?? 'Invalid faults'}${where}` };
}
