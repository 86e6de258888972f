#include "config.h"

#include <glib/gi18n.h>

#include "awp-accreditation.h"
#include "awp-channels-page-private.h"
#include "awp-efficiency-report.h"
#include "awp-i18n.h"
#include "awp-registry.h"
#include "awp-reports-page.h"
#include "awp-state-machine.h"

/* The Reports workspace (Order 118, paras 4-7). The helpers for rows and
 * messages are the Channels workspace's (awp-channels-page-private.h). */

struct _AwpReportsPage
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *paned;
  GtkWidget  *new_button;
  GtkListBox *list;
  GtkBox     *detail;

  /* Owned */
  AwpStore   *store;
  char       *actor;      /* the signed-in user, for the audit log */
  char       *open_id;
  char       *message;
  GHashTable *fields;   /* field → widget (borrowed) */
  guint       refresh_idle;

  /* Borrowed */
  GtkLabel   *message_label;
};

G_DEFINE_FINAL_TYPE (AwpReportsPage, awp_reports_page, GTK_TYPE_WIDGET)

static const char *const kind_keys[] = { "central", "local", NULL };
static const char *const kind_labels[] = {
  N_("Central state body (O118-4)"),
  N_("Local planning body (O118-5)"),
};

/* The body's name in the UI's state language (Russian for English). */
static const char *
body_name (JsonObject *data)
{
  return awp_i18n_pick (data, "body");
}

static void
set_message (AwpReportsPage *self,
             const char     *text,
             gboolean        error)
{
  g_free (self->message);
  self->message = g_strdup (text);
  if (self->message_label == NULL)
    return;
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL && text[0] != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), error ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), error ? "error" : "success");
}

/* An edit makes the last message stale. */
static void
on_edited (AwpReportsPage *self)
{
  if (self->message_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static GtkWidget *
entry_row (AwpReportsPage *self,
           const char     *field,
           const char     *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awp_efficiency_report_field_label (field));
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->fields, g_strdup (field), row);
  return row;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  return g;
}

static GtkWidget *
button (const char *label,
        const char *action,
        const char *css)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  if (css != NULL)
    gtk_widget_add_css_class (b, css);
  return b;
}

static void
begin_detail (AwpReportsPage *self,
              const char     *title)
{
  GtkWidget *label = gtk_label_new (NULL);

  awp_channels_clear_box (self->detail);
  g_hash_table_remove_all (self->fields);
  gtk_box_append (self->detail, awp_channels_heading (title, "title-2"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (self->detail, label);
  self->message_label = GTK_LABEL (label);
}

/* The form for a new report: who reports, for which year. */
static void
show_new_form (AwpReportsPage *self)
{
  GtkWidget *g, *kind, *year, *row, *box;
  GtkStringList *kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_pointer (&self->open_id, g_free);
  begin_detail (self, _("New efficiency report"));
  g = new_group (_("Reporting body and year"),
                 _("A report on the target indicators of the development plan is posted on the efficiency "
                   "portal by 1 March of the year after the reporting year."));
  for (guint i = 0; kind_keys[i] != NULL; i++)
    gtk_string_list_append (kinds, _(kind_labels[i]));
  kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), awp_efficiency_report_field_label ("body_kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  g_hash_table_insert (self->fields, g_strdup ("body_kind"), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "body_kk", NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "body_ru", NULL));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awp_efficiency_report_field_label ("year"));
  year = gtk_spin_button_new_with_range (2020, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), g_date_time_get_year (now) - 1);
  gtk_widget_set_valign (year, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), year);
  g_hash_table_insert (self->fields, g_strdup ("year"), year);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "title", NULL));
  gtk_box_append (self->detail, g);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), button (_("C_reate"), "reports.create", "suggested-action"));
  gtk_box_append (self->detail, box);
}

static void
show_report (AwpReportsPage *self,
             const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = awp_channels_load (self->store, id, "efficiency_report", &error);
  const char *status, *kind;
  g_autofree char *due = NULL;
  g_autofree char *title = NULL;
  GtkWidget *g, *box;
  gboolean confirmed;

  if (data == NULL)
    {
      begin_detail (self, error->message);
      return;
    }
  /* @id may be self->open_id itself. */
  if (id != self->open_id)
    {
      g_free (self->open_id);
      self->open_id = g_strdup (id);
    }
  status = json_object_get_string_member_with_default (data, "status", "draft");
  kind = json_object_get_string_member_with_default (data, "body_kind", "central");
  /* TRANSLATORS: the reporting body, then the reporting year */
  title = g_strdup_printf (_("%s: report for %d"), body_name (data),
                           (int) json_object_get_int_member_with_default (data, "year", 0));
  begin_detail (self, title);
  {
    GtkWidget *state = gtk_label_new (awp_state_label (status));

    gtk_label_set_xalign (GTK_LABEL (state), 0);
    gtk_widget_add_css_class (state, "dim-label");
    gtk_widget_set_name (state, "status");
    gtk_box_insert_child_after (self->detail, state, gtk_widget_get_first_child (GTK_WIDGET (self->detail)));
  }

  g = new_group (_("Deadline"), NULL);
  due = awp_channels_display_date (json_object_get_string_member_with_default (data, "due_on", NULL));
  {
    g_autofree char *line = g_strdup_printf ("%s (%s)", due, g_str_equal (kind, "local") ? "O118-5" : "O118-4");

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Posted by"), line));
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             awp_channels_info_row (awp_efficiency_report_field_label ("body_kk"),
                                                    json_object_get_string_member_with_default (data, "body_kk", "")));
  gtk_box_append (self->detail, g);

  confirmed = json_object_get_boolean_member_with_default (data, "no_restricted_info", FALSE);
  if (g_str_equal (status, "draft"))
    {
      GtkWidget *check = gtk_check_button_new_with_label (
        _("I confirm that the report holds no information with restricted access (O118-6)"));

      g = new_group (_("The report"), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 entry_row (self, "title", json_object_get_string_member_with_default (data, "title", "")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 entry_row (self, "document", json_object_get_string_member_with_default (data, "document", "")));
      gtk_box_append (self->detail, g);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), confirmed);
      gtk_widget_set_name (check, "no_restricted_info");
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->fields, g_strdup ("no_restricted_info"), check);
      gtk_box_append (self->detail, check);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (box), button (_("_Save"), "reports.save", NULL));
      gtk_box_append (GTK_BOX (box), button (_("Re_quest posting from the operator"), "reports.request", "suggested-action"));
      gtk_box_append (self->detail, box);
    }
  else
    {
      g_autofree char *requested = awp_channels_display_date (json_object_get_string_member_with_default (data, "requested_on", NULL));

      g = new_group (_("The report"), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 awp_channels_info_row (awp_efficiency_report_field_label ("title"),
                                                        json_object_get_string_member_with_default (data, "title", "")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 awp_channels_info_row (awp_efficiency_report_field_label ("document"),
                                                        json_object_get_string_member_with_default (data, "document", "")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 awp_channels_info_row (awp_efficiency_report_field_label ("no_restricted_info"),
                                                        confirmed ? _("Confirmed (O118-6)") : "—"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Requested from the operator on"), requested));
      if (json_object_get_boolean_member_with_default (data, "late", FALSE))
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                   awp_channels_info_row (_("Late"), _("The request was sent after the deadline")));
      gtk_box_append (self->detail, g);
      if (g_str_equal (status, "requested"))
        {
          g = new_group (_("Publication"), NULL);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "link", NULL));
          gtk_box_append (self->detail, g);
          box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_box_append (GTK_BOX (box), button (_("Mark as _published"), "reports.publish", "suggested-action"));
          gtk_box_append (self->detail, box);
        }
      else
        {
          const char *link = json_object_get_string_member_with_default (data, "link", "");
          g_autofree char *published = awp_channels_display_date (json_object_get_string_member_with_default (data, "published_on", NULL));
          GtkWidget *link_button = gtk_link_button_new_with_label (link, link);

          g = new_group (_("Publication"), NULL);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Published on"), published));
          gtk_box_append (self->detail, g);
          gtk_widget_set_halign (link_button, GTK_ALIGN_START);
          gtk_box_append (self->detail, link_button);
        }
    }
  /* O118-7: public discussions are Internet conferences. */
  g = new_group (_("Public discussion (O118-7)"),
                 _("A public discussion of the body’s work is held as an Internet conference in the special "
                   "section of the portal; the topics and how often are the body’s choice."));
  gtk_box_append (self->detail, g);
  {
    GtkWidget *conf = gtk_button_new_with_mnemonic (_("Open the _conference editor"));

    gtk_actionable_set_action_target (GTK_ACTIONABLE (conf), "s", "conferences");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (conf), "win.workspace");
    gtk_widget_set_halign (conf, GTK_ALIGN_START);
    gtk_box_append (self->detail, conf);
  }
}

static void
fill_list (AwpReportsPage *self)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) records = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL)
    return;
  records = awp_registry_list_records (self->store, "efficiency_report", NULL, NULL);
  for (guint i = records != NULL ? records->len : 0; i-- > 0;)
    {
      JsonObject *record = g_ptr_array_index (records, i);
      JsonObject *data = json_object_get_object_member (record, "data");
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%" G_GINT64_FORMAT " · %s",
                                                json_object_get_int_member_with_default (data, "year", 0),
                                                body_name (data));
      g_autofree char *due = awp_channels_display_date (json_object_get_string_member_with_default (data, "due_on", NULL));
      const char *status = json_object_get_string_member_with_default (data, "status", "draft");
      /* TRANSLATORS: a status, then the date something is due */
      g_autofree char *subtitle = g_strdup_printf (_("%s · due %s"), awp_state_label (status), due);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_str_equal (status, "published") ? awp_state_label (status) : subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (json_object_get_string_member (record, "id")), g_free);
      gtk_list_box_append (self->list, row);
      if (g_strcmp0 (self->open_id, json_object_get_string_member (record, "id")) == 0)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  AwpReportsPage *self = user_data;

  self->refresh_idle = 0;
  fill_list (self);
  return G_SOURCE_REMOVE;
}

static void
on_record_changed (AwpReportsPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
on_report_activated_cb (AwpReportsPage *self,
                        GtkListBoxRow  *row)
{
  show_report (self, g_object_get_data (G_OBJECT (row), "awp-id"));
}

static const char *
text_of (AwpReportsPage *self,
         const char     *field)
{
  GtkWidget *w = g_hash_table_lookup (self->fields, field);

  return w != NULL ? gtk_editable_get_text (GTK_EDITABLE (w)) : "";
}

static void
done (AwpReportsPage *self,
      gboolean        ok,
      GError         *error,
      const char     *text)
{
  if (!ok)
    {
      set_message (self, error != NULL ? error->message : "", TRUE);
      return;
    }
  show_report (self, self->open_id);
  set_message (self, text, FALSE);
  fill_list (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (widget);

  if (self->store != NULL)
    show_new_form (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (widget);
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkWidget *kind = g_hash_table_lookup (self->fields, "body_kind");
  GtkWidget *year = g_hash_table_lookup (self->fields, "year");

  if (kind == NULL || year == NULL)
    return;
  json_object_set_string_member (data, "body_kind", kind_keys[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), 1)]);
  json_object_set_string_member (data, "body_kk", text_of (self, "body_kk"));
  json_object_set_string_member (data, "body_ru", text_of (self, "body_ru"));
  json_object_set_int_member (data, "year", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (year)));
  json_object_set_string_member (data, "title", text_of (self, "title"));
  id = awp_efficiency_report_create (self->store, data, (self->actor != NULL ? self->actor : g_get_user_name ()), &error);
  if (id == NULL)
    {
      set_message (self, error->message, TRUE);
      return;
    }
  g_free (self->open_id);
  self->open_id = g_steal_pointer (&id);
  done (self, TRUE, NULL, _("The report is created"));
}

static gboolean
save_open (AwpReportsPage  *self,
           GError         **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  GtkWidget *check = g_hash_table_lookup (self->fields, "no_restricted_info");

  json_object_set_string_member (changes, "title", text_of (self, "title"));
  json_object_set_string_member (changes, "document", text_of (self, "document"));
  if (check != NULL)
    json_object_set_boolean_member (changes, "no_restricted_info", gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  return awp_efficiency_report_save (self->store, self->open_id, changes, (self->actor != NULL ? self->actor : g_get_user_name ()), error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->open_id != NULL)
    done (self, save_open (self, &error), error, _("Saved"));
}

static void
request_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->open_id == NULL)
    return;
  ok = save_open (self, &error)
       && awp_efficiency_report_request (self->store, self->open_id, NULL, (self->actor != NULL ? self->actor : g_get_user_name ()), &error);
  done (self, ok, error, _("The request is sent to the operator"));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;

  if (self->open_id == NULL)
    return;
  link = g_strstrip (g_strdup (text_of (self, "link")));
  done (self, awp_efficiency_report_publish (self->store, self->open_id, link, NULL, (self->actor != NULL ? self->actor : g_get_user_name ()), &error),
        error, _("Published"));
}

static void
awp_reports_page_dispose (GObject *object)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_REPORTS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  G_OBJECT_CLASS (awp_reports_page_parent_class)->dispose (object);
}

static void
awp_reports_page_finalize (GObject *object)
{
  AwpReportsPage *self = AWP_REPORTS_PAGE (object);

  g_free (self->open_id);
  g_free (self->message);
  G_OBJECT_CLASS (awp_reports_page_parent_class)->finalize (object);
}

static void
awp_reports_page_class_init (AwpReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_reports_page_dispose;
  object_class->finalize = awp_reports_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpReportsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, AwpReportsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, AwpReportsPage, list);
  gtk_widget_class_bind_template_child (widget_class, AwpReportsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_report_activated_cb);

  gtk_widget_class_install_action (widget_class, "reports.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "reports.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "reports.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reports.request", NULL, request_action);
  gtk_widget_class_install_action (widget_class, "reports.publish", NULL, publish_action);
}

static void
awp_reports_page_init (AwpReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_set_sensitive (self->new_button, FALSE);
  gtk_box_append (self->detail, awp_channels_heading (_("Choose a report on the left or create a new one."), "dim-label"));
}

AwpReportsPage *
awp_reports_page_new (void)
{
  return g_object_new (AWP_TYPE_REPORTS_PAGE, NULL);
}

void
awp_reports_page_set_store (AwpReportsPage *self,
                            AwpStore       *store)
{
  g_return_if_fail (AWP_IS_REPORTS_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->open_id, g_free);
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->new_button, store != NULL);
  fill_list (self);
}

gboolean
awp_reports_page_open (AwpReportsPage  *self,
                       const char      *id,
                       GError         **error)
{
  g_autoptr(JsonObject) data = NULL;

  g_return_val_if_fail (AWP_IS_REPORTS_PAGE (self), FALSE);

  data = awp_channels_load (self->store, id, "efficiency_report", error);
  if (data == NULL)
    return FALSE;
  show_report (self, id);
  fill_list (self);
  return TRUE;
}

GtkWidget *
awp_reports_page_get_field (AwpReportsPage *self,
                            const char     *field)
{
  g_return_val_if_fail (AWP_IS_REPORTS_PAGE (self), NULL);

  return g_hash_table_lookup (self->fields, field);
}

const char *
awp_reports_page_get_message (AwpReportsPage *self)
{
  g_return_val_if_fail (AWP_IS_REPORTS_PAGE (self), NULL);

  return self->message;
}

const char *
awp_reports_page_get_open_id (AwpReportsPage *self)
{
  g_return_val_if_fail (AWP_IS_REPORTS_PAGE (self), NULL);

  return self->open_id;
}

GtkListBox *
awp_reports_page_get_list (AwpReportsPage *self)
{
  g_return_val_if_fail (AWP_IS_REPORTS_PAGE (self), NULL);

  return self->list;
}

void
awp_reports_page_set_actor (AwpReportsPage *self,
                            const char     *actor)
{
  g_return_if_fail (AWP_IS_REPORTS_PAGE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);
}
