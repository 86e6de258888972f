#include "config.h"

#include <glib/gi18n.h>

#include "awp-ratings-chart.h"

#define CHART_HEIGHT 240
#define AXIS_HEIGHT  36   /* month labels under the bars */
#define TOP_MARGIN   20   /* the count above the tallest bar */
#define MIN_BAR      18

struct _AwpRatingsChart
{
  GtkWidget  parent_instance;

  GArray    *months;   /* AwpRatingMonth */
};

G_DEFINE_FINAL_TYPE (AwpRatingsChart, awp_ratings_chart, GTK_TYPE_WIDGET)

static void
awp_ratings_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AwpRatingsChart *self = AWP_RATINGS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (240, (int) self->months->len * MIN_BAR);
      *natural = MAX (560, (int) self->months->len * 40);
    }
  else
    *minimum = *natural = CHART_HEIGHT;
}

static void
text_at (GtkWidget   *widget,
         GtkSnapshot *snapshot,
         const char  *text,
         float        center_x,
         float        y,
         const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - w / 2.0f, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* Diagonal stripes over the late part, so it reads without colour. */
static void
hatch (GtkSnapshot           *snapshot,
       const graphene_rect_t *rect,
       const GdkRGBA         *color)
{
  gtk_snapshot_push_clip (snapshot, rect);
  for (float x = rect->origin.x - rect->size.height; x < rect->origin.x + rect->size.width; x += 6)
    for (float d = 0; d < rect->size.height; d += 2)
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x + d, rect->origin.y + rect->size.height - d - 2, 2, 2));
  gtk_snapshot_pop (snapshot);
}

static void
awp_ratings_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AwpRatingsChart *self = AWP_RATINGS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float plot = height - AXIS_HEIGHT - TOP_MARGIN;
  guint n = self->months->len, max = 1, label_every;
  float slot;
  GdkRGBA fg, on_time = { 0.21f, 0.52f, 0.89f, 1 }, late = { 0.88f, 0.11f, 0.14f, 1 }, stripe = { 1, 1, 1, 0.55f };

  if (n == 0 || plot <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint i = 0; i < n; i++)
    {
      AwpRatingMonth *m = &g_array_index (self->months, AwpRatingMonth, i);

      max = MAX (max, m->on_time + m->late);
    }
  slot = (float) width / n;
  /* Month labels thin out when there are many. */
  label_every = slot >= 44 ? 1 : (guint) (44 / slot) + 1;
  /* The axis. */
  gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (0, TOP_MARGIN + plot, width, 1));
  for (guint i = 0; i < n; i++)
    {
      AwpRatingMonth *m = &g_array_index (self->months, AwpRatingMonth, i);
      float x = i * slot + slot * 0.15f, w = slot * 0.7f;
      float h_on = plot * m->on_time / max, h_late = plot * m->late / max;
      float base = TOP_MARGIN + plot;
      graphene_rect_t late_rect = GRAPHENE_RECT_INIT (x, base - h_on - h_late, w, h_late);

      gtk_snapshot_append_color (snapshot, &on_time, &GRAPHENE_RECT_INIT (x, base - h_on, w, h_on));
      gtk_snapshot_append_color (snapshot, &late, &late_rect);
      if (h_late >= 2)
        hatch (snapshot, &late_rect, &stripe);
      if (slot >= 30 && m->on_time + m->late > 0)
        {
          g_autofree char *count = g_strdup_printf ("%u/%u", m->on_time, m->late);

          text_at (widget, snapshot, count, x + w / 2, base - h_on - h_late - 18, &fg);
        }
      if (i % label_every == 0)
        {
          /* "2026-11" → "11.26" keeps the axis short. */
          g_autofree char *label = g_strdup_printf ("%.2s.%.2s", m->month + 5, m->month + 2);

          text_at (widget, snapshot, label, x + w / 2, base + 6, &fg);
        }
    }
}

static void
update_description (AwpRatingsChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->months->len; i++)
    {
      AwpRatingMonth *m = &g_array_index (self->months, AwpRatingMonth, i);

      /* Translators: "2026-11: 12 on time, 2 late; " */
      g_string_append_printf (text, _("%s: %u on time, %u late; "), m->month, m->on_time, m->late);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

void
awp_ratings_chart_set_months (AwpRatingsChart    *self,
                              AwpRatingsOverview *overview)
{
  g_return_if_fail (AWP_IS_RATINGS_CHART (self));

  g_array_set_size (self->months, 0);
  if (overview != NULL)
    g_array_append_vals (self->months, overview->months->data, overview->months->len);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
awp_ratings_chart_get_n_bars (AwpRatingsChart *self)
{
  g_return_val_if_fail (AWP_IS_RATINGS_CHART (self), 0);

  return self->months->len;
}

static void
awp_ratings_chart_finalize (GObject *object)
{
  AwpRatingsChart *self = AWP_RATINGS_CHART (object);

  g_array_unref (self->months);
  G_OBJECT_CLASS (awp_ratings_chart_parent_class)->finalize (object);
}

static void
awp_ratings_chart_class_init (AwpRatingsChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = awp_ratings_chart_finalize;
  widget_class->measure = awp_ratings_chart_measure;
  widget_class->snapshot = awp_ratings_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
awp_ratings_chart_init (AwpRatingsChart *self)
{
  self->months = g_array_new (FALSE, TRUE, sizeof (AwpRatingMonth));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Answers on time and late per month"), -1);
}

GtkWidget *
awp_ratings_chart_new (void)
{
  return g_object_new (AWP_TYPE_RATINGS_CHART, NULL);
}
