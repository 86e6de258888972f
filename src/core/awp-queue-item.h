#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a queue (a GtkColumnView row later): read-only properties
 * id, number, received (YYYY-MM-DD), requester, subject, status, due-on,
 * days-left (calendar days to due-on, negative when overdue; 0 when there
 * is no due date), auth-method, org (the organization's name), closed. */

#define AWP_TYPE_QUEUE_ITEM (awp_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (AwpQueueItem, awp_queue_item, AWP, QUEUE_ITEM, GObject)

const char *awp_queue_item_get_id          (AwpQueueItem *self);
const char *awp_queue_item_get_number      (AwpQueueItem *self);
const char *awp_queue_item_get_received    (AwpQueueItem *self);
const char *awp_queue_item_get_requester   (AwpQueueItem *self);
const char *awp_queue_item_get_subject     (AwpQueueItem *self);
const char *awp_queue_item_get_status      (AwpQueueItem *self);
const char *awp_queue_item_get_due_on      (AwpQueueItem *self);
int         awp_queue_item_get_days_left   (AwpQueueItem *self);
const char *awp_queue_item_get_auth_method (AwpQueueItem *self);
const char *awp_queue_item_get_org         (AwpQueueItem *self);
gboolean    awp_queue_item_get_closed      (AwpQueueItem *self);

G_END_DECLS
