#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The survey results (awp_survey_results_compute) as an A4 PDF: the
 * survey's name in @lang (falling back to kk, then ru), the respondents,
 * then per question its options with counts, percentages and a bar each;
 * pages break between options. Errors as awp_survey_results_compute. */
gboolean awp_results_pdf_write (JsonObject  *data,
                                const char  *lang,
                                GFile       *file,
                                GError     **error);

G_END_DECLS
