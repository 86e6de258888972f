#pragma once

#include "awp-calendar.h"

G_BEGIN_DECLS

/* One day that differs from the plain five-day week. Days are GDate julian
 * numbers: compact, ordered, and weekday = (day - 1) % 7 (0 = Monday). */
typedef struct
{
  guint32  day;
  guint8   kind;     /* AwpDayKind */
  guint32  related;  /* 0 when none */
  char    *name[3];  /* kk, ru, en; NULL for moved and working days */
} AwpSpecialDay;

typedef struct
{
  int      year;
  gint64   version;     /* 0 for a generated year: any data replaces it */
  gboolean provisional;
  char    *source;
  GArray  *days;        /* AwpSpecialDay, sorted by day */
} AwpCalendarYear;

enum { AWP_LANG_KK, AWP_LANG_RU, AWP_LANG_EN, AWP_N_LANGS };

/* Julian day of a date; the ordering of special days (by day, holiday first). */
guint32  awp_julian                 (int              year,
                                     int              month,
                                     int              mday);
int      awp_special_day_compare    (gconstpointer    a,
                                     gconstpointer    b);
void     awp_calendar_year_clear    (AwpCalendarYear *year);
/* Fills @out with @year built from the holiday rules (provisional). */
void     awp_calendar_generate_year (int              year,
                                     AwpCalendarYear *out);
/* Parses a kz-YYYY.json document into @out. */
gboolean awp_calendar_year_parse    (GBytes          *json,
                                     AwpCalendarYear *out,
                                     GError         **error);
/* Index into name[] for the UI language (LANGUAGE / locale), English fallback. */
guint    awp_calendar_lang_index    (void);

static inline guint
awp_day_weekday (guint32 day)
{
  return (day - 1) % 7; /* 0 = Monday … 6 = Sunday */
}

G_END_DECLS
