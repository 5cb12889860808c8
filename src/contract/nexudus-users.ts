import { z } from 'zod';

/**
 * A Nexudus user (staff account), read-only: what integrators check at setup
 * (`GET /api/spaces/users?User_Email=…&size=1` → IsAdmin, APIAccess) and what the gateway reads to
 * decide who may use the admin page. Never a password or its hash.
 */
export const UserRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string().nullable(),
  CreatedOn: z.string(),
  UpdatedOn: z.string().nullable(),
  UpdatedBy: z.string().nullable(),
  Email: z.string(),
  FullName: z.string(),
  IsAdmin: z.boolean(),
  APIAccess: z.boolean(),
  /** Tapdesk's extension: the role names the user holds (`Checkin-Create`, `Tapdesk-Admin`, …). */
  Roles: z.array(z.string()),
});
export type UserRecord = z.infer<typeof UserRecordSchema>;

/** The role that lets a non-administrator use the Tapdesk admin page. */
export const TAPDESK_ADMIN_ROLE = 'Tapdesk-Admin';
