#include "config.h"

#include <glib/gi18n.h>

#include "awp-held-changes-dialog.h"
#include "awp-outbox.h"

struct _AwpHeldChangesDialog
{
  AdwWindow parent_instance;

  /* Template Widgets */
  GtkBox   *list;
  GtkLabel *error_label;

  /* Owned References */
  AwpSyncEngine *engine;
  AwpStore      *store;   /* this window's own connection to the engine's file */
};

G_DEFINE_FINAL_TYPE (AwpHeldChangesDialog, awp_held_changes_dialog, ADW_TYPE_WINDOW)

static void rebuild (AwpHeldChangesDialog *self);

/* The server says a code; people read a sentence (docs/api/openapi.yaml). */
static const char *
field_code_text (const char *code)
{
  static const struct { const char *code; const char *text; } texts[] = {
    { "required", N_("is required") },
    { "type", N_("has the wrong kind of value") },
    { "too_long", N_("is too long") },
    { "range", N_("is out of range") },
    { "invalid", N_("is not valid") },
    { "unknown_field", N_("is not known to the server") },
    { "unknown_entity", N_("is a kind of record the server does not know") },
    { "date_order", N_("is out of order with another date") },
    { "deadline", N_("breaks a statutory deadline") },
    { "not_found", N_("refers to a record that does not exist") },
    { "duplicate_id", N_("is already taken") },
    { "forbidden", N_("may not be changed by your account") },
    /* A decision of Order 93 goes to the server whole (docs/sync.md). */
    { "group_refused", N_("was refused with the other changes of the same decision") },
    { "group_incomplete", N_("did not reach the server with the rest of its decision") },
    { "conflict", N_("was changed on the server meanwhile") },
    { "duplicate_entry", N_("already has a Registry entry (O93-5)") },
    { "duplicate_line", N_("is already in the Registry’s history (O93-9)") },
    { "no_entry", N_("has no Registry entry of this application (O93-5)") },
    { "criterion_unmet", N_("is a criterion not found met: an application is accredited only when all three are (O93-4)") },
    { "stale", N_("no longer matches the Registry entry, which reads differently now (O93-11)") },
    { "unanswered_questions", N_("cannot become closed while a citizen’s question is unanswered (Rules No. 145, para. 9)") },
    /* Attachments (docs/sync.md): refused uploads and missing files. */
    { "attachment_missing", N_("names a file the server does not have") },
    { "payload_too_large", N_("is a file larger than the server takes") },
    { "unsupported_type", N_("is a kind of file the server does not take") },
    { "hash_mismatch", N_("is a file that was damaged on this workstation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (texts[i].code, code) == 0)
      return _(texts[i].text);
  return _("was refused");
}

static char *
value_text (JsonNode *n)
{
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (n));
  return json_to_string (n, FALSE);
}

static char *
record_title (JsonObject *data,
              const char *fallback)
{
  static const char *const keys[] = { "subject", "title_ru", "title_kk", "topic", "name", "name_ru", NULL };

  for (guint i = 0; data != NULL && keys[i] != NULL; i++)
    {
      const char *v = json_object_get_string_member_with_default (data, keys[i], NULL);

      if (v != NULL && *v != '\0')
        return g_markup_escape_text (v, -1);
    }
  return g_markup_escape_text (fallback, -1);
}

static void
show_error (AwpHeldChangesDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
after_change (AwpHeldChangesDialog *self,
              gboolean              ok,
              GError               *error)
{
  show_error (self, ok ? NULL : error->message);
  if (ok && self->engine != NULL)
    {
      awp_sync_engine_local_change (self->engine);
      awp_sync_engine_sync_now (self->engine);
    }
  rebuild (self);
}

static void
on_resolve_clicked_cb (GtkButton            *button,
                       AwpHeldChangesDialog *self)
{
  const char *mutation_id = g_object_get_data (G_OBJECT (button), "awp-mutation");
  AwpResolution how = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "awp-how"));
  GPtrArray *rows = g_object_get_data (G_OBJECT (button), "awp-rows");
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (how == AWP_RESOLVE_EDIT && rows != NULL)
    {
      values = json_object_new ();
      for (guint i = 0; i < rows->len; i++)
        {
          GtkEditable *row = rows->pdata[i];
          const char *name = g_object_get_data (G_OBJECT (row), "awp-field");
          const char *text = gtk_editable_get_text (row);
          JsonNode *node = NULL;

          /* Strings stay text; other values are edited as JSON. */
          if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "awp-string")))
            node = json_from_string (text, NULL);
          if (node == NULL)
            {
              node = json_node_new (JSON_NODE_VALUE);
              json_node_set_string (node, text);
            }
          json_object_set_member (values, name, node);
        }
    }
  ok = awp_outbox_resolve_conflict (self->store, mutation_id, how, values, &error);
  after_change (self, ok, error);
}

static void
on_discard_clicked_cb (GtkButton            *button,
                       AwpHeldChangesDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = awp_outbox_discard (self->store, g_object_get_data (G_OBJECT (button), "awp-mutation"), &error);

  after_change (self, ok, error);
}

static void
on_pick_clicked_cb (GtkButton *button,
                    GtkEditable *row)
{
  gtk_editable_set_text (row, g_object_get_data (G_OBJECT (button), "awp-value"));
}

static GtkWidget *
action_button (AwpHeldChangesDialog *self,
               const char           *label,
               const char           *mutation_id,
               int                   how,
               gboolean              suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "awp-mutation", g_strdup (mutation_id), g_free);
  g_object_set_data (G_OBJECT (button), "awp-how", GINT_TO_POINTER (how));
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  if (how >= 0)
    g_signal_connect (button, "clicked", G_CALLBACK (on_resolve_clicked_cb), self);
  else
    g_signal_connect (button, "clicked", G_CALLBACK (on_discard_clicked_cb), self);
  return button;
}

static GtkWidget *
buttons_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 6);
  return box;
}

static void
add_conflict (AwpHeldChangesDialog *self,
              AwpOutboxEntry       *m)
{
  g_autoptr(JsonObject) server = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (self->store, m->entity_id, NULL);
  g_auto(GStrv) fields = NULL;
  JsonObject *mine = record ? json_object_get_object_member (record, "data") : NULL;
  g_autofree char *title = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = buttons_box ();
  gboolean deleted_here = g_str_equal (m->op, "delete");

  if (!awp_outbox_get_conflict (self->store, m->mutation_id, NULL, &server, &fields, NULL))
    return;
  title = record_title (mine ? mine : server, m->entity_id);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (server == NULL || deleted_here)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             server == NULL ? _("Deleted on the server, changed here.")
                                                            : _("Changed on the server, deleted here."));
      gtk_box_append (GTK_BOX (box), action_button (self, server == NULL ? _("_Keep the Record") : _("_Delete It Anyway"),
                                                    m->mutation_id, AWP_RESOLVE_MINE, FALSE));
      gtk_box_append (GTK_BOX (box), action_button (self, server == NULL ? _("_Let It Go") : _("_Keep Their Version"),
                                                    m->mutation_id, AWP_RESOLVE_THEIRS, TRUE));
    }
  else
    {
      GPtrArray *rows = g_ptr_array_new ();
      GtkWidget *apply;

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Changed here and on the server. Choose per field, or write the value."));
      for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
        {
          JsonNode *theirs_node = json_object_get_member (server, fields[i]);
          JsonNode *mine_node = json_object_get_member (m->patch, fields[i]);
          g_autofree char *mine_text = value_text (mine_node);
          g_autofree char *theirs_text = value_text (theirs_node);
          GtkWidget *row = adw_entry_row_new ();
          GtkWidget *pick_mine = gtk_button_new_with_label (_("Mine"));
          GtkWidget *pick_theirs = gtk_button_new_with_label (_("Theirs"));
          gboolean is_string = (mine_node == NULL || (JSON_NODE_HOLDS_VALUE (mine_node)
                                                      && json_node_get_value_type (mine_node) == G_TYPE_STRING))
                               && (theirs_node == NULL || (JSON_NODE_HOLDS_VALUE (theirs_node)
                                                           && json_node_get_value_type (theirs_node) == G_TYPE_STRING));
          g_autofree char *tip = g_strdup_printf (_("Theirs: %s"), theirs_text);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fields[i]);
          gtk_editable_set_text (GTK_EDITABLE (row), mine_text);
          gtk_widget_set_tooltip_text (row, tip);
          g_object_set_data_full (G_OBJECT (row), "awp-field", g_strdup (fields[i]), g_free);
          g_object_set_data (G_OBJECT (row), "awp-string", GINT_TO_POINTER (is_string));
          g_object_set_data_full (G_OBJECT (pick_mine), "awp-value", g_strdup (mine_text), g_free);
          g_object_set_data_full (G_OBJECT (pick_theirs), "awp-value", g_strdup (theirs_text), g_free);
          g_signal_connect (pick_mine, "clicked", G_CALLBACK (on_pick_clicked_cb), row);
          g_signal_connect (pick_theirs, "clicked", G_CALLBACK (on_pick_clicked_cb), row);
          gtk_widget_set_valign (pick_mine, GTK_ALIGN_CENTER);
          gtk_widget_set_valign (pick_theirs, GTK_ALIGN_CENTER);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), pick_mine);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), pick_theirs);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (rows, row);
        }
      gtk_box_append (GTK_BOX (box), action_button (self, _("Take _Theirs"), m->mutation_id, AWP_RESOLVE_THEIRS, FALSE));
      apply = action_button (self, _("_Apply"), m->mutation_id, AWP_RESOLVE_EDIT, TRUE);
      g_object_set_data_full (G_OBJECT (apply), "awp-rows", rows, (GDestroyNotify) g_ptr_array_unref);
      gtk_box_append (GTK_BOX (box), apply);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (self->list, group);
}

static void
add_rejected (AwpHeldChangesDialog *self,
              AwpOutboxEntry       *m)
{
  g_autoptr(JsonObject) record = awp_store_get_record (self->store, m->entity_id, NULL);
  g_autoptr(JsonNode) reasons = m->last_error ? json_from_string (m->last_error, NULL) : NULL;
  g_autofree char *title = record_title (record ? json_object_get_object_member (record, "data") : NULL, m->entity_id);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = buttons_box ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         m->group != NULL
                                         ? _("Refused by the server with the other changes of the same decision. "
                                             "Dropping it drops them all; the server’s copy is shown again.")
                                         : _("Refused by the server. Correct the record and save it again, or drop this change."));
  for (guint i = 0; reasons != NULL && JSON_NODE_HOLDS_ARRAY (reasons)
                    && i < json_array_get_length (json_node_get_array (reasons)); i++)
    {
      JsonNode *n = json_array_get_element (json_node_get_array (reasons), i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *field = o ? json_object_get_string_member_with_default (o, "field", "") : "";
      g_autofree char *escaped = g_markup_escape_text (*field ? field : _("The whole change"), -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   field_code_text (o ? json_object_get_string_member_with_default (o, "code", NULL) : NULL));
      if (o != NULL)
        gtk_widget_set_tooltip_text (row, json_object_get_string_member_with_default (o, "message", NULL));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (box), action_button (self, _("_Drop This Change"), m->mutation_id, -1, FALSE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (self->list, group);
}

static void
rebuild (AwpHeldChangesDialog *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
  if (self->store == NULL)
    return;
  conflicts = awp_outbox_list (self->store, "conflict", NULL);
  rejected = awp_outbox_list (self->store, "rejected", NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    add_conflict (self, conflicts->pdata[i]);
  for (guint i = 0; rejected != NULL && i < rejected->len; i++)
    add_rejected (self, rejected->pdata[i]);
  if ((conflicts == NULL || conflicts->len == 0) && (rejected == NULL || rejected->len == 0))
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Needs a Decision"));
      gtk_box_append (self->list, empty);
    }
}

static void
awp_held_changes_dialog_dispose (GObject *object)
{
  AwpHeldChangesDialog *self = AWP_HELD_CHANGES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_HELD_CHANGES_DIALOG);
  G_OBJECT_CLASS (awp_held_changes_dialog_parent_class)->dispose (object);
}

static void
awp_held_changes_dialog_class_init (AwpHeldChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_held_changes_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-held-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpHeldChangesDialog, list);
  gtk_widget_class_bind_template_child (widget_class, AwpHeldChangesDialog, error_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awp_held_changes_dialog_init (AwpHeldChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AwpHeldChangesDialog *
awp_held_changes_dialog_new (AwpSyncEngine *engine)
{
  AwpHeldChangesDialog *self = g_object_new (AWP_TYPE_HELD_CHANGES_DIALOG, NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AWP_IS_SYNC_ENGINE (engine), self);

  self->engine = g_object_ref (engine);
  self->store = awp_store_open (awp_sync_engine_get_store_path (engine), &error);
  if (self->store == NULL)
    show_error (self, error->message);
  rebuild (self);
  return self;
}
