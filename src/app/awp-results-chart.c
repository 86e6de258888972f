#include "config.h"

#include <glib/gi18n.h>

#include "awp-results-chart.h"

#define ROW_HEIGHT   28
#define BAR_HEIGHT   14
#define LABEL_SHARE  0.4   /* of the width, for the option labels */
#define VALUE_WIDTH  120

struct _AwpResultsChart
{
  GtkWidget parent_instance;

  GPtrArray *labels;   /* char * */
  GArray    *counts;   /* guint */
  GArray    *percents; /* double */
};

G_DEFINE_FINAL_TYPE (AwpResultsChart, awp_results_chart, GTK_TYPE_WIDGET)

static char *
value_text (AwpResultsChart *self,
            guint            i)
{
  /* TRANSLATORS: answers to an option and their percent of respondents, "5 (41.7 %)" */
  return g_strdup_printf (_("%u (%.1f %%)"), g_array_index (self->counts, guint, i),
                          g_array_index (self->percents, double, i));
}

static void
awp_results_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AwpResultsChart *self = AWP_RESULTS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 560;
    }
  else
    *minimum = *natural = (int) self->labels->len * ROW_HEIGHT;
}

static void
append_text (GtkSnapshot *snapshot,
             PangoLayout *layout,
             const char  *text,
             int          width,
             float        x,
             float        y,
             const GdkRGBA *color)
{
  int h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - h) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
awp_results_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AwpResultsChart *self = AWP_RESULTS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = (int) (width * LABEL_SHARE);
  int bar_space = MAX (width - label_width - VALUE_WIDTH - 12, 10);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, track, bar;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  track = fg;
  track.alpha = 0.1f;
  /* The libadwaita accent blue, readable on light and dark backgrounds. */
  gdk_rgba_parse (&bar, "#3584e4");
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < self->labels->len; i++)
    {
      float y = (float) (i * ROW_HEIGHT);
      double percent = CLAMP (g_array_index (self->percents, double, i), 0.0, 100.0);
      float bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f;
      g_autofree char *value = value_text (self, i);

      append_text (snapshot, layout, self->labels->pdata[i], label_width - 12, 0, y, &fg);
      gtk_snapshot_append_color (snapshot, &track,
                                 &GRAPHENE_RECT_INIT (label_width, bar_y, bar_space, BAR_HEIGHT));
      if (percent > 0)
        gtk_snapshot_append_color (snapshot, &bar,
                                   &GRAPHENE_RECT_INIT (label_width, bar_y,
                                                        (float) (bar_space * percent / 100.0), BAR_HEIGHT));
      append_text (snapshot, layout, value, VALUE_WIDTH, label_width + bar_space + 12, y, &fg);
    }
}

static void
awp_results_chart_finalize (GObject *object)
{
  AwpResultsChart *self = AWP_RESULTS_CHART (object);

  g_ptr_array_unref (self->labels);
  g_array_unref (self->counts);
  g_array_unref (self->percents);

  G_OBJECT_CLASS (awp_results_chart_parent_class)->finalize (object);
}

static void
awp_results_chart_class_init (AwpResultsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = awp_results_chart_finalize;
  widget_class->measure = awp_results_chart_measure;
  widget_class->snapshot = awp_results_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "awp-results-chart");
}

static void
awp_results_chart_init (AwpResultsChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->percents = g_array_new (FALSE, FALSE, sizeof (double));
}

AwpResultsChart *
awp_results_chart_new (void)
{
  return g_object_new (AWP_TYPE_RESULTS_CHART, NULL);
}

void
awp_results_chart_set_result (AwpResultsChart               *self,
                              const AwpSurveyQuestionResult *result)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (AWP_IS_RESULTS_CHART (self));
  g_return_if_fail (result != NULL);

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->counts, 0);
  g_array_set_size (self->percents, 0);
  for (guint i = 0; i < result->options->len; i++)
    {
      g_autofree char *value = NULL;

      g_ptr_array_add (self->labels, g_strdup (result->options->pdata[i]));
      g_array_append_val (self->counts, g_array_index (result->counts, guint, i));
      g_array_append_val (self->percents, g_array_index (result->percents, double, i));
      value = value_text (self, i);
      /* The bars read out for screen readers: "Yes: 5 (41.7 %)". */
      g_string_append_printf (description, "%s%s: %s", i ? "; " : "", (char *) result->options->pdata[i], value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, result->question,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
awp_results_chart_get_n_bars (AwpResultsChart *self)
{
  g_return_val_if_fail (AWP_IS_RESULTS_CHART (self), 0);

  return self->labels->len;
}
