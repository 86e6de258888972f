#pragma once

#include <gtk/gtk.h>

#include "awp-survey-results.h"

G_BEGIN_DECLS

/* One survey question's results as horizontal bars, drawn with GtkSnapshot:
 * each answer option, its bar (percent of respondents) and "count (percent)". */

#define AWP_TYPE_RESULTS_CHART (awp_results_chart_get_type ())
G_DECLARE_FINAL_TYPE (AwpResultsChart, awp_results_chart, AWP, RESULTS_CHART, GtkWidget)

AwpResultsChart *awp_results_chart_new        (void);
/* Copies what it draws from @result. */
void             awp_results_chart_set_result (AwpResultsChart               *self,
                                               const AwpSurveyQuestionResult *result);
guint            awp_results_chart_get_n_bars (AwpResultsChart               *self);

G_END_DECLS
