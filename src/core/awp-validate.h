#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Input validators shared by the UI, the store and the server. Every error
 * is in the AWP_VALIDATE_ERROR domain and its message starts with the
 * caller's translated field label ("IIN: the check digit is wrong"). They
 * check what the templates ask for: names kk/ru/(en), the moderator's IIN,
 * e-mail and phone (O145-A1, O145-A2), contact details (O605-8, O605-9). */

#define AWP_VALIDATE_ERROR (awp_validate_error_quark ())
GQuark awp_validate_error_quark (void);

typedef enum
{
  AWP_VALIDATE_ERROR_REQUIRED,    /* empty or white space only */
  AWP_VALIDATE_ERROR_TOO_LONG,    /* more characters than allowed */
  AWP_VALIDATE_ERROR_FORMAT,      /* wrong length, non-digits, not an address or date */
  AWP_VALIDATE_ERROR_CHECKSUM,    /* IIN/BIN check digit wrong, or both passes give 10 */
  AWP_VALIDATE_ERROR_CENTURY,     /* IIN 7th digit not 1-6 */
  AWP_VALIDATE_ERROR_DATE,        /* impossible or future birth date, BIN month */
  AWP_VALIDATE_ERROR_TYPE,        /* BIN type or division digit */
  AWP_VALIDATE_ERROR_FOREIGN,     /* +7 3xx/4xx/8xx/9xx: a number in Russia */
  AWP_VALIDATE_ERROR_PHONE_CODE,  /* neither a Kazakhstan mobile nor a city code */
  AWP_VALIDATE_ERROR_RANGE_ORDER, /* end date before start date */
  AWP_VALIDATE_ERROR_LOOKALIKE,   /* Latin look-alikes inside Cyrillic words */
} AwpValidateError;

typedef enum
{
  AWP_PHONE_MOBILE,
  AWP_PHONE_FIXED,
} AwpPhoneKind;

/* IIN: 12 digits, century digit 1-6, a real birth date not after @today
 * (NULL: the current date), check digit with both weight passes. */
gboolean     awp_validate_iin              (const char   *value,
                                            const char   *field_label,
                                            const GDate  *today,
                                            GError      **error);
/* BIN: 12 digits, month 01-12, type digit 4-6, division 0-3, check digit. */
gboolean     awp_validate_bin              (const char   *value,
                                            const char   *field_label,
                                            GError      **error);

/* A Kazakhstan phone as typed ("+7 701 123 45 67", "8 (701) 123-45-67",
 * "87011234567", bare "7011234567") in E.164 ("+77011234567"), or NULL.
 * Only the mobile ranges and the fixed 71x/72x zones pass; +7 3xx/4xx/8xx/9xx
 * (Russia) fails with AWP_VALIDATE_ERROR_FOREIGN. */
char        *awp_validate_phone            (const char   *value,
                                            const char   *field_label,
                                            GError      **error);
/* Mobile or fixed line, for an E.164 value from awp_validate_phone(). */
AwpPhoneKind awp_validate_phone_kind       (const char   *e164);
/* "+7 701 123 45 67", "+7 727 123 45 67", "+7 7172 12 34 56"; NULL when
 * @e164 (or any form awp_validate_phone() takes) is not a valid number. */
char        *awp_validate_format_phone     (const char   *e164);

/* E-mail address: one @, ASCII dot-atom local part (at most 64), a domain of
 * two or more labels (letters of any script, as in .қаз); at most 254 bytes. */
gboolean     awp_validate_email            (const char   *value,
                                            const char   *field_label,
                                            GError      **error);

/* DD.MM.YYYY (also D.M.YYYY) or ISO YYYY-MM-DD into @out; white space
 * around it is ignored; @out is cleared on failure. */
gboolean     awp_validate_date             (const char   *text,
                                            const char   *field_label,
                                            GDate        *out,
                                            GError      **error);
/* @end not before @start (the same day is a valid one-day range). */
gboolean     awp_validate_date_range       (const GDate  *start,
                                            const GDate  *end,
                                            const char   *field_label,
                                            GError      **error);

/* Valid UTF-8, not blank when @required, at most @max_chars characters
 * (0: no limit), counted in characters, not bytes. */
gboolean     awp_validate_text             (const char   *value,
                                            const char   *field_label,
                                            gboolean      required,
                                            guint         max_chars,
                                            GError      **error);
/* kk and ru required (and free of look-alikes), en optional, each within
 * @max_chars; the error names the language ("Title (in Kazakh): …"). */
gboolean     awp_validate_trilingual       (const char   *kk,
                                            const char   *ru,
                                            const char   *en,
                                            const char   *field_label,
                                            guint         max_chars,
                                            GError      **error);

/* @text with the Latin look-alikes inside Cyrillic words replaced by their
 * Cyrillic letters (ə→ә, Ɵ→Ө, i→і, a→а, p→р …); NULL when nothing to fix. */
char        *awp_validate_suggest_cyrillic (const char   *text);
/* FALSE with AWP_VALIDATE_ERROR_LOOKALIKE quoting the suggestion. */
gboolean     awp_validate_cyrillic         (const char   *value,
                                            const char   *field_label,
                                            GError      **error);

G_END_DECLS
