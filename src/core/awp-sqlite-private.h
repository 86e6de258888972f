#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Statements prepared for one call only (dynamic SQL) are finalized. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Statements borrowed from the store's cache are only reset on scope exit,
 * so a cached statement is never left holding a read transaction open. */
typedef sqlite3_stmt AwpCachedStmt;

static inline void
awp_cached_stmt_release (AwpCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpCachedStmt, awp_cached_stmt_release)

G_END_DECLS
