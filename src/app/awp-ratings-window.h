#pragma once

#include <adwaita.h>

#include "awp-ratings.h"

G_BEGIN_DECLS

/* The ratings overview (O145-6), opened from the blog requests queue:
 * likes and dislikes per month over a chosen period, the reasons given for
 * dislikes, and the chart of answers on time vs late per month. */

#define AWP_TYPE_RATINGS_WINDOW (awp_ratings_window_get_type ())
G_DECLARE_FINAL_TYPE (AwpRatingsWindow, awp_ratings_window, AWP, RATINGS_WINDOW, AdwWindow)

typedef enum
{
  AWP_RATINGS_PERIOD_3_MONTHS,
  AWP_RATINGS_PERIOD_12_MONTHS,
  AWP_RATINGS_PERIOD_ALL,
} AwpRatingsPeriod;

AwpRatingsWindow *awp_ratings_window_new        (AwpStore          *store);
void              awp_ratings_window_set_period (AwpRatingsWindow  *self,
                                                 AwpRatingsPeriod   period);
/* What is shown (tests): borrowed, NULL before the first load. */
AwpRatingsOverview *awp_ratings_window_get_overview (AwpRatingsWindow *self);
GtkWidget        *awp_ratings_window_get_chart  (AwpRatingsWindow  *self);
/* TRUE while the figures are counted (in a worker thread). */
gboolean          awp_ratings_window_is_loading (AwpRatingsWindow  *self);

G_END_DECLS
