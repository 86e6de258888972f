#pragma once

#include "awp-ical.h"
#include "awp-meeting.h"
#include "awp-registration-import.h"
#include "awp-store.h"

G_BEGIN_DECLS

/* Meetings in the store: every change goes through awp_store_create /
 * update / transition (one transaction with its outbox row and audit
 * entry). Records are { "id", "type", "version", "state", "data" } as
 * awp_store_get_record() returns them.
 *
 * Children (parent_id = the meeting's id):
 *   "meeting_registration": surname, name, patronymic, birth_year, contact,
 *     received_on, channel ("paper" | "electronic" | "import"), late (O605-9);
 *   "meeting_comment": author, text, received_at, answer, answered_at (O605-13). */

/* Validates @data (awp_meeting_check), fills its deadlines and creates the
 * meeting (@id NULL; returns the new id) or updates it (returns a copy of
 * @id). Nothing is written when a field is wrong. */
char       *awp_meeting_save     (AwpStore    *store,
                                  const char  *id,
                                  JsonObject  *data,
                                  const char  *actor,
                                  GError     **error);
/* Meetings of @org_id (NULL: all), by date and time. */
GPtrArray  *awp_meeting_list     (AwpStore    *store,
                                  const char  *org_id,
                                  GError     **error);
/* Records of @type whose parent is @meeting_id, oldest first. */
GPtrArray  *awp_meeting_list_children (AwpStore    *store,
                                       const char  *meeting_id,
                                       const char  *type,
                                       GError     **error);

/* O605-8: marks the announcement published at @link on @published_on;
 * *@late (may be NULL) tells whether that was after the deadline. */
gboolean    awp_meeting_announce (AwpStore    *store,
                                  const char  *id,
                                  const char  *link,
                                  const GDate *published_on,
                                  const char  *actor,
                                  gboolean    *late,
                                  GError     **error);
gboolean    awp_meeting_hold     (AwpStore    *store,
                                  const char  *id,
                                  const char  *actor,
                                  GError     **error);
/* O605-14: the decision (required), attachments (array of { kind:
 * "decision" | "transcript" | "minutes", name }, may be NULL) and the
 * published link. Refused while broadcast comments are unanswered (O605-13). */
gboolean    awp_meeting_publish_results (AwpStore    *store,
                                         const char  *id,
                                         const char  *decision,
                                         JsonArray   *attachments,
                                         const char  *link,
                                         const GDate *published_on,
                                         const char  *actor,
                                         gboolean    *late,
                                         GError     **error);

/* O605-9: one application from paper or an electronic form. @application
 * has surname, name, patronymic (optional), birth_year, contact,
 * received_on (YYYY-MM-DD; default today), channel. Late ones are kept
 * and flagged. */
char       *awp_meeting_register (AwpStore    *store,
                                  const char  *meeting_id,
                                  JsonObject  *application,
                                  const char  *actor,
                                  GError     **error);
/* Adds the valid rows of @import that are neither duplicates in the file nor
 * already registered, in one transaction; returns how many, or -1. */
int         awp_meeting_import_registrations (AwpStore              *store,
                                              const char            *meeting_id,
                                              AwpRegistrationImport *import,
                                              const char            *actor,
                                              GError               **error);

/* O605-10: seats from registrations. On-time applications first, in order
 * of receipt, then late ones; the first `capacity` get seats, the rest wait.
 * Personal data: only for @viewer_org_id equal to the meeting's org_id
 * (NULL: the local user's own store, no check). */
typedef struct
{
  guint      capacity;
  GPtrArray *seated;    /* registration records */
  GPtrArray *waiting;   /* registration records, in order */
  guint      n_late;
} AwpSeatPlan;

void         awp_seat_plan_free     (AwpSeatPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpSeatPlan, awp_seat_plan_free)
AwpSeatPlan *awp_meeting_seat_plan  (AwpStore    *store,
                                     const char  *meeting_id,
                                     const char  *viewer_org_id,
                                     GError     **error);

/* O605-13: broadcast comments and their answers. */
char       *awp_meeting_add_comment    (AwpStore    *store,
                                        const char  *meeting_id,
                                        const char  *author,
                                        const char  *text,
                                        const char  *actor,
                                        GError     **error);
gboolean    awp_meeting_answer_comment (AwpStore    *store,
                                        const char  *comment_id,
                                        const char  *answer,
                                        const char  *actor,
                                        GError     **error);
/* -1 on error. */
int         awp_meeting_count_unanswered (AwpStore    *store,
                                          const char  *meeting_id,
                                          GError     **error);

/* O605-6: one registrant of a switched meeting to tell. */
typedef struct
{
  char *meeting_id;
  char *meeting_title;
  char *registration_id;
  char *full_name;
  char *contact;
} AwpMeetingNotice;

void        awp_meeting_notice_free (AwpMeetingNotice *notice);

/* O605-6: an emergency in @region (NULL: the whole country) from @from to
 * @to switches every planned or announced offline and hybrid meeting in
 * that period to online, in one transaction, each change outboxed and
 * audited with the norm. Returns the registrants to notify
 * (AwpMeetingNotice); *@switched (may be NULL) receives the meeting ids. */
GPtrArray  *awp_meeting_declare_emergency (AwpStore    *store,
                                           const char  *region,
                                           const GDate *from,
                                           const GDate *to,
                                           const char  *ground,
                                           const char  *actor,
                                           GPtrArray  **switched,
                                           GError     **error);

/* iCalendar (RFC 5545): a meeting record as an AwpIcalMeeting with its
 * deadlines, and a .ics of @ids (NULL: every meeting whose fields are
 * complete) for calendar programs and other bodies. */
AwpIcalMeeting *awp_meeting_to_ical    (JsonObject          *record);
char           *awp_meeting_export_ics (AwpStore            *store,
                                        const char * const  *ids,
                                        GError             **error);

G_END_DECLS
