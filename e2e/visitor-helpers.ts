import { z } from 'zod';
import { listEnvelopeSchema } from '../src/contract/nexudus-envelopes';
import { VisitorRecordSchema, type VisitorRecord } from '../src/contract/nexudus-visitors';
import { E2E_ADMIN, type TapdeskServer } from './server';

/** The embedded Nexudus's Visitor records, read as an API user would. */
export async function visitorsApi(server: TapdeskServer) {
  const res = await fetch(`${server.apiUrl}/api/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username: E2E_ADMIN.email, password: E2E_ADMIN.password }),
  });
  const { access_token } = z.object({ access_token: z.string() }).parse(await res.json());
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
  return {
    list: async (): Promise<VisitorRecord[]> =>
      listEnvelopeSchema(VisitorRecordSchema).parse(
        await (await fetch(`${server.apiUrl}/api/spaces/visitors?size=100`, { headers })).json(),
      ).Records,
    create: async (body: object): Promise<VisitorRecord> => {
      const created = z
        .object({ Value: z.object({ Id: z.number() }) })
        .parse(await (await fetch(`${server.apiUrl}/api/spaces/visitors`, { method: 'POST', headers, body: JSON.stringify(body) })).json());
      const got = await fetch(`${server.apiUrl}/api/spaces/visitors/${created.Value.Id}`, { headers });
      return VisitorRecordSchema.parse(await got.json());
    },
    businessId: async (name: string): Promise<number> => {
      const list = z
        .object({ Records: z.array(z.object({ Id: z.number(), Name: z.string() })) })
        .parse(await (await fetch(`${server.apiUrl}/api/sys/businesses?size=100`, { headers })).json());
      const found = list.Records.find((b) => b.Name === name);
      if (!found) throw new Error(`no business ${name}`);
      return found.Id;
    },
  };
}

/** The host's three links, as the e-mail's text carries them. */
export const linksIn = (text: string) =>
  Object.fromEntries(
    [...text.matchAll(/(Approve, I'll collect them|Approve, send them to my desk|Decline): (\S+)/g)].map((m) => [m[1], m[2] ?? '']),
  );
