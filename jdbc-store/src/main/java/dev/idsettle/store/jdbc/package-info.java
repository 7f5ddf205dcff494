/**
 * The ledger in a SQL database: {@link dev.idsettle.store.jdbc.JdbcStore} over a {@link
 * javax.sql.DataSource} you supply, with the schema created or migrated by {@link
 * dev.idsettle.store.jdbc.SchemaMigrator}. H2 (an embedded file database) and PostgreSQL (and
 * databases that speak its dialect) are supported.
 */
@NullMarked
package dev.idsettle.store.jdbc;

import org.jspecify.annotations.NullMarked;
