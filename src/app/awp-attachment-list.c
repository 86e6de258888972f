#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "awp-application.h"
#include "awp-attachment-list.h"

typedef enum
{
  THEN_NOTHING,
  THEN_OPEN,
  THEN_SAVE,
} Then;

/* One listed file and its row. */
typedef struct
{
  AwpAttachmentList *self;   /* unowned */
  AwpAttachment     *attachment;
  GtkWidget         *row;
  GtkWidget         *spinner;
  GCancellable      *cancellable;
  Then               then;
} Item;

struct _AwpAttachmentList
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkListBox    *list;
  GtkLabel      *empty_label;
  GtkLabel      *error_label;
  GtkWidget     *add_button;

  AwpStore      *store;
  AwpSyncEngine *engine;
  GPtrArray     *items;      /* Item */
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (AwpAttachmentList, awp_attachment_list, GTK_TYPE_WIDGET)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
item_free (Item *item)
{
  if (item->cancellable != NULL)
    g_cancellable_cancel (item->cancellable);
  g_clear_object (&item->cancellable);
  awp_attachment_free (item->attachment);
  g_free (item);
}

static void
show_error (AwpAttachmentList *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* "PDF document · 1.2 MB" (and the kind of a meeting result's file). */
static char *
describe (const AwpAttachment *a)
{
  g_autofree char *type = g_content_type_from_mime_type (a->mime);
  g_autofree char *what = type != NULL ? g_content_type_get_description (type) : g_strdup (a->mime);
  g_autofree char *size = awp_attachment_format_size (a->size);

  return g_strdup_printf ("%s · %s", what, size);
}

static void
set_row_state (Item       *item,
               const char *message,
               gboolean    is_error)
{
  g_autofree char *normal = describe (item->attachment);
  g_autofree char *subtitle = NULL;

  if (message == NULL)
    subtitle = g_strdup (normal);
  else
    subtitle = g_strdup_printf ("%s — %s", normal, message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), subtitle);
  if (is_error)
    gtk_widget_add_css_class (item->row, "error");
  else
    gtk_widget_remove_css_class (item->row, "error");
  gtk_widget_set_visible (item->spinner, item->cancellable != NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (item->spinner), item->cancellable != NULL);
}

static GtkWindow *
parent_window (AwpAttachmentList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AwpSyncEngine *
engine (AwpAttachmentList *self)
{
  GApplication *app = g_application_get_default ();

  if (self->engine != NULL)
    return self->engine;
  return AWP_IS_APPLICATION (app) ? awp_application_get_sync_engine (AWP_APPLICATION (app)) : NULL;
}

/* A copy in the cache to hand to another program; the folder is the id,
 * so two files of the same name never meet. */
static GFile *
cache_copy (AwpAttachmentList  *self,
            Item               *item,
            GError            **error)
{
  g_autoptr(GBytes) bytes = awp_attachment_read (self->store, item->attachment->id, error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (bytes == NULL)
    return NULL;
  dir = g_build_filename (g_get_user_cache_dir (), "kz.opendialog.Workstation", "attachments",
                          item->attachment->id, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write to %s"), dir);
      return NULL;
    }
  path = g_build_filename (dir, item->attachment->name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  return g_file_new_for_path (path);
}

static void
open_local (Item *item)
{
  AwpAttachmentList *self = item->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = cache_copy (self, item, &error);
  g_autofree char *uri = NULL;

  if (file == NULL)
    {
      set_row_state (item, error->message, TRUE);
      return;
    }
  uri = g_file_get_uri (file);
  /* GTK 4.8 has no GtkFileLauncher: gtk_show_uri uses the portal when
   * sandboxed and the default application otherwise. */
  gtk_show_uri (parent_window (self), uri, GDK_CURRENT_TIME);
}

gboolean
awp_attachment_list_save_to (AwpAttachmentList  *self,
                             guint               index,
                             GFile              *file,
                             GError            **error)
{
  Item *item;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (AWP_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (index < self->items->len, FALSE);

  item = self->items->pdata[index];
  bytes = awp_attachment_read (self->store, item->attachment->id, error);
  if (bytes == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  Item *item = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      AwpAttachmentList *self = item->self;
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      guint index;

      if (g_ptr_array_find (self->items, item, &index)
          && !awp_attachment_list_save_to (self, index, file, &error))
        set_row_state (item, error->message, TRUE);
    }
  g_object_unref (chooser);
}

static void
save_local (Item *item)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the File"), parent_window (item->self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), item->attachment->name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), item);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Item *item = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = awp_sync_engine_fetch_attachment_finish (AWP_SYNC_ENGINE (source), result, &error);

  /* The row is gone (the list was refilled): nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&item->cancellable);
  if (!ok)
    {
      set_row_state (item, error->message, TRUE);
      return;
    }
  item->attachment->local = TRUE;
  set_row_state (item, NULL, FALSE);
  if (item->then == THEN_OPEN)
    open_local (item);
  else if (item->then == THEN_SAVE)
    save_local (item);
  item->then = THEN_NOTHING;
}

/* Runs @then on the file, downloading it first when it is not here. */
static void
with_file (Item *item,
           Then  then)
{
  AwpAttachmentList *self = item->self;
  AwpSyncEngine *e;

  if (item->attachment->local || awp_attachment_is_local (self->store, item->attachment->id))
    {
      item->attachment->local = TRUE;
      if (then == THEN_OPEN)
        open_local (item);
      else
        save_local (item);
      return;
    }
  if (item->cancellable != NULL)
    {
      item->then = then;  /* already on its way */
      return;
    }
  e = engine (self);
  if (e == NULL)
    {
      set_row_state (item, _("not downloaded yet; sign in to download it"), TRUE);
      return;
    }
  item->then = then;
  item->cancellable = g_cancellable_new ();
  set_row_state (item, _("downloading…"), FALSE);
  awp_sync_engine_fetch_attachment_async (e, item->attachment->id, item->attachment->name, item->cancellable,
                                          fetched_cb, item);
}

static void
on_open_clicked_cb (GtkButton *button,
                    Item      *item)
{
  with_file (item, THEN_OPEN);
}

static void
on_save_clicked_cb (GtkButton *button,
                    Item      *item)
{
  with_file (item, THEN_SAVE);
}

static void rebuild (AwpAttachmentList *self);

static void
on_remove_clicked_cb (GtkButton *button,
                      Item      *item)
{
  AwpAttachmentList *self = item->self;

  g_ptr_array_remove (self->items, item);
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
add_row (AwpAttachmentList *self,
         Item              *item)
{
  AwpAttachment *a = item->attachment;
  g_autofree char *type = g_content_type_from_mime_type (a->mime);
  g_autoptr(GIcon) gicon = type != NULL ? g_content_type_get_symbolic_icon (type) : NULL;
  g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), a->name);
  g_autofree char *save_label = g_strdup_printf (_("Save “%s” As…"), a->name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), a->name);
  GtkWidget *icon = gicon != NULL ? gtk_image_new_from_gicon (gicon) : gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  GtkWidget *button;

  item->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), a->name);
  gtk_widget_set_name (item->row, a->id);
  adw_action_row_add_prefix (ADW_ACTION_ROW (item->row), icon);
  item->spinner = gtk_spinner_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), item->spinner);
  button = icon_button ("document-open-symbolic", open_label);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked_cb), item);
  adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), button);
  button = icon_button ("document-save-as-symbolic", save_label);
  g_signal_connect (button, "clicked", G_CALLBACK (on_save_clicked_cb), item);
  adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), button);
  if (self->editable)
    {
      button = icon_button ("user-trash-symbolic", remove_label);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), item);
      adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), button);
    }
  set_row_state (item, a->local || self->store == NULL || awp_attachment_is_local (self->store, a->id)
                       ? NULL : _("not downloaded yet"), FALSE);
  gtk_list_box_append (self->list, item->row);
}

static void
rebuild (AwpAttachmentList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->items->len; i++)
    add_row (self, self->items->pdata[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->items->len == 0);
  gtk_widget_set_visible (self->add_button, self->editable);
}

static void
append (AwpAttachmentList   *self,
        const AwpAttachment *a)
{
  Item *item;

  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (((Item *) self->items->pdata[i])->attachment->id, a->id))
      return;  /* the same file once */
  item = g_new0 (Item, 1);
  item->self = self;
  item->attachment = awp_attachment_copy (a);
  g_ptr_array_add (self->items, item);
}

gboolean
awp_attachment_list_add_file (AwpAttachmentList  *self,
                              GFile              *file,
                              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AwpAttachment) a = NULL;

  g_return_val_if_fail (AWP_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  a = awp_attachment_add_file (self->store, file, NULL, &local_error);
  if (a == NULL)
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_error (self, NULL);
  append (self, a);
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
on_add_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  AwpAttachmentList *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GString) problems = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autoptr(GError) error = NULL;

          if (!awp_attachment_list_add_file (self, file, &error))
            g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", error->message);
        }
      /* Every refused file named, not only the last. */
      show_error (self, problems->len > 0 ? problems->str : NULL);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AwpAttachmentList *self = AWP_ATTACHMENT_LIST (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  static const char *const types[] = {
    "application/pdf", "image/png", "image/jpeg", "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain", NULL
  };

  if (self->store == NULL || !self->editable)
    return;
  chooser = gtk_file_chooser_native_new (_("Attach Files"), parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Documents and images"));
  for (guint i = 0; types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_add_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
awp_attachment_list_dispose (GObject *object)
{
  AwpAttachmentList *self = AWP_ATTACHMENT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_ATTACHMENT_LIST);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (awp_attachment_list_parent_class)->dispose (object);
}

static void
awp_attachment_list_class_init (AwpAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_attachment_list_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-attachment-list.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, AwpAttachmentList, box);
  gtk_widget_class_bind_template_child (widget_class, AwpAttachmentList, list);
  gtk_widget_class_bind_template_child (widget_class, AwpAttachmentList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AwpAttachmentList, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwpAttachmentList, add_button);
  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, add_action);
}

static void
awp_attachment_list_init (AwpAttachmentList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  rebuild (self);
}

GtkWidget *
awp_attachment_list_new (void)
{
  return g_object_new (AWP_TYPE_ATTACHMENT_LIST, NULL);
}

void
awp_attachment_list_set_store (AwpAttachmentList *self,
                               AwpStore          *store)
{
  g_return_if_fail (AWP_IS_ATTACHMENT_LIST (self));
  g_set_object (&self->store, store);
}

void
awp_attachment_list_set_engine (AwpAttachmentList *self,
                                AwpSyncEngine     *e)
{
  g_return_if_fail (AWP_IS_ATTACHMENT_LIST (self));
  g_set_object (&self->engine, e);
}

void
awp_attachment_list_set_editable (AwpAttachmentList *self,
                                  gboolean           editable)
{
  g_return_if_fail (AWP_IS_ATTACHMENT_LIST (self));
  self->editable = editable;
  rebuild (self);
}

void
awp_attachment_list_set_attachments (AwpAttachmentList *self,
                                     GPtrArray         *attachments)
{
  g_return_if_fail (AWP_IS_ATTACHMENT_LIST (self));

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    append (self, attachments->pdata[i]);
  show_error (self, NULL);
  rebuild (self);
}

void
awp_attachment_list_set_record (AwpAttachmentList *self,
                                const char        *record_id)
{
  g_autoptr(GPtrArray) listed = NULL;

  g_return_if_fail (AWP_IS_ATTACHMENT_LIST (self));

  if (record_id != NULL && self->store != NULL)
    listed = awp_attachment_list (self->store, record_id, NULL);
  awp_attachment_list_set_attachments (self, listed);
}

guint
awp_attachment_list_get_count (AwpAttachmentList *self)
{
  g_return_val_if_fail (AWP_IS_ATTACHMENT_LIST (self), 0);
  return self->items->len;
}

JsonArray *
awp_attachment_list_to_json (AwpAttachmentList *self)
{
  JsonArray *out = json_array_new ();

  g_return_val_if_fail (AWP_IS_ATTACHMENT_LIST (self), out);
  for (guint i = 0; i < self->items->len; i++)
    json_array_add_object_element (out, awp_attachment_to_json (((Item *) self->items->pdata[i])->attachment));
  return out;
}
