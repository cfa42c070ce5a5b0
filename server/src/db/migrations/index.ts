import type { Migration } from 'kysely';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-org-history.ts';
import * as m0003 from './0003-emulation.ts';
import * as m0004 from './0004-members.ts';
import * as m0005 from './0005-member-import-report.ts';
import * as m0006 from './0006-elections.ts';
import * as m0007 from './0007-org-version-last-date.ts';
import * as m0008 from './0008-confidence-votes.ts';
import * as m0009 from './0009-reporting.ts';
import * as m0010 from './0010-work-programme.ts';
import * as m0011 from './0011-member-event-tally.ts';
import * as m0012 from './0012-conferences.ts';
import * as m0013 from './0013-attachments.ts';
import * as m0014 from './0014-member-search-words.ts';

/** Every migration in order. A merged migration is never edited; add a new one. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-platform': m0001,
  '0002-org-history': m0002,
  '0003-emulation': m0003,
  '0004-members': m0004,
  '0005-member-import-report': m0005,
  '0006-elections': m0006,
  '0007-org-version-last-date': m0007,
  '0008-confidence-votes': m0008,
  '0009-reporting': m0009,
  '0010-work-programme': m0010,
  '0011-member-event-tally': m0011,
  '0012-conferences': m0012,
  '0013-attachments': m0013,
  '0014-member-search-words': m0014,
};
