#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The sync and error wire format shared by the client and awp-server, so
 * both sides encode, parse and merge exactly alike (DESIGN.md §4). */

#define AWP_PROTOCOL_ERROR (awp_protocol_error_quark ())
GQuark awp_protocol_error_quark (void);

typedef enum
{
  AWP_PROTOCOL_ERROR_INVALID_JSON,
  AWP_PROTOCOL_ERROR_TOO_DEEP,
  AWP_PROTOCOL_ERROR_INVALID_MUTATION,
  AWP_PROTOCOL_ERROR_INVALID_CURSOR,
} AwpProtocolError;

/* Deepest nesting of arrays and objects a peer may send. */
#define AWP_PROTOCOL_MAX_DEPTH 32

typedef enum
{
  AWP_MUTATION_CREATE,
  AWP_MUTATION_UPDATE,
  AWP_MUTATION_DELETE,
} AwpMutationOp;

typedef struct
{
  char          *mutation_id;
  char          *entity_type;
  char          *entity_id;
  AwpMutationOp  op;
  gint64         base_version;  /* 0 for a create */
  JsonObject    *patch;         /* changed fields only; never NULL */
  JsonObject    *base_values;   /* prior values of those fields; never NULL */
  char          *group_id;      /* NULL, or the group applied all or none */
  gint64         group_size;    /* the group's number of mutations */
} AwpMutation;

/* The most mutations one group may have (a decision writes three). */
#define AWP_PROTOCOL_MAX_GROUP 100

void         awp_mutation_free        (AwpMutation *mutation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpMutation, awp_mutation_free)

const char  *awp_mutation_op_to_string (AwpMutationOp op);
JsonNode    *awp_mutation_to_json     (const AwpMutation *mutation);
/* Parses one mutation; the error message names the offending member. */
AwpMutation *awp_mutation_from_json   (JsonNode    *node,
                                       GError     **error);

/* Parses @len bytes of UTF-8 JSON, refusing invalid UTF-8 and nesting
 * deeper than @max_depth before json-glib sees it. */
JsonNode    *awp_protocol_parse       (const char  *data,
                                       gssize       len,
                                       guint        max_depth,
                                       GError     **error);

/* Three-way field merge: @server is the current copy, @patch the client's
 * changed fields, @base_values what the client saw before. Fields changed
 * only by the client merge; a field the server changed too is a conflict
 * unless both sides chose the same value. Returns the merged copy, or NULL
 * and the conflicting field names (sorted) in @conflicts. */
JsonObject  *awp_protocol_merge       (JsonObject  *server,
                                       JsonObject  *patch,
                                       JsonObject  *base_values,
                                       GPtrArray  **conflicts);
/* @data with @patch applied (a JSON null in @patch removes the field). */
JsonObject  *awp_protocol_apply_patch (JsonObject  *data,
                                       JsonObject  *patch);

typedef struct
{
  char *field;
  char *code;
  char *message;
} AwpFieldError;

AwpFieldError *awp_field_error_new    (const char *field,
                                       const char *code,
                                       const char *message);
void           awp_field_error_free   (AwpFieldError *error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpFieldError, awp_field_error_free)

/* {"error":{"code","message","fields":[{field,code,message}]}};
 * @fields (of AwpFieldError) may be NULL. */
JsonNode    *awp_protocol_error_build (const char  *code,
                                       const char  *message,
                                       GPtrArray   *fields);
/* Reads an error body; @fields receives AwpFieldError items (may be NULL). */
gboolean     awp_protocol_error_parse (JsonNode    *node,
                                       char       **code,
                                       char       **message,
                                       GPtrArray  **fields);

/* Opaque pull cursors. The empty or NULL cursor means "from the start". */
char        *awp_protocol_cursor_encode (gint64       seq);
gboolean     awp_protocol_cursor_decode (const char  *cursor,
                                         gint64      *seq,
                                         GError     **error);

/* Dates travel as YYYY-MM-DD. */
char        *awp_protocol_format_date   (const GDate *date);

/* One push result, as the client reads it. */
typedef enum
{
  AWP_RESULT_APPLIED,
  AWP_RESULT_CONFLICT,
  AWP_RESULT_REJECTED,
  AWP_RESULT_RETRY,
} AwpResultStatus;

typedef struct
{
  char            *mutation_id;     /* NULL for a mutation without a usable id */
  AwpResultStatus  status;
  gint64           new_version;     /* applied */
  gboolean         merged;          /* applied */
  gint64           server_version;  /* conflict */
  gboolean         server_deleted;  /* conflict */
  JsonObject      *server_data;     /* conflict; NULL when deleted */
  GStrv            fields;          /* conflict: the clashing fields */
  char            *code;            /* rejected */
  GPtrArray       *errors;          /* rejected: AwpFieldError */
} AwpMutationResult;

void               awp_mutation_result_free      (AwpMutationResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpMutationResult, awp_mutation_result_free)
AwpMutationResult *awp_mutation_result_from_json (JsonNode          *node,
                                                  GError           **error);

/* One pulled change. */
typedef struct
{
  char       *entity_type;
  char       *id;
  char       *org_id;
  gint64      version;
  gboolean    deleted;
  JsonObject *data;                /* NULL for a deletion */
  char       *origin_mutation_id;  /* may be NULL */
} AwpChange;

void       awp_change_free      (AwpChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpChange, awp_change_free)
AwpChange *awp_change_from_json (JsonNode  *node,
                                 GError   **error);
/* Reads a pull page: @changes receives AwpChange items. */
gboolean   awp_protocol_parse_changes (JsonNode    *page,
                                       GPtrArray  **changes,
                                       char       **next_cursor,
                                       gboolean    *has_more,
                                       GError     **error);

G_END_DECLS
