import { z } from 'zod';

export const ValidationErrorSchema = z.object({
  AttemptedValue: z.unknown(),
  Message: z.string(),
  PropertyName: z.string(),
});
export type ValidationError = z.infer<typeof ValidationErrorSchema>;

export const ValidationEnvelopeSchema = z.object({
  Message: z.string(),
  Value: z.null(),
  Errors: z.array(ValidationErrorSchema),
  WasSuccessful: z.literal(false),
});
export type ValidationEnvelope = z.infer<typeof ValidationEnvelopeSchema>;

export const SuccessEnvelopeSchema = z.object({
  Status: z.literal(200),
  Message: z.string(),
  Value: z.object({ Id: z.number().int() }),
  OpenInDialog: z.literal(false),
  OpenInWindow: z.literal(false),
  RedirectURL: z.null(),
  JavaScript: z.null(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
  Errors: z.null(),
  WasSuccessful: z.literal(true),
});
export type SuccessEnvelope = z.infer<typeof SuccessEnvelopeSchema>;

export const listEnvelopeSchema = <T extends z.ZodType>(record: T) =>
  z.object({
    Records: z.array(record),
    CurrentPage: z.number().int(),
    CurrentPageSize: z.number().int(),
    CurrentOrderField: z.string(),
    CurrentSortDirection: z.number().int(),
    FirstItem: z.number().int(),
    LastItem: z.number().int(),
    TotalItems: z.number().int(),
    TotalPages: z.number().int(),
    HasNextPage: z.boolean(),
    HasPreviousPage: z.boolean(),
  });

export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
  refresh_token: z.string(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const TokenErrorSchema = z.object({
  error: z.enum(['unsupported_grant_type', 'invalid_grant', 'invalid_request']),
  error_description: z.string(),
});

/**
 * One error per failing property, as Nexudus lists them; the first property heads the message.
 * Echoed values are bounded and secrets are never echoed, whatever the caller built.
 */
export function validationEnvelope(given: ValidationError[]): ValidationEnvelope {
  const errors = given.slice(0, 50).map((e) => ({
    AttemptedValue: SECRET_PROPERTIES.has(e.PropertyName) ? null : boundedAttempt(e.AttemptedValue),
    Message: e.Message.slice(0, MAX_ECHO_CHARS),
    PropertyName: e.PropertyName.slice(0, MAX_ECHO_CHARS),
  }));
  const first = errors[0] ?? { PropertyName: 'Request', Message: 'is not valid', AttemptedValue: null };
  return {
    Message: `${first.PropertyName}: ${first.Message}`,
    Value: null,
    Errors: errors,
    WasSuccessful: false,
  };
}

function attemptedValue(body: unknown, property: string): unknown {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, property)) return undefined;
  return (body as Record<string, unknown>)[property];
}

/** Fields whose values are never echoed back, even to the caller who sent them. */
const SECRET_PROPERTIES = new Set(['AccessPincode', 'AccessCardId', 'Password', 'password']);
const MAX_ECHO_CHARS = 200;

/**
 * What a validation error echoes of the attempted value: scalars as sent (text cut at 200
 * characters), anything nested as a short description, so an answer never grows with the input.
 */
export function boundedAttempt(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_ECHO_CHARS ? `${value.slice(0, MAX_ECHO_CHARS)}…` : value;
  if (Array.isArray(value)) return `[a list of ${value.length}]`;
  if (typeof value === 'object') return '[an object]';
  return null;
}

/** Maps zod issues to Nexudus validation errors: one per property, a missing value "is a required field". */
export function validationErrorsFromZod(error: z.ZodError, body: unknown): ValidationError[] {
  const byProperty = new Map<string, ValidationError>();
  for (const issue of error.issues) {
    const property = typeof issue.path[0] === 'string' ? issue.path[0] : 'Request';
    if (byProperty.has(property)) continue;
    const attempted = attemptedValue(body, property);
    const message = attempted === undefined && property !== 'Request' ? 'is a required field' : issue.message;
    byProperty.set(property, { AttemptedValue: attempted ?? null, Message: message, PropertyName: property });
  }
  return [...byProperty.values()];
}
