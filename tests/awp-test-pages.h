#pragma once

/* What the UI tests of the same workspace share, over the app's pages: the
 * Channels page's inputs and actions, the templates page of an editor,
 * the queue's items. */

#include "awp-channels-page.h"
#include "awp-queue-item.h"
#include "awp-templates-page.h"
#include "awp-test-ui.h"

/* The Channels page's input for @name; the test fails when there is none. */
static inline GtkWidget *
awp_test_channels_field (AwpChannelsPage *page,
                         const char      *name)
{
  GtkWidget *w = awp_channels_page_get_field (page, name);

  if (w == NULL)
    g_error ("no field %s", name);
  return w;
}

static inline void
awp_test_channels_type_into (AwpChannelsPage *page,
                             const char      *name,
                             const char      *text)
{
  awp_test_ui_type_into (awp_test_channels_field (page, name), text);
}

/* Activates the page's @action (with the string @target, or none), which
 * must be enabled. */
static inline void
awp_test_channels_act (AwpChannelsPage *page,
                       const char      *action,
                       const char      *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, target != NULL ? "s" : NULL, target));
  awp_test_ui_spin ();
}

/* The templates page (@root included) whose editor is an @editor_type. */
static inline AwpTemplatesPage *
awp_test_find_templates_page (GtkWidget *root,
                              GType      editor_type)
{
  if (AWP_IS_TEMPLATES_PAGE (root)
      && G_TYPE_CHECK_INSTANCE_TYPE (awp_templates_page_get_editor (AWP_TEMPLATES_PAGE (root)), editor_type))
    return AWP_TEMPLATES_PAGE (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      AwpTemplatesPage *found = awp_test_find_templates_page (c, editor_type);

      if (found)
        return found;
    }
  return NULL;
}

/* The @i-th item of a queue model, without a reference of its own. */
static inline AwpQueueItem *
awp_test_queue_item_at (GListModel *model,
                        guint       i)
{
  AwpQueueItem *item = g_list_model_get_item (model, i);

  g_object_unref (item);  /* the model's page cache keeps it */
  return item;
}
