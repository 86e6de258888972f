#pragma once

#include <glib.h>

#include "awp-calendar.h"
#include "awp-deadline.h"

G_BEGIN_DECLS

/* O605-9: applications to attend an open meeting offline, imported from a
 * spreadsheet (CSV). Columns are found by their header in Kazakh, Russian or
 * English; each row becomes a registration or a list of field errors.
 * Lists that keep the full name in one column (“ФИО”, “Аты-жөні”) are split
 * at spaces: surname, name, and the rest as patronymic. */

#define AWP_REGISTRATION_IMPORT_MAX_BYTES (5 * 1024 * 1024)
#define AWP_REGISTRATION_IMPORT_MAX_ROWS  10000
#define AWP_REGISTRATION_MIN_BIRTH_YEAR   1900

#define AWP_REGISTRATION_IMPORT_ERROR (awp_registration_import_error_quark ())
GQuark awp_registration_import_error_quark (void);

typedef enum
{
  AWP_REGISTRATION_IMPORT_ERROR_TOO_LARGE,       /* over MAX_BYTES or MAX_ROWS */
  AWP_REGISTRATION_IMPORT_ERROR_EMPTY,           /* no header line */
  AWP_REGISTRATION_IMPORT_ERROR_MISSING_COLUMN,  /* a required column has no header */
  AWP_REGISTRATION_IMPORT_ERROR_DUPLICATE_COLUMN,
} AwpRegistrationImportError;

typedef enum
{
  AWP_REGISTRATION_FIELD_SURNAME,
  AWP_REGISTRATION_FIELD_NAME,
  AWP_REGISTRATION_FIELD_PATRONYMIC,
  AWP_REGISTRATION_FIELD_BIRTH_YEAR,
  AWP_REGISTRATION_FIELD_CONTACT,
  AWP_REGISTRATION_FIELD_RECEIVED,  /* optional: when the application arrived */
  AWP_REGISTRATION_FIELD_FULL_NAME, /* “ФИО” in one column, instead of surname and name */
  AWP_REGISTRATION_N_FIELDS,
} AwpRegistrationField;

typedef struct
{
  AwpRegistrationField  field;
  char                 *message;  /* in the UI language, names field and row */
} AwpRegistrationIssue;

typedef struct
{
  guint      row;          /* spreadsheet row (the header is row 1) */
  guint      line;         /* line of the file the row starts on */
  char      *surname;      /* NULL when invalid */
  char      *name;
  char      *patronymic;   /* NULL when absent */
  int        birth_year;   /* 0 when invalid */
  char      *contact;
  GDate      received;     /* invalid when the file has no such column or cell */
  GPtrArray *issues;       /* of AwpRegistrationIssue; empty for a valid row */
  guint      duplicate_of; /* row of the first same person, or 0 */
  gboolean   late;         /* received after the O605-9 cutoff */
} AwpRegistration;

typedef struct
{
  GPtrArray *registrations;  /* of AwpRegistration, file order */
  char       delimiter;
  guint      n_valid;        /* rows without issues */
  guint      n_duplicates;
} AwpRegistrationImport;

void awp_registration_import_free (AwpRegistrationImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpRegistrationImport, awp_registration_import_free)

/* TRUE for a row with no field errors. */
gboolean awp_registration_is_valid (const AwpRegistration *registration);

/* Parses CSV @bytes; birth years after @current_year are refused. Fails
 * for files that cannot be read as a whole; row problems land in the rows. */
AwpRegistrationImport *awp_registration_import_parse (GBytes  *bytes,
                                                      int      current_year,
                                                      GError **error);

/* The last day an application for a meeting on @meeting is on time (O605-9). */
gboolean awp_registration_cutoff (AwpRuleSet   *rules,
                                  AwpCalendar  *calendar,
                                  const GDate  *meeting,
                                  GDate        *cutoff,
                                  GError      **error);

/* Sets `late` on every registration received after the O605-9 cutoff for a
 * meeting on @meeting; returns how many are late, or -1 with @error. */
int      awp_registration_import_mark_late (AwpRegistrationImport *import,
                                            AwpRuleSet            *rules,
                                            AwpCalendar           *calendar,
                                            const GDate           *meeting,
                                            GError               **error);

G_END_DECLS
