#include "config.h"

#include <string.h>

#include "awp-uuid.h"

static char *
format_uuid (const guint8 b[16])
{
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static void
fill_random (guint8 *b, gsize n, GRand *rand)
{
  for (gsize i = 0; i < n; i++)
    b[i] = rand ? (guint8) g_rand_int_range (rand, 0, 256) : (guint8) g_random_int_range (0, 256);
}

char *
awp_uuid_v7_at (gint64  unix_ms,
                GRand  *rand)
{
  static GMutex lock;
  static gint64 last_ms = -1;
  static guint counter;
  guint8 b[16];
  guint seq;

  fill_random (b, sizeof b, rand);
  g_mutex_lock (&lock);
  if (unix_ms == last_ms && counter < 0xfff)
    seq = ++counter;
  else
    {
      /* A random start leaves room to count up inside the millisecond. */
      counter = (guint) (b[6] & 0x07) << 8 | b[7];
      seq = counter;
      last_ms = unix_ms;
    }
  g_mutex_unlock (&lock);

  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (unix_ms >> (40 - 8 * i));
  b[6] = (guint8) (0x70 | ((seq >> 8) & 0x0f));
  b[7] = (guint8) (seq & 0xff);
  b[8] = (guint8) (0x80 | (b[8] & 0x3f));
  return format_uuid (b);
}

char *
awp_uuid_v7 (void)
{
  return awp_uuid_v7_at (g_get_real_time () / 1000, NULL);
}

char *
awp_uuid_v4 (void)
{
  guint8 b[16];

  fill_random (b, sizeof b, NULL);
  b[6] = (guint8) (0x40 | (b[6] & 0x0f));
  b[8] = (guint8) (0x80 | (b[8] & 0x3f));
  return format_uuid (b);
}

gboolean
awp_uuid_is_valid (const char *uuid,
                   int         version)
{
  if (uuid == NULL || strlen (uuid) != 36)
    return FALSE;
  for (int i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? uuid[i] != '-' : !(g_ascii_isdigit (uuid[i]) || (uuid[i] >= 'a' && uuid[i] <= 'f')))
        return FALSE;
    }
  if (version != 0 && uuid[14] != '0' + version)
    return FALSE;
  return strchr ("89ab", uuid[19]) != NULL;
}
