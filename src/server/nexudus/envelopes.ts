import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { validationEnvelope, validationErrorsFromZod, type ValidationError } from '../../contract/nexudus-envelopes';
import { toNexudusInstant } from '../../contract/nexudus-fields';

export type Outcome = { ok: true; id: number } | { ok: false; status: 400 | 404 | 409; errors: ValidationError[] };

export const failure = (status: 400 | 404 | 409, PropertyName: string, Message: string, AttemptedValue: unknown = null): Outcome => ({
  ok: false,
  status,
  errors: [{ PropertyName, Message, AttemptedValue }],
});

export function successEnvelope(entity: string, verb: 'created' | 'updated' | 'deleted', id: number, actor: string) {
  return {
    Status: 200 as const,
    Message: `${entity} was successfully ${verb}.`,
    Value: { Id: id },
    OpenInDialog: false as const,
    OpenInWindow: false as const,
    RedirectURL: null,
    JavaScript: null,
    UpdatedOn: toNexudusInstant(new Date()),
    UpdatedBy: actor,
    Errors: null,
    WasSuccessful: true as const,
  };
}

export function sendValidation(reply: FastifyReply, status: number, errors: ValidationError[]) {
  return reply.code(status).send(validationEnvelope(errors));
}

/** A body must be a JSON object; anything else is one "Request" error. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): { ok: true; data: T } | { ok: false; errors: ValidationError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ PropertyName: 'Request', Message: 'the body must be a JSON object', AttemptedValue: null }] };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: validationErrorsFromZod(parsed.error, body) };
}

export function sendOutcome(reply: FastifyReply, entity: string, verb: 'created' | 'updated' | 'deleted', outcome: Outcome, actor: string) {
  if (outcome.ok) return reply.send(successEnvelope(entity, verb, outcome.id, actor));
  return sendValidation(reply, outcome.status, outcome.errors);
}
