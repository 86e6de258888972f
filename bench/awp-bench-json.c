#include "config.h"

#include <json-glib/json-glib.h>

#include "awp-bench.h"

/* How fast json-glib turns a pull page into records: the offline-sync
 * research put it at ~10 µs a record, cheaper than the SQLite write that
 * follows; this keeps that claim measured on our own page shape. */

static char *
make_page (guint n_records)
{
  GString *s = g_string_new ("{\"changes\":[");

  for (guint i = 0; i < n_records; i++)
    g_string_append_printf (s,
                            "%s{\"entity_type\":\"blog_request\",\"id\":\"0190c7a2-0000-7000-8000-%012u\","
                            "\"version\":%u,\"deleted\":false,\"data\":{\"subject\":\"Жол жөндеу туралы сұрау %u\","
                            "\"text\":\"Ауылымыздағы жолды қашан жөндейсіздер? Прошу сообщить сроки ремонта дороги.\","
                            "\"status\":\"received\",\"received_on\":\"2026-03-%02uT10:00:00+05:00\"}}",
                            i == 0 ? "" : ",", i, i + 1, i, 1 + i % 28);
  g_string_append (s, "],\"next_cursor\":\"c1\",\"has_more\":false}");
  return g_string_free (s, FALSE);
}

int
awp_bench_json (int    argc,
                char **argv)
{
  const guint page_size = 1000;
  const guint rounds = 50;
  g_autofree char *page = make_page (page_size);
  gsize len = strlen (page);
  guint64 fields = 0;
  double start, elapsed;

  start = awp_bench_now ();
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonArray *changes;

      if (!json_parser_load_from_data (parser, page, len, NULL))
        return 1;
      changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonObject *data = json_object_get_object_member (change, "data");

          fields += strlen (json_object_get_string_member (data, "subject")) > 0;
          fields += json_object_get_int_member (change, "version") > 0;
        }
    }
  elapsed = awp_bench_now () - start;

  if (fields != (guint64) 2 * page_size * rounds)
    return 1;

  awp_bench_report ("json_page_parse", elapsed / rounds * 1000.0, "ms");
  awp_bench_report ("json_records_per_s", page_size * rounds / elapsed, "records/s");
  awp_bench_report ("json_throughput", len * rounds / elapsed / 1e6, "MB/s");
  return 0;
}
