#include "config.h"

#include <glib/gi18n.h>

#include "awp-ratings.h"
#include "awp-ratings-chart.h"
#include "awp-ratings-window.h"
#include "awp-request-format.h"

struct _AwpRatingsWindow
{
  AdwWindow           parent_instance;

  /* Built in init */
  GtkDropDown        *period;
  GtkLabel           *summary;
  GtkGrid            *months;
  GtkListBox         *reasons;
  AwpRatingsChart    *chart;

  /* Owned */
  AwpStore           *store;
  AwpRatingsOverview *overview;
  GCancellable       *cancellable;   /* the load under way */
};

G_DEFINE_FINAL_TYPE (AwpRatingsWindow, awp_ratings_window, ADW_TYPE_WINDOW)

/* Months and reasons to the left, numbers (and their headings) right. */
static GtkWidget *
cell (const char *text,
      gboolean    heading,
      gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0f : 0.0f);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
section (GtkBox     *box,
         const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (box, label);
  return label;
}

static void show_overview (AwpRatingsWindow *self);

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AwpRatingsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AwpRatingsOverview *overview = awp_ratings_overview_load_finish (AWP_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (overview == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The ratings could not be read: %s"), error->message);

      gtk_label_set_text (self->summary, text);
      return;
    }
  g_clear_pointer (&self->overview, awp_ratings_overview_free);
  self->overview = overview;
  show_overview (self);
}

/* Counted in a worker thread: seconds on a store of a million requests. */
static void
reload (AwpRatingsWindow *self)
{
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  guint period = gtk_drop_down_get_selected (self->period);
  GDate today;

  awp_request_today (&today);
  to = g_strdup_printf ("%04u-%02u", g_date_get_year (&today), g_date_get_month (&today));
  if (period != AWP_RATINGS_PERIOD_ALL)
    {
      GDate start = today;

      g_date_set_day (&start, 1);
      g_date_subtract_months (&start, period == AWP_RATINGS_PERIOD_3_MONTHS ? 2 : 11);
      from = g_strdup_printf ("%04u-%02u", g_date_get_year (&start), g_date_get_month (&start));
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->summary, _("Counting the ratings…"));
  awp_ratings_overview_load_async (self->store, from, to, self->cancellable, on_loaded_cb, g_object_ref (self));
}

static void
show_overview (AwpRatingsWindow *self)
{
  g_autofree char *summary = NULL;
  GtkWidget *child;

  /* Translators: totals of the period (O145-6) */
  summary = g_strdup_printf (_("Likes: %u · Dislikes: %u · Answers on time: %u · Late: %u"),
                             self->overview->likes, self->overview->dislikes,
                             self->overview->on_time, self->overview->late);
  gtk_label_set_text (self->summary, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->months))) != NULL)
    gtk_grid_remove (self->months, child);
  gtk_grid_attach (self->months, cell (_("Month"), TRUE, FALSE), 0, 0, 1, 1);
  gtk_grid_attach (self->months, cell (_("Likes"), TRUE, TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->months, cell (_("Dislikes"), TRUE, TRUE), 2, 0, 1, 1);
  gtk_grid_attach (self->months, cell (_("On time"), TRUE, TRUE), 3, 0, 1, 1);
  gtk_grid_attach (self->months, cell (C_("answers", "Late"), TRUE, TRUE), 4, 0, 1, 1);
  for (guint i = 0; i < self->overview->months->len; i++)
    {
      AwpRatingMonth *m = &g_array_index (self->overview->months, AwpRatingMonth, i);
      guint values[] = { m->likes, m->dislikes, m->on_time, m->late };

      gtk_grid_attach (self->months, cell (m->month, FALSE, FALSE), 0, (int) i + 1, 1, 1);
      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          g_autofree char *text = g_strdup_printf ("%u", values[k]);

          gtk_grid_attach (self->months, cell (text, FALSE, TRUE), (int) k + 1, (int) i + 1, 1, 1);
        }
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons))) != NULL)
    gtk_list_box_remove (self->reasons, child);
  for (guint i = 0; i < self->overview->reasons->len; i++)
    {
      AwpDislikeReason *r = self->overview->reasons->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf ("%u", r->count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->reason[0] ? r->reason : _("No reason given"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cell (count, FALSE, TRUE));
      gtk_list_box_append (self->reasons, row);
    }
  if (self->overview->reasons->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No dislikes in this period"));
      gtk_list_box_append (self->reasons, row);
    }
  awp_ratings_chart_set_months (self->chart, self->overview);
}

static void
awp_ratings_window_dispose (GObject *object)
{
  AwpRatingsWindow *self = AWP_RATINGS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, awp_ratings_overview_free);
  G_OBJECT_CLASS (awp_ratings_window_parent_class)->dispose (object);
}

static void
awp_ratings_window_class_init (AwpRatingsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = awp_ratings_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awp_ratings_window_init (AwpRatingsWindow *self)
{
  static const char *const periods[] = { N_("Last 3 months"), N_("Last 12 months"), N_("All time"), NULL };
  const char *names[4];
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  GtkWidget *legend;

  for (guint i = 0; i < 4; i++)
    names[i] = periods[i] ? g_dgettext (GETTEXT_PACKAGE, periods[i]) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), _("Ratings of answers"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 720);

  self->period = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  gtk_drop_down_set_selected (self->period, AWP_RATINGS_PERIOD_12_MONTHS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period), _("Period"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->period));
  g_signal_connect_swapped (self->period, "notify::selected", G_CALLBACK (reload), self);

  gtk_widget_set_margin_start (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 18);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0f);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_selectable (self->summary, TRUE);
  gtk_box_append (box, GTK_WIDGET (self->summary));

  section (box, _("Answers on time and late per month"));
  self->chart = AWP_RATINGS_CHART (awp_ratings_chart_new ());
  gtk_box_append (box, GTK_WIDGET (self->chart));
  /* Translators: the chart's legend; each bar says "on time/late" */
  legend = gtk_label_new (_("Blue, below: answered on time (O145-5.1, or by the extended date, O145-5.2). "
                            "Red and hatched, on top: answered late. Each bar is labelled “on time/late”."));
  gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend), 0.0f);
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_widget_add_css_class (legend, "caption");
  gtk_box_append (box, legend);

  section (box, _("Likes and dislikes per month (O145-6)"));
  self->months = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->months, 24);
  gtk_grid_set_row_spacing (self->months, 4);
  gtk_grid_set_column_homogeneous (self->months, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->months), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Likes and dislikes per month (O145-6)"), -1);
  gtk_box_append (box, GTK_WIDGET (self->months));

  section (box, _("Reasons given for dislikes"));
  self->reasons = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->reasons, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->reasons), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reasons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reasons given for dislikes"), -1);
  gtk_box_append (box, GTK_WIDGET (self->reasons));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (box));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

AwpRatingsWindow *
awp_ratings_window_new (AwpStore *store)
{
  AwpRatingsWindow *self;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  self = g_object_new (AWP_TYPE_RATINGS_WINDOW, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

void
awp_ratings_window_set_period (AwpRatingsWindow *self,
                               AwpRatingsPeriod  period)
{
  g_return_if_fail (AWP_IS_RATINGS_WINDOW (self));

  gtk_drop_down_set_selected (self->period, period);
}

AwpRatingsOverview *
awp_ratings_window_get_overview (AwpRatingsWindow *self)
{
  g_return_val_if_fail (AWP_IS_RATINGS_WINDOW (self), NULL);

  return self->overview;
}

GtkWidget *
awp_ratings_window_get_chart (AwpRatingsWindow *self)
{
  g_return_val_if_fail (AWP_IS_RATINGS_WINDOW (self), NULL);

  return GTK_WIDGET (self->chart);
}

gboolean
awp_ratings_window_is_loading (AwpRatingsWindow *self)
{
  g_return_val_if_fail (AWP_IS_RATINGS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}
