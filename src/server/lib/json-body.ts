import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

/** Deeper than this is no body any route accepts; refusing it before parsing keeps every later step bounded. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a JSON text, counting brackets outside strings; stops counting past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return deepest;
}

/** Fastify's own JSON parser (prototype-poisoning protection included) behind a depth limit. */
export function installBoundedJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH)
      return done(new HttpError(400, `the body is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
    parse(request, text, done);
  });
}
