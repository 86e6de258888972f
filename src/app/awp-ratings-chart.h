#pragma once

#include <gtk/gtk.h>

#include "awp-ratings.h"

G_BEGIN_DECLS

/* Answers on time vs late per month (O145-5.1 / 5.2), as stacked bars
 * drawn with GtkSnapshot: on time below, late above and hatched (not told
 * by colour alone), the counts written on each bar. Its accessible
 * description says the same in words. */

#define AWP_TYPE_RATINGS_CHART (awp_ratings_chart_get_type ())
G_DECLARE_FINAL_TYPE (AwpRatingsChart, awp_ratings_chart, AWP, RATINGS_CHART, GtkWidget)

GtkWidget *awp_ratings_chart_new        (void);
/* Takes a copy of the months of @overview (NULL: empty). */
void       awp_ratings_chart_set_months (AwpRatingsChart    *self,
                                         AwpRatingsOverview *overview);
guint      awp_ratings_chart_get_n_bars (AwpRatingsChart    *self);

G_END_DECLS
