#include "config.h"

#include <string.h>

#include "awp-validate.h"

/* The input validators against the facts in shared/kz-facts.md ("IIN and
 * BIN", "Phones", "Kazakh language") and the template fields of O145-A1/A2. Every expected result is written by
 * hand; the IIN/BIN check digits not taken from kz-facts were computed once
 * with a throwaway script following the two-pass rule and are hard-coded. */

#define OK (-1)

/* "Today" for the birth-date checks, fixed so the tests never age. */
static GDate
today (void)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 22, G_DATE_NOVEMBER, 2026);
  return d;
}

static void
check_result (gboolean ok, GError *error, int expect, const char *label, const char *value)
{
  if (expect == OK)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  if (error == NULL || !g_error_matches (error, AWP_VALIDATE_ERROR, expect))
    g_error ("“%s”: expected error code %d, got %s", value ? value : "(null)", expect,
             error ? error->message : "success");
  g_assert_false (ok);
  /* Every message names the field first. */
  g_assert_true (g_str_has_prefix (error->message, label));
}

static const struct { const char *value; int expect; } iin_cases[] = {
  { "901123300258", OK },                            /* kz-facts */
  { "871008401427", OK },                            /* kz-facts */
  { "850415310009", OK },                            /* first pass gives 10, second gives 9 */
  { "040229600001", OK },                            /* 29.02.2004, born in a leap year */
  { "000229500008", OK },                            /* 29.02.2000 (leap: divisible by 400) */
  { "991231100000", OK },                            /* 31.12.1899, century digit 1 */
  { "991231200007", OK },                            /* 31.12.1899, century digit 2 */
  { "000101600008", OK },                            /* 01.01.2000, century digit 6 */
  { "261122500001", OK },                            /* born "today" */
  { "901123300255", AWP_VALIDATE_ERROR_CHECKSUM },   /* kz-facts */
  { "871008401428", AWP_VALIDATE_ERROR_CHECKSUM },
  { "850415310000", AWP_VALIDATE_ERROR_CHECKSUM },   /* second-pass check digit ignored */
  { "821214240092", AWP_VALIDATE_ERROR_CHECKSUM },   /* kz-facts: both passes give 10 */
  { "850415310060", AWP_VALIDATE_ERROR_CHECKSUM },   /* both passes give 10 */
  { "310231400007", AWP_VALIDATE_ERROR_DATE },       /* 31.02.1931 */
  { "050229500007", AWP_VALIDATE_ERROR_DATE },       /* 29.02.2005 */
  { "000229300005", AWP_VALIDATE_ERROR_DATE },       /* 29.02.1900: not a leap year */
  { "851315400008", AWP_VALIDATE_ERROR_DATE },       /* month 13 */
  { "850400300000", AWP_VALIDATE_ERROR_DATE },       /* day 00 */
  { "261123500007", AWP_VALIDATE_ERROR_DATE },       /* 23.11.2026: the day after "today" */
  { "850415000003", AWP_VALIDATE_ERROR_CENTURY },    /* century digit 0 */
  { "850415700008", AWP_VALIDATE_ERROR_CENTURY },    /* 7 */
  { "850415800004", AWP_VALIDATE_ERROR_CENTURY },    /* 8 */
  { "850415900000", AWP_VALIDATE_ERROR_CENTURY },    /* 9 */
  { "90112330025", AWP_VALIDATE_ERROR_FORMAT },      /* 11 digits */
  { "9011233002580", AWP_VALIDATE_ERROR_FORMAT },    /* 13 digits */
  { "", AWP_VALIDATE_ERROR_FORMAT },
  { NULL, AWP_VALIDATE_ERROR_FORMAT },
  { "90112330025a", AWP_VALIDATE_ERROR_FORMAT },
  { "901123-30025", AWP_VALIDATE_ERROR_FORMAT },
  { " 901123300258", AWP_VALIDATE_ERROR_FORMAT },
  { "\xef\xbc\x99" "01123300258", AWP_VALIDATE_ERROR_FORMAT }, /* full-width 9 */
};

static void
test_iin (void)
{
  GDate now = today ();

  for (guint i = 0; i < G_N_ELEMENTS (iin_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = awp_validate_iin (iin_cases[i].value, "IIN", &now, &error);

      check_result (ok, error, iin_cases[i].expect, "IIN", iin_cases[i].value);
    }
}

static void
test_iin_today (void)
{
  g_autoptr(GError) error = NULL;
  GDate before;

  /* NULL means the real today; 1990 is in the past whenever this runs. */
  g_assert_true (awp_validate_iin ("901123300258", "IIN", NULL, &error));
  g_assert_no_error (error);

  /* Born 22.11.2026: fine on that day, in the future the day before. */
  g_date_clear (&before, 1);
  g_date_set_dmy (&before, 21, G_DATE_NOVEMBER, 2026);
  g_assert_false (awp_validate_iin ("261122500001", "IIN", &before, &error));
  g_assert_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "22.11.2026"));
  g_clear_error (&error);

  g_assert_false (awp_validate_iin ("901123300255", "ИИН", NULL, &error));
  g_assert_cmpstr (error->message, ==, "ИИН: the check digit is wrong");
}

static const struct { const char *value; int expect; } bin_cases[] = {
  { "990940003030", OK },                            /* kz-facts */
  { "120640000005", OK },                            /* resident, head office */
  { "120641000000", OK },                            /* branch */
  { "120642000006", OK },                            /* representative office */
  { "120643000001", OK },                            /* peasant farm */
  { "120650000109", OK },                            /* non-resident */
  { "120660000004", OK },                            /* joint individual entrepreneurship */
  { "120640000604", OK },                            /* first pass gives 10, second gives 4 */
  { "990940003031", AWP_VALIDATE_ERROR_CHECKSUM },   /* kz-facts */
  { "120640000630", AWP_VALIDATE_ERROR_CHECKSUM },   /* both passes give 10 */
  { "120630000000", AWP_VALIDATE_ERROR_TYPE },       /* type 3 */
  { "120670000009", AWP_VALIDATE_ERROR_TYPE },       /* type 7 */
  { "120644000007", AWP_VALIDATE_ERROR_TYPE },       /* office digit 4 */
  { "121340000007", AWP_VALIDATE_ERROR_DATE },       /* month 13 */
  { "120040000003", AWP_VALIDATE_ERROR_DATE },       /* month 00 */
  { "99094000303", AWP_VALIDATE_ERROR_FORMAT },
  { "99094000303O", AWP_VALIDATE_ERROR_FORMAT },     /* letter O for zero */
  { NULL, AWP_VALIDATE_ERROR_FORMAT },
};

static void
test_bin (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bin_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = awp_validate_bin (bin_cases[i].value, "BIN", &error);

      check_result (ok, error, bin_cases[i].expect, "BIN", bin_cases[i].value);
    }
}

/* Bare 10 digits are taken as the national number (people often omit the
 * prefix); a bare 7 before 10 digits as +7. */
static const struct { const char *value; int expect; const char *e164; AwpPhoneKind kind; const char *pretty; } phone_cases[] = {
  { "+7 701 123 45 67", OK, "+77011234567", AWP_PHONE_MOBILE, "+7 701 123 45 67" },
  { "87011234567", OK, "+77011234567", AWP_PHONE_MOBILE, "+7 701 123 45 67" },
  { "8 (701) 123-45-67", OK, "+77011234567", AWP_PHONE_MOBILE, "+7 701 123 45 67" },
  { "+77011234567", OK, "+77011234567", AWP_PHONE_MOBILE, "+7 701 123 45 67" },
  { "77011234567", OK, "+77011234567", AWP_PHONE_MOBILE, "+7 701 123 45 67" },
  { "7011234567", OK, "+77011234567", AWP_PHONE_MOBILE, "+7 701 123 45 67" },
  { "+7(7172)123456", OK, "+77172123456", AWP_PHONE_FIXED, "+7 7172 12 34 56" },
  { "8 7172 12-34-56", OK, "+77172123456", AWP_PHONE_FIXED, "+7 7172 12 34 56" },
  { "+7 727 123 45 67", OK, "+77271234567", AWP_PHONE_FIXED, "+7 727 123 45 67" },
  { "8 (7252) 53-00-00", OK, "+77252530000", AWP_PHONE_FIXED, "+7 7252 53 00 00" },
  { "+7 700 000 00 00", OK, "+77000000000", AWP_PHONE_MOBILE, "+7 700 000 00 00" },
  { "+7 702 999 99 99", OK, "+77029999999", AWP_PHONE_MOBILE, "+7 702 999 99 99" },
  { "+7 705 123 45 67", OK, "+77051234567", AWP_PHONE_MOBILE, "+7 705 123 45 67" },
  { "+7 708 123 45 67", OK, "+77081234567", AWP_PHONE_MOBILE, "+7 708 123 45 67" },
  { "+7 747 123 45 67", OK, "+77471234567", AWP_PHONE_MOBILE, "+7 747 123 45 67" },
  { "+7 760 123 45 67", OK, "+77601234567", AWP_PHONE_MOBILE, "+7 760 123 45 67" },
  { "+7 764 123 45 67", OK, "+77641234567", AWP_PHONE_MOBILE, "+7 764 123 45 67" },
  { "+7 771 123 45 67", OK, "+77711234567", AWP_PHONE_MOBILE, "+7 771 123 45 67" },
  { "+7 775 123 45 67", OK, "+77751234567", AWP_PHONE_MOBILE, "+7 775 123 45 67" },
  { "+7 778 123 45 67", OK, "+77781234567", AWP_PHONE_MOBILE, "+7 778 123 45 67" },
  { "+7 785 123 45 67", OK, "+77851234567", AWP_PHONE_MOBILE, "+7 785 123 45 67" },
  { "+7 712 123 45 67", OK, "+77121234567", AWP_PHONE_FIXED, "+7 7121 23 45 67" },
  { "+7 703 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 709 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 765 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 799 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 730 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 600 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 012 123 45 67", AWP_VALIDATE_ERROR_PHONE_CODE },  /* no zone at all */
  { "5123456789", AWP_VALIDATE_ERROR_PHONE_CODE },
  { "+7 912 345 67 89", AWP_VALIDATE_ERROR_FOREIGN },  /* Russian mobile */
  { "8 (495) 123-45-67", AWP_VALIDATE_ERROR_FOREIGN }, /* Moscow */
  { "+7 812 123 45 67", AWP_VALIDATE_ERROR_FOREIGN },  /* St Petersburg */
  { "9123456789", AWP_VALIDATE_ERROR_FOREIGN },
  { "+7 343 123 45 67", AWP_VALIDATE_ERROR_FOREIGN },  /* Yekaterinburg */
  { "+8 701 123 45 67", AWP_VALIDATE_ERROR_FORMAT },
  { "+87011234567", AWP_VALIDATE_ERROR_FORMAT },
  { "+7011234567", AWP_VALIDATE_ERROR_FORMAT },        /* + with 10 digits */
  { "+7 701 123 45 6", AWP_VALIDATE_ERROR_FORMAT },
  { "+7 701 123 45 678", AWP_VALIDATE_ERROR_FORMAT },
  { "+7.701.123.45.67", AWP_VALIDATE_ERROR_FORMAT },
  { "++77011234567", AWP_VALIDATE_ERROR_FORMAT },
  { "7+7011234567", AWP_VALIDATE_ERROR_FORMAT },
  { "07011234567", AWP_VALIDATE_ERROR_FORMAT },
  { "701123456a", AWP_VALIDATE_ERROR_FORMAT },
  { "+7 701 123 45 67 89 01 23", AWP_VALIDATE_ERROR_FORMAT },
  { "", AWP_VALIDATE_ERROR_REQUIRED },
  { "   ", AWP_VALIDATE_ERROR_REQUIRED },
  { NULL, AWP_VALIDATE_ERROR_REQUIRED },
};

static void
test_phone (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = awp_validate_phone (phone_cases[i].value, "Phone", &error);

      check_result (e164 != NULL, error, phone_cases[i].expect, "Phone", phone_cases[i].value);
      if (phone_cases[i].expect == OK)
        {
          g_autofree char *pretty = awp_validate_format_phone (e164);
          g_autofree char *pretty_typed = awp_validate_format_phone (phone_cases[i].value);

          g_assert_cmpstr (e164, ==, phone_cases[i].e164);
          g_assert_cmpint (awp_validate_phone_kind (e164), ==, phone_cases[i].kind);
          g_assert_cmpstr (pretty, ==, phone_cases[i].pretty);
          g_assert_cmpstr (pretty_typed, ==, phone_cases[i].pretty);
        }
      else if (phone_cases[i].value != NULL)
        g_assert_null (awp_validate_format_phone (phone_cases[i].value));
    }
}

static void
test_phone_russian_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = awp_validate_phone ("+7 912 345 67 89", "Phone", &error);

  g_assert_null (e164);
  g_assert_cmpstr (error->message, ==,
                   "Phone: +7 912 is not a Kazakhstan code (it is a number in Russia); "
                   "Kazakhstan numbers start with +7 7");
}

static const struct { const char *value; int expect; } email_cases[] = {
  { "name@example.kz", OK },
  { "first.last@e-gov.kz", OK },
  { "a.b-c+tag@mail.gov.kz", OK },
  { "USER_1@EXAMPLE.KZ", OK },
  { "x@sub2.example.com", OK },
  { "akimat@almaty.қаз", OK },                 /* the Cyrillic .қаз domain */
  { "name.example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "a@b@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@kz", AWP_VALIDATE_ERROR_FORMAT },
  { ".name@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name.@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "na..me@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@example..kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@-example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@example-.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name @example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@example.k", AWP_VALIDATE_ERROR_FORMAT },
  { "name@example.123", AWP_VALIDATE_ERROR_FORMAT },
  { "имя@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "@example.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "name@", AWP_VALIDATE_ERROR_FORMAT },
  { "name@exa\xff" "mple.kz", AWP_VALIDATE_ERROR_FORMAT },
  { "", AWP_VALIDATE_ERROR_REQUIRED },
  { " \t", AWP_VALIDATE_ERROR_REQUIRED },
};

static void
test_email (void)
{
  g_autofree char *long_local = NULL;
  g_autofree char *limit_local = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (email_cases); i++)
    {
      g_autoptr(GError) e = NULL;
      gboolean ok = awp_validate_email (email_cases[i].value, "E-mail", &e);

      check_result (ok, e, email_cases[i].expect, "E-mail", email_cases[i].value);
    }

  /* The local part holds at most 64 characters. */
  limit_local = g_strconcat ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "@example.kz", NULL);
  long_local = g_strconcat ("a", limit_local, NULL);
  g_assert_true (awp_validate_email (limit_local, "E-mail", &error));
  g_assert_no_error (error);
  g_assert_false (awp_validate_email (long_local, "E-mail", &error));
  g_assert_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT);
}

static const struct { const char *text; int expect; const char *iso; } date_cases[] = {
  { "05.01.2026", OK, "2026-01-05" },
  { "5.1.2026", OK, "2026-01-05" },
  { "2026-01-05", OK, "2026-01-05" },
  { " 05.01.2026 ", OK, "2026-01-05" },
  { "29.02.2024", OK, "2024-02-29" },
  { "15.05.1990", OK, "1990-05-15" },
  { "1990-05-15", OK, "1990-05-15" },         /* before the working-day calendar */
  { "31.12.2099", OK, "2099-12-31" },
  { "31.02.2026", AWP_VALIDATE_ERROR_FORMAT },
  { "29.02.2025", AWP_VALIDATE_ERROR_FORMAT },
  { "2026-02-30", AWP_VALIDATE_ERROR_FORMAT },
  { "05.13.2026", AWP_VALIDATE_ERROR_FORMAT },
  { "00.01.2026", AWP_VALIDATE_ERROR_FORMAT },
  { "05/01/2026", AWP_VALIDATE_ERROR_FORMAT },
  { "05.01.26", AWP_VALIDATE_ERROR_FORMAT },
  { "005.01.2026", AWP_VALIDATE_ERROR_FORMAT },
  { "05.01.2026.", AWP_VALIDATE_ERROR_FORMAT },
  { "05..2026", AWP_VALIDATE_ERROR_FORMAT },
  { "2026-1-5", AWP_VALIDATE_ERROR_FORMAT },
  { "tomorrow", AWP_VALIDATE_ERROR_FORMAT },
  { "", AWP_VALIDATE_ERROR_REQUIRED },
  { NULL, AWP_VALIDATE_ERROR_REQUIRED },
};

static void
test_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;
      gboolean ok = awp_validate_date (date_cases[i].text, "Date", &d, &error);

      check_result (ok, error, date_cases[i].expect, "Date", date_cases[i].text);
      if (ok)
        {
          g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d),
                                                  g_date_get_month (&d), g_date_get_day (&d));

          g_assert_cmpstr (iso, ==, date_cases[i].iso);
        }
      else
        g_assert_false (g_date_valid (&d));
    }
}

static const struct { const char *start; const char *end; int expect; } range_cases[] = {
  { "01.03.2026", "31.03.2026", OK },
  { "01.03.2026", "01.03.2026", OK },           /* a one-day range */
  { "31.12.2025", "2026-01-01", OK },
  { "01.03.2026", "28.02.2026", AWP_VALIDATE_ERROR_RANGE_ORDER },
  { "2027-01-01", "31.12.2026", AWP_VALIDATE_ERROR_RANGE_ORDER },
};

static void
test_date_range (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (range_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate s, e;
      gboolean ok;

      g_assert_true (awp_validate_date (range_cases[i].start, "Start", &s, NULL));
      g_assert_true (awp_validate_date (range_cases[i].end, "End", &e, NULL));
      ok = awp_validate_date_range (&s, &e, "Period", &error);
      check_result (ok, error, range_cases[i].expect, "Period", range_cases[i].end);
    }
}

static const struct { const char *value; gboolean required; guint max; int expect; } text_cases[] = {
  { "Сұрау", TRUE, 0, OK },
  { "", FALSE, 10, OK },
  { NULL, FALSE, 10, OK },
  { "", TRUE, 10, AWP_VALIDATE_ERROR_REQUIRED },
  { NULL, TRUE, 10, AWP_VALIDATE_ERROR_REQUIRED },
  { " \t\n", TRUE, 10, AWP_VALIDATE_ERROR_REQUIRED },
  { "\xc2\xa0", TRUE, 10, AWP_VALIDATE_ERROR_REQUIRED },    /* no-break space */
  { "Қазақстан", TRUE, 9, OK },                             /* 9 characters, 18 bytes */
  { "Қазақстан", TRUE, 8, AWP_VALIDATE_ERROR_TOO_LONG },
  { "Әліпби", FALSE, 6, OK },                               /* 6 characters, 12 bytes */
  { "Kazakhstan", TRUE, 9, AWP_VALIDATE_ERROR_TOO_LONG },
  { "ok\xff", FALSE, 0, AWP_VALIDATE_ERROR_FORMAT },
};

static void
test_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = awp_validate_text (text_cases[i].value, "Title", text_cases[i].required,
                                       text_cases[i].max, &error);

      check_result (ok, error, text_cases[i].expect, "Title", text_cases[i].value);
    }
}

static const struct { const char *kk, *ru, *en; int expect; const char *in; } tri_cases[] = {
  { "Сұрау", "Обращение", "Request", OK },
  { "Сұрау", "Обращение", NULL, OK },
  { "Сұрау", "Обращение", "", OK },
  { "", "Обращение", "Request", AWP_VALIDATE_ERROR_REQUIRED, "Kazakh" },
  { NULL, "Обращение", NULL, AWP_VALIDATE_ERROR_REQUIRED, "Kazakh" },
  { "Сұрау", "  ", "Request", AWP_VALIDATE_ERROR_REQUIRED, "Russian" },
  { "Сұрау", "Обращение", "A very long request title", AWP_VALIDATE_ERROR_TOO_LONG, "English" },
  { "Сұрауды тіркеу", "Обращение", NULL, AWP_VALIDATE_ERROR_TOO_LONG, "Kazakh" },
  { "\xc6\x8fлем", "Мир", NULL, AWP_VALIDATE_ERROR_LOOKALIKE, "Kazakh" },  /* Latin Ə */
  { "Әлем", "Oбращение", NULL, AWP_VALIDATE_ERROR_LOOKALIKE, "Russian" },   /* Latin O */
};

static void
test_trilingual (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (tri_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = awp_validate_trilingual (tri_cases[i].kk, tri_cases[i].ru, tri_cases[i].en,
                                             "Title", 12, &error);

      check_result (ok, error, tri_cases[i].expect, "Title", tri_cases[i].kk);
      if (!ok)
        g_assert_nonnull (strstr (error->message, tri_cases[i].in));
    }
}

/* NULL suggestion: nothing to fix. */
static const struct { const char *text; const char *suggestion; } lookalike_cases[] = {
  { "\xc6\x8fлемдік", "Әлемдік" },             /* Latin Ə U+018F */
  { "\xc9\x99ке", "әке" },                     /* Latin ə U+0259 */
  { "\xc6\x9fнер", "Өнер" },                   /* Latin Ɵ U+019F */
  { "\xc9\xb5мір", "өмір" },                   /* Latin ɵ U+0275 */
  { "бiлiм", "білім" },                        /* Latin i */
  { "Iлияс", "Ілияс" },                        /* Latin I */
  { "Обрaщение", "Обращение" },                /* Latin a */
  { "Пpивет", "Привет" },                      /* Latin p */
  { "cтол", "стол" },                          /* Latin c */
  { "Xорошо", "Хорошо" },                      /* Latin X */
  { "yтро", "утро" },                          /* Latin y */
  { "Kазақстан", "Казақстан" },                /* Latin K */
  { "Астана, Ақмoла!", "Астана, Ақмола!" },    /* punctuation kept */
  { "Сұрау e-mail арқылы", NULL },             /* a Latin word of its own */
  { "Microsoft Word", NULL },
  { "Алматы", NULL },
  { "Қазақстан Республикасы", NULL },
  { "2026 жыл", NULL },
  { "", NULL },
  { NULL, NULL },
};

static void
test_lookalike (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lookalike_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = awp_validate_suggest_cyrillic (lookalike_cases[i].text);
      gboolean ok = awp_validate_cyrillic (lookalike_cases[i].text, "Name", &error);

      g_assert_cmpstr (got, ==, lookalike_cases[i].suggestion);
      if (lookalike_cases[i].suggestion == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_LOOKALIKE);
          g_assert_nonnull (strstr (error->message, lookalike_cases[i].suggestion));
          g_assert_true (g_str_has_prefix (error->message, "Name: "));
          /* The suggestion itself is clean. */
          g_assert_null (awp_validate_suggest_cyrillic (got));
        }
    }
}

/* Random bytes and random mixes of digits and separators: every validator
 * answers (no crash, no leak under the sanitizers), errors stay in the
 * domain, and whatever awp_validate_phone() accepts it accepts again unchanged. */
static void
test_garbage (void)
{
  static const char alphabet[] = "0123456789+7 8()-.@aеә\xc6\x8f";
  GDate now = today ();

  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL, e6 = NULL, e7 = NULL;
      g_autofree char *e164 = NULL, *pretty = NULL, *suggestion = NULL;
      char buf[41];
      guint len = g_test_rand_int_range (0, sizeof buf);
      GDate d;

      for (guint k = 0; k < len; k++)
        buf[k] = i % 2 ? (char) g_test_rand_int_range (1, 256)
                       : alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      buf[len] = '\0';

      awp_validate_iin (buf, "IIN", &now, &e1);
      awp_validate_bin (buf, "BIN", &e2);
      e164 = awp_validate_phone (buf, "Phone", &e3);
      pretty = awp_validate_format_phone (buf);
      awp_validate_email (buf, "E-mail", &e4);
      awp_validate_date (buf, "Date", &d, &e5);
      awp_validate_trilingual (buf, buf, buf, "Title", 20, &e6);
      suggestion = awp_validate_suggest_cyrillic (buf);
      awp_validate_cyrillic (buf, "Name", &e7);

      {
        const GError *errors[] = { e1, e2, e3, e4, e5, e6, e7 };

        for (guint k = 0; k < G_N_ELEMENTS (errors); k++)
          g_assert_true (errors[k] == NULL || errors[k]->domain == AWP_VALIDATE_ERROR);
      }
      g_assert_true ((e164 == NULL) == (pretty == NULL));
      if (e164 != NULL)
        {
          g_autofree char *again = awp_validate_phone (e164, "Phone", NULL);

          g_assert_cmpstr (again, ==, e164);
        }
    }
}

int
main (int argc, char *argv[])
{
  /* Untranslated messages: the C locale's English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/iin", test_iin);
  g_test_add_func ("/validate/iin-today", test_iin_today);
  g_test_add_func ("/validate/bin", test_bin);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/phone-russian-message", test_phone_russian_message);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/date", test_date);
  g_test_add_func ("/validate/date-range", test_date_range);
  g_test_add_func ("/validate/text", test_text);
  g_test_add_func ("/validate/trilingual", test_trilingual);
  g_test_add_func ("/validate/lookalike", test_lookalike);
  g_test_add_func ("/validate/garbage", test_garbage);

  return g_test_run ();
}
