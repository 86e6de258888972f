#include "config.h"

#include <glib/gi18n.h>

#include "awp-queue-item.h"
#include "awp-request-cells.h"
#include "awp-request-format.h"
#include "awp-state-machine.h"

typedef struct
{
  AwpRequestCell  cell;
  AwpCalendar    *calendar;
} CellKind;

static void
cell_kind_free (CellKind *kind)
{
  g_clear_object (&kind->calendar);
  g_free (kind);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CellKind                 *kind)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (kind->cell == AWP_REQUEST_CELL_DUE)
    {
      /* The state is told by an icon and words; colour only adds to it.
       * The date above, the working days left below. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *left = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (left), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (left), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (left, "caption");
      gtk_box_append (GTK_BOX (lines), label);
      gtk_box_append (GTK_BOX (lines), left);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), lines);
      gtk_list_item_set_child (list_item, box);
      return;
    }
  if (kind->cell == AWP_REQUEST_CELL_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_due (CellKind     *kind,
          GtkWidget    *box,
          AwpQueueItem *item)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *lines = gtk_widget_get_last_child (box);
  GtkWidget *label = gtk_widget_get_first_child (lines);
  GtkWidget *left_label = gtk_widget_get_last_child (lines);
  g_autofree char *date = awp_request_format_date (awp_queue_item_get_due_on (item));
  g_autofree char *left = NULL;
  g_autofree char *short_left = NULL;
  g_autofree char *text = NULL;
  AwpDueInfo info;

  awp_request_due_info (kind->calendar, awp_queue_item_get_due_on (item),
                        awp_queue_item_get_closed (item), &info);
  left = awp_request_due_text (&info);
  text = *left ? g_strdup_printf ("%s · %s", date, left) : g_strdup (date);
  short_left = awp_request_due_text_short (&info);
  gtk_label_set_text (GTK_LABEL (label), date);
  gtk_label_set_text (GTK_LABEL (left_label), short_left);
  gtk_widget_set_visible (left_label, *left != '\0');
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), info.icon_name);
  gtk_widget_set_visible (icon, info.icon_name != NULL);
  gtk_widget_remove_css_class (box, "error");
  gtk_widget_remove_css_class (box, "warning");
  if (info.css_class != NULL)
    gtk_widget_add_css_class (box, info.css_class);
  gtk_widget_set_tooltip_text (box, text);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellKind                 *kind)
{
  AwpQueueItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (item == NULL)
    return;
  switch (kind->cell)
    {
    case AWP_REQUEST_CELL_NUMBER:
      text = awp_queue_item_get_number (item);
      break;
    case AWP_REQUEST_CELL_RECEIVED:
      text = owned = awp_request_format_date (awp_queue_item_get_received (item));
      break;
    case AWP_REQUEST_CELL_REQUESTER:
      text = awp_queue_item_get_requester (item);
      break;
    case AWP_REQUEST_CELL_SUBJECT:
      text = awp_queue_item_get_subject (item);
      gtk_widget_set_tooltip_text (child, text);
      break;
    case AWP_REQUEST_CELL_STATUS:
      text = awp_queue_item_get_status (item) ? awp_request_status_label (awp_queue_item_get_status (item)) : "";
      gtk_widget_set_tooltip_text (child, text);
      break;
    case AWP_REQUEST_CELL_DUE:
      bind_due (kind, child, item);
      return;
    case AWP_REQUEST_CELL_AUTH:
      text = awp_request_auth_short_label (awp_queue_item_get_auth_method (item));
      gtk_widget_set_tooltip_text (child, awp_request_auth_label (awp_queue_item_get_auth_method (item)));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
}

GtkListItemFactory *
awp_request_cell_factory_new (AwpRequestCell  cell,
                              AwpCalendar    *calendar)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellKind *kind = g_new0 (CellKind, 1);

  kind->cell = cell;
  kind->calendar = calendar ? g_object_ref (calendar) : NULL;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), kind);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), kind);
  g_object_set_data_full (G_OBJECT (factory), "awp-cell-kind", kind, (GDestroyNotify) cell_kind_free);
  return factory;
}
