#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Survey results as the portal reports them, kept in the survey's data:
 *   results: { respondents: N, counts: [ [n, n, …] per question ] }
 * with one count per answer option, in the questions' order (Annex 2).
 * Percentages are of the respondents: a multiple-choice question may sum
 * to more than 100 %. */

typedef struct
{
  char    *question;    /* in the language asked (kk when it is empty) */
  gboolean multiple;
  GPtrArray *options;   /* char *, same fallback */
  GArray  *counts;      /* guint */
  GArray  *percents;    /* double, 0-100 */
} AwpSurveyQuestionResult;

void awp_survey_question_result_free (AwpSurveyQuestionResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpSurveyQuestionResult, awp_survey_question_result_free)

/* Respondents, or 0 when there are no results yet. */
guint      awp_survey_results_respondents (JsonObject  *data);
/* One AwpSurveyQuestionResult per question; NULL with AWP_STORE_ERROR_
 * INVALID naming the field ("results.counts[1]") when the results do not
 * fit the questions; an empty array when there are no results. */
GPtrArray *awp_survey_results_compute     (JsonObject  *data,
                                           const char  *lang,
                                           GError     **error);
/* The results as CSV for spreadsheets of the kk/ru locales: UTF-8 with a
 * byte order mark, ";" between fields, decimal comma, CRLF; a header row
 * in the UI language, then question, option, count, percent per option. */
char      *awp_survey_results_to_csv      (JsonObject  *data,
                                           const char  *lang,
                                           GError     **error);

G_END_DECLS
