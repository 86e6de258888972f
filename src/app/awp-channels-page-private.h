#pragma once

#include "awp-channels-page.h"
#include "awp-calendar.h"
#include "awp-registry.h"

G_BEGIN_DECLS

/* Shared by awp-channels-page.c (lists, Registry, actions) and
 * awp-channels-forms.c (the documents' detail panes). */

struct _AwpChannelsPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *main_box;
  GtkStack        *stack;
  GtkWidget       *new_application_button;
  GtkListBox      *application_list;
  GtkBox          *application_detail;
  GtkSearchEntry  *registry_search;
  GtkToggleButton *registry_kk;
  GtkToggleButton *registry_ru;
  GtkBox          *registry_header;
  GtkListBox      *registry_list;
  GtkBox          *registry_detail;
  GtkListBox      *request_list;
  GtkBox          *request_detail;

  /* Owned */
  AwpStore        *store;
  char            *open_id;     /* the document in a detail pane */
  char            *open_type;
  char            *shown_status; /* the open document's status on screen */
  char            *channel_id;  /* the Registry entry shown */
  char            *message;
  GHashTable      *fields;      /* field → editor widget (borrowed) */
  guint            refresh_idle;
  guint            save_source;  /* autosave of the open draft */
  gboolean         editable;     /* the open document is a draft */
  AwpCalendar     *calendar;    /* may be NULL */
  char            *role;        /* the signed-in user's role */
  char            *actor;       /* the signed-in user, for the audit log */

  /* Borrowed: children of the detail panes */
  GtkLabel        *message_label;
  GtkLabel        *diff_old;
  GtkLabel        *diff_new;
  GtkDropDown     *change_field;
};

/* Who acts: the signed-in user (awp_channels_page_set_actor), else the
 * account's login name. */
const char *awp_channels_actor          (AwpChannelsPage *self);
/* Why the signed-in role may not use @action, translated; NULL if it may.
 * awp_channels_gate sets that as the (insensitive) button's tooltip. */
const char *awp_channels_role_denial    (AwpChannelsPage *self,
                                         const char      *action);
void        awp_channels_gate           (AwpChannelsPage *self,
                                         GtkWidget       *button,
                                         const char      *action);
void        awp_channels_clear_box      (GtkBox          *box);
void        awp_channels_set_message    (AwpChannelsPage *self,
                                         const char      *text,
                                         gboolean         error);
GtkWidget  *awp_channels_heading        (const char      *text,
                                         const char      *css);
GtkWidget  *awp_channels_info_row       (const char      *title,
                                         const char      *value);
char       *awp_channels_display_date   (const char      *iso);
/* The open editor's values as data (fields hash). */
JsonObject *awp_channels_collect        (AwpChannelsPage *self);
void        awp_channels_refresh_lists  (AwpChannelsPage *self);
/* Saves the open draft AWP_CHANNELS_AUTOSAVE_MS after the last edit;
 * flush writes a pending save now (before another document is shown). */
#define AWP_CHANNELS_AUTOSAVE_MS 1500
void        awp_channels_schedule_save  (AwpChannelsPage *self);
void        awp_channels_flush          (AwpChannelsPage *self);

/* awp-channels-forms.c */
void        awp_channels_show_application (AwpChannelsPage *self,
                                           const char      *id);
void        awp_channels_show_request     (AwpChannelsPage *self,
                                           const char      *id);
void        awp_channels_update_diff      (AwpChannelsPage *self);
/* Marks the open editor's fields that fail validation (the "error" style
 * and the message as tooltip); missing ones only with @required_too. */
void        awp_channels_mark_issues      (AwpChannelsPage *self,
                                           gboolean         required_too);

G_END_DECLS
