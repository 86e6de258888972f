#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* A blog request (O145-4, 5) as a GObject for forms and detail views.
 * Read-only string properties: id, number, subject, text, answer,
 * requester, auth-method, org-id, status, received-on, due-on,
 * answered-on, sync-state; int: times-extended, rating (0: none), version.
 * Changes go through the store (one transaction with outbox and audit);
 * awp_blog_request_apply runs an action and reloads. */

#define AWP_TYPE_BLOG_REQUEST (awp_blog_request_get_type ())
G_DECLARE_FINAL_TYPE (AwpBlogRequest, awp_blog_request, AWP, BLOG_REQUEST, GObject)

/* From a record as awp_store_get_record returns it. */
AwpBlogRequest *awp_blog_request_new_from_record (JsonObject      *record,
                                                  GError         **error);
AwpBlogRequest *awp_blog_request_load            (AwpStore        *store,
                                                  const char      *id,
                                                  GError         **error);
/* Runs state-machine @action (accept, return, forward, refuse, extend,
 * answer) and refreshes the properties (notify only for changed ones). */
gboolean        awp_blog_request_apply           (AwpBlogRequest  *self,
                                                  AwpStore        *store,
                                                  const char      *action,
                                                  JsonObject      *fields,
                                                  const char      *actor,
                                                  GError         **error);

const char     *awp_blog_request_get_id          (AwpBlogRequest  *self);
const char     *awp_blog_request_get_status      (AwpBlogRequest  *self);
const char     *awp_blog_request_get_subject     (AwpBlogRequest  *self);
const char     *awp_blog_request_get_due_on      (AwpBlogRequest  *self);
const char     *awp_blog_request_get_answer      (AwpBlogRequest  *self);
int             awp_blog_request_get_times_extended (AwpBlogRequest *self);

G_END_DECLS
