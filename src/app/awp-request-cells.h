#pragma once

#include <gtk/gtk.h>

#include "awp-calendar.h"

G_BEGIN_DECLS

/* Cell factories of the blog request queue's columns. */
typedef enum
{
  AWP_REQUEST_CELL_NUMBER,
  AWP_REQUEST_CELL_RECEIVED,
  AWP_REQUEST_CELL_REQUESTER,
  AWP_REQUEST_CELL_SUBJECT,
  AWP_REQUEST_CELL_STATUS,
  AWP_REQUEST_CELL_DUE,       /* date, working days left, icon + words */
  AWP_REQUEST_CELL_AUTH,      /* O145-3 */
} AwpRequestCell;

/* @calendar (may be NULL) counts working days for the deadline cell. */
GtkListItemFactory *awp_request_cell_factory_new (AwpRequestCell  cell,
                                                  AwpCalendar    *calendar);

G_END_DECLS
