#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* Domain objects for the entities with a life cycle (DESIGN §3), next to
 * AwpBlogRequest (awp-blog-request.h): read-only GObject properties over a
 * record, refreshed after each state-machine action with notify only for
 * what changed. Changes go through the store (record, outbox and audit in
 * one transaction); an illegal action is an AWP_STORE_ERROR_TRANSITION.
 *
 * Every type has the string properties "id", "entity-type", "sync-state",
 * "status", "org-id", "subject", "received-on", "due-on", and from the
 * newest state change "last-action", "last-actor", "last-at", "last-norm";
 * int64 "version"; boxed JsonObject "data" (all fields). Its own fields:
 *   AwpConferenceApplication: requester, text, answer, answered-on
 *   AwpConference, AwpSurvey: title-kk, title-ru, starts-on
 *   AwpMeeting: title-kk, title-ru, held-on, place; boolean closed,
 *     online-only (an emergency, O605)
 *   AwpAccreditationApplication: applicant-name, position, text
 *   AwpChangeRequest, AwpTerminationNotice: text, reason
 *   AwpEfficiencyReport: period, text */

#define AWP_TYPE_CONFERENCE_APPLICATION (awp_conference_application_get_type ())
G_DECLARE_FINAL_TYPE (AwpConferenceApplication, awp_conference_application, AWP, CONFERENCE_APPLICATION, GObject)
#define AWP_TYPE_CONFERENCE (awp_conference_get_type ())
G_DECLARE_FINAL_TYPE (AwpConference, awp_conference, AWP, CONFERENCE, GObject)
#define AWP_TYPE_SURVEY (awp_survey_get_type ())
G_DECLARE_FINAL_TYPE (AwpSurvey, awp_survey, AWP, SURVEY, GObject)
#define AWP_TYPE_MEETING (awp_meeting_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeeting, awp_meeting, AWP, MEETING, GObject)
#define AWP_TYPE_ACCREDITATION_APPLICATION (awp_accreditation_application_get_type ())
G_DECLARE_FINAL_TYPE (AwpAccreditationApplication, awp_accreditation_application, AWP, ACCREDITATION_APPLICATION, GObject)
#define AWP_TYPE_CHANGE_REQUEST (awp_change_request_get_type ())
G_DECLARE_FINAL_TYPE (AwpChangeRequest, awp_change_request, AWP, CHANGE_REQUEST, GObject)
#define AWP_TYPE_TERMINATION_NOTICE (awp_termination_notice_get_type ())
G_DECLARE_FINAL_TYPE (AwpTerminationNotice, awp_termination_notice, AWP, TERMINATION_NOTICE, GObject)
#define AWP_TYPE_EFFICIENCY_REPORT (awp_efficiency_report_get_type ())
G_DECLARE_FINAL_TYPE (AwpEfficiencyReport, awp_efficiency_report, AWP, EFFICIENCY_REPORT, GObject)

/* The GType for records of @entity_type (AWP_TYPE_BLOG_REQUEST for blog
 * requests), or G_TYPE_INVALID when the entity has no life cycle. */
GType     awp_domain_type_for_entity        (const char  *entity_type);
/* From a record as awp_store_get_record returns it; the type follows the
 * record's entity type. */
GObject  *awp_domain_object_new_from_record (JsonObject  *record,
                                             GError     **error);
GObject  *awp_domain_object_load            (AwpStore    *store,
                                             const char  *id,
                                             GError     **error);
/* Runs state-machine @action and refreshes the properties. */
gboolean  awp_domain_object_apply           (GObject     *object,
                                             AwpStore    *store,
                                             const char  *action,
                                             JsonObject  *fields,
                                             const char  *actor,
                                             GError     **error);

G_END_DECLS
