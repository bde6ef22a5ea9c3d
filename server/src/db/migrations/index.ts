import type { Migration } from 'kysely';
import * as m0001 from './0001-accounts-and-sessions';
import * as m0002 from './0002-couples-programs-invites';
import * as m0003 from './0003-sharing-and-audit';
import * as m0004 from './0004-pending-signups';
import * as m0005 from './0005-personal-recovery';
import * as m0006 from './0006-assessments';
import * as m0007 from './0007-audit-append-only';
import * as m0008 from './0008-couple-events';
import * as m0009 from './0009-together';
import * as m0010 from './0010-communication';
import * as m0011 from './0011-sign-in-security';
import * as m0012 from './0012-setbacks';
import * as m0013 from './0013-together-edits';
import * as m0018 from './0018-lapses';
import * as m0016 from './0016-reminders';
import * as m0019 from './0019-care-consents';
import * as m0020 from './0020-care-sessions-homework';
import * as m0021 from './0021-session-notes';
import * as m0022 from './0022-caseload-flags';
import * as m0023 from './0023-weekly-summaries';

/** Every migration, in order. Names are permanent once released. */
export const migrations: Record<string, Migration> = {
  '0001-accounts-and-sessions': m0001,
  '0002-couples-programs-invites': m0002,
  '0003-sharing-and-audit': m0003,
  '0004-pending-signups': m0004,
  '0005-personal-recovery': m0005,
  '0006-assessments': m0006,
  '0007-audit-append-only': m0007,
  '0008-couple-events': m0008,
  '0009-together': m0009,
  '0010-communication': m0010,
  '0011-sign-in-security': m0011,
  '0012-setbacks': m0012,
  '0013-together-edits': m0013,
  '0016-reminders': m0016,
  '0018-lapses': m0018,
  '0019-care-consents': m0019,
  '0020-care-sessions-homework': m0020,
  '0021-session-notes': m0021,
  '0022-caseload-flags': m0022,
  '0023-weekly-summaries': m0023,
};
