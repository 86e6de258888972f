#include "config.h"

#include <glib/gi18n.h>

#include "awp-calendar.h"
#include "awp-conference-editor.h"
#include "awp-query-model.h"
#include "awp-state-machine.h"
#include "awp-survey-editor.h"
#include "awp-survey-template.h"
#include "awp-template-check.h"
#include "awp-templates-page.h"

struct _AwpTemplatesPage
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkWidget      *main_box;
  GtkLabel       *list_title;
  GtkWidget      *new_button;
  GtkListBox     *list;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;

  /* Owned */
  char           *kind;
  AwpStore       *store;
  AwpQueryModel  *model;

  /* Borrowed (a child of the stack) */
  GtkWidget      *editor;
};

G_DEFINE_FINAL_TYPE (AwpTemplatesPage, awp_templates_page, GTK_TYPE_WIDGET)

static gboolean
is_conference (AwpTemplatesPage *self)
{
  return g_strcmp0 (self->kind, "conference") == 0;
}

static AwpTemplateForm *
editor_form (AwpTemplatesPage *self)
{
  if (self->editor == NULL)
    return NULL;
  return is_conference (self)
    ? awp_conference_editor_get_form (AWP_CONFERENCE_EDITOR (self->editor))
    : awp_survey_editor_get_form (AWP_SURVEY_EDITOR (self->editor));
}

/* "21.12.2026 – 28.12.2026" from a template's two ISO dates, or NULL. */
static char *
period_text (JsonObject *data,
             const char *from,
             const char *to)
{
  GDate a, b;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (!awp_calendar_parse_date (json_object_get_string_member_with_default (data, from, ""), from, &a, NULL)
      || !awp_calendar_parse_date (json_object_get_string_member_with_default (data, to, ""), to, &b, NULL))
    return NULL;
  x = awp_calendar_format_date (&a);
  y = awp_calendar_format_date (&b);
  return g_strdup_printf ("%s – %s", x, y);
}

/* A row: the name in the user's language (templates of a body often share
 * the start of their Russian subject) and the state with the dates. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AwpTemplatesPage *self = user_data;
  AwpQueueItem *it = item;
  g_autoptr(JsonObject) record = awp_store_get_record (self->store, awp_queue_item_get_id (it), NULL);
  JsonObject *data = record != NULL ? json_object_get_object_member (record, "data") : NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *subject = data != NULL ? awp_template_display_title (data) : "";
  const char *status = awp_queue_item_get_status (it);
  g_autofree char *period = NULL;
  g_autofree char *line = NULL;
  GtkWidget *title, *state;

  if (subject[0] == '\0')
    subject = awp_queue_item_get_subject (it);
  if (data != NULL)
    period = is_conference (self) ? period_text (data, "opens_on", "closes_on")
                                  : period_text (data, "launch_on", "close_on");
  line = period != NULL ? g_strdup_printf ("%s · %s", awp_state_label (status ? status : "draft"), period)
                        : g_strdup (awp_state_label (status ? status : "draft"));
  title = gtk_label_new (subject && subject[0] ? subject : _("Untitled draft"));
  state = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, gtk_label_get_text (GTK_LABEL (title)));
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), state);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (awp_queue_item_get_id (it)), g_free);
  return row;
}

static void
select_id (AwpTemplatesPage *self,
           const char       *id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-id"), id) == 0)
        {
          gtk_list_box_select_row (self->list, row);
          return;
        }
    }
}

/* Rows are remade when a record changes (autosave renames a draft): keep
 * the open template selected. */
static void
on_items_changed (AwpTemplatesPage *self)
{
  AwpTemplateForm *form = editor_form (self);

  if (form != NULL && awp_template_form_get_id (form) != NULL)
    select_id (self, awp_template_form_get_id (form));
}

static void
on_row_activated_cb (AwpTemplatesPage *self,
                     GtkListBoxRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (!awp_templates_page_open (self, g_object_get_data (G_OBJECT (row), "awp-id"), &error))
    g_warning ("Template not opened: %s", error->message);
}

static void
on_new_clicked_cb (AwpTemplatesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awp_templates_page_create (self, &error);

  if (id == NULL)
    g_warning ("Template not created: %s", error->message);
}

static void
awp_templates_page_dispose (GObject *object)
{
  AwpTemplatesPage *self = AWP_TEMPLATES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_TEMPLATES_PAGE);
  self->editor = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awp_templates_page_parent_class)->dispose (object);
}

static void
awp_templates_page_finalize (GObject *object)
{
  AwpTemplatesPage *self = AWP_TEMPLATES_PAGE (object);

  g_free (self->kind);

  G_OBJECT_CLASS (awp_templates_page_parent_class)->finalize (object);
}

static void
awp_templates_page_class_init (AwpTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_templates_page_dispose;
  object_class->finalize = awp_templates_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpTemplatesPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, AwpTemplatesPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, AwpTemplatesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, AwpTemplatesPage, list);
  gtk_widget_class_bind_template_child (widget_class, AwpTemplatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwpTemplatesPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
}

static void
awp_templates_page_init (AwpTemplatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "no-store");
  gtk_widget_set_sensitive (self->new_button, FALSE);
}

AwpTemplatesPage *
awp_templates_page_new (const char *kind)
{
  AwpTemplatesPage *self = g_object_new (AWP_TYPE_TEMPLATES_PAGE, NULL);

  awp_templates_page_set_kind (self, kind);
  return self;
}

void
awp_templates_page_set_kind (AwpTemplatesPage *self,
                             const char       *kind)
{
  g_return_if_fail (AWP_IS_TEMPLATES_PAGE (self));
  g_return_if_fail (g_strcmp0 (kind, "conference") == 0 || g_strcmp0 (kind, "survey") == 0);
  g_return_if_fail (self->kind == NULL);

  self->kind = g_strdup (kind);
  if (is_conference (self))
    {
      self->editor = GTK_WIDGET (awp_conference_editor_new ());
      gtk_label_set_text (self->list_title, _("Conference templates"));
      adw_status_page_set_title (self->empty_page, _("No conference open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose a template on the left or create a new one. An Internet conference "
                                         "template (Rules No. 145, Annex 1) reaches the Operator at least three "
                                         "working days before the opening."));
      gtk_widget_set_tooltip_text (self->new_button, _("New conference template"));
    }
  else
    {
      self->editor = GTK_WIDGET (awp_survey_editor_new ());
      gtk_label_set_text (self->list_title, _("Survey templates"));
      adw_status_page_set_title (self->empty_page, _("No survey open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose a template on the left or create a new one. A survey template "
                                         "(Rules No. 145, Annex 2) reaches the Operator at least three working "
                                         "days before the launch; a survey lasts at least ten working days."));
      gtk_widget_set_tooltip_text (self->new_button, _("New survey template"));
    }
  gtk_stack_add_named (self->stack, self->editor, "editor");
  if (self->store != NULL)
    {
      g_autoptr(AwpStore) store = g_object_ref (self->store);

      g_clear_object (&self->store);
      awp_templates_page_set_store (self, store);
    }
}

void
awp_templates_page_set_store (AwpTemplatesPage *self,
                              AwpStore         *store)
{
  g_return_if_fail (AWP_IS_TEMPLATES_PAGE (self));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  if (self->kind == NULL)
    return;
  if (is_conference (self))
    awp_conference_editor_set_store (AWP_CONFERENCE_EDITOR (self->editor), store);
  else
    awp_survey_editor_set_store (AWP_SURVEY_EDITOR (self->editor), store);
  g_clear_object (&self->model);
  if (store == NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-store");
      gtk_widget_set_sensitive (self->new_button, FALSE);
      return;
    }
  self->model = awp_query_model_new (store, self->kind);
  awp_query_model_set_sort (self->model, AWP_QUEUE_SORT_RECEIVED, TRUE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_sensitive (self->new_button, TRUE);
}

gboolean
awp_templates_page_open (AwpTemplatesPage  *self,
                         const char        *id,
                         GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (AWP_IS_TEMPLATES_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  ok = is_conference (self)
    ? awp_conference_editor_load (AWP_CONFERENCE_EDITOR (self->editor), id, error)
    : awp_survey_editor_load (AWP_SURVEY_EDITOR (self->editor), id, error);
  if (!ok)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "editor");
  select_id (self, id);
  return TRUE;
}

char *
awp_templates_page_create (AwpTemplatesPage  *self,
                           GError           **error)
{
  AwpTemplateForm *form;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *id = NULL;

  g_return_val_if_fail (AWP_IS_TEMPLATES_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  form = editor_form (self);
  awp_template_form_flush (form, NULL);
  /* A survey starts with one question of two options (Annex 2). */
  if (!is_conference (self))
    awp_survey_template_add_question (data);
  id = awp_template_create (self->store, self->kind, data, awp_template_form_get_actor (form), error);
  if (id == NULL || !awp_templates_page_open (self, id, error))
    return NULL;
  return g_steal_pointer (&id);
}

GtkWidget *
awp_templates_page_get_editor (AwpTemplatesPage *self)
{
  g_return_val_if_fail (AWP_IS_TEMPLATES_PAGE (self), NULL);

  return self->editor;
}

GtkListBox *
awp_templates_page_get_list (AwpTemplatesPage *self)
{
  g_return_val_if_fail (AWP_IS_TEMPLATES_PAGE (self), NULL);

  return self->list;
}

void
awp_templates_page_set_actor (AwpTemplatesPage *self,
                              const char       *actor)
{
  AwpTemplateForm *form;

  g_return_if_fail (AWP_IS_TEMPLATES_PAGE (self));

  form = editor_form (self);
  if (form != NULL)
    awp_template_form_set_actor (form, actor);
}
