#pragma once

#include <adwaita.h>

#include "awp-store.h"
#include "awp-template-form.h"

G_BEGIN_DECLS

/* The survey template editor (Rules No. 145, Annex 2): number, category,
 * name kk/ru/en, dates, questions with answer options (add, remove,
 * reorder; single or multiple choice), the live rule checks O145-7 and
 * O145-11, the notice schedule (O145-8.2), autosave, submission, and a
 * per-language preview as the portal would show it. */

#define AWP_TYPE_SURVEY_EDITOR (awp_survey_editor_get_type ())
G_DECLARE_FINAL_TYPE (AwpSurveyEditor, awp_survey_editor, AWP, SURVEY_EDITOR, GtkWidget)

AwpSurveyEditor *awp_survey_editor_new       (void);
void                 awp_survey_editor_set_store (AwpSurveyEditor  *self,
                                                      AwpStore             *store);
gboolean             awp_survey_editor_load      (AwpSurveyEditor  *self,
                                                      const char           *id,
                                                      GError              **error);
/* The shared form machinery (tests pin "today", flush autosave, read issues). */
AwpTemplateForm     *awp_survey_editor_get_form  (AwpSurveyEditor  *self);

/* Tests: the preview's language ("kk", "ru", "en") and whether it shows. */
void                 awp_survey_editor_show_preview (AwpSurveyEditor *self,
                                                     const char      *lang);

/* Shows the results view (counts, percentages, bar charts). */
void                 awp_survey_editor_show_results (AwpSurveyEditor *self);
/* Writes the results as CSV (awp_survey_results_to_csv) to @file. */
gboolean             awp_survey_editor_export_csv   (AwpSurveyEditor  *self,
                                                     GFile            *file,
                                                     GError          **error);
/* Writes the results as an A4 PDF with bars (awp_results_pdf_write) to @file. */
gboolean             awp_survey_editor_export_pdf   (AwpSurveyEditor  *self,
                                                     GFile            *file,
                                                     GError          **error);

G_END_DECLS
