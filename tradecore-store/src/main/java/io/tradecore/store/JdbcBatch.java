package io.tradecore.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;

/**
 * One statement of many rows sent as a single JDBC batch (or of one row, {@link #update}) on a
 * handle's connection, in the handle's transaction, its parameters bound by position straight to
 * the driver: for the rows a replay writes by the thousand (bars, snapshots, days, daily logs) and
 * the statements each of its orders and fills makes, where binding each value by name through Jdbi
 * cost more than the database's work. Values are bound as Jdbi binds them (text, 64-bit integers,
 * SQL NULL as VARCHAR), so what is stored is the same.
 */
final class JdbcBatch implements AutoCloseable {
  private final String sql;
  private final PreparedStatement statement;
  private int column;
  private int rows;

  private JdbcBatch(String sql, PreparedStatement statement) {
    this.sql = sql;
    this.statement = statement;
  }

  /** A batch of {@code sql}, whose parameters are {@code ?}, on {@code h}'s connection. */
  static JdbcBatch of(Handle h, String sql) {
    try {
      return new JdbcBatch(sql, h.getConnection().prepareStatement(sql));
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Binds the next parameter of the current row to text (NULL for null). */
  JdbcBatch text(String value) {
    return value == null
        ? bind((s, column) -> s.setNull(column, Types.VARCHAR))
        : bind((s, column) -> s.setString(column, value));
  }

  /** Binds the next parameter of the current row to an integer. */
  JdbcBatch integer(long value) {
    return bind((s, column) -> s.setLong(column, value));
  }

  /** Binds the next parameter of the current row to an integer, or NULL (as BIGINT) for null. */
  JdbcBatch integerOrNull(Long value) {
    return value == null
        ? bind((s, column) -> s.setNull(column, Types.BIGINT))
        : integer(value.longValue());
  }

  /** Binds the next parameter of the current row to a 32-bit integer (a Java int column). */
  JdbcBatch integer(int value) {
    return bind((s, column) -> s.setInt(column, value));
  }

  /** How one parameter is set on the statement. */
  private interface Setter {
    void set(PreparedStatement statement, int column) throws SQLException;
  }

  private JdbcBatch bind(Setter setter) {
    try {
      setter.set(statement, ++column);
      return this;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Ends the current row. */
  JdbcBatch add() {
    try {
      statement.addBatch();
      column = 0;
      rows++;
      return this;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Runs the statement once with the parameters bound (no batch); returns the rows it changed. */
  int update() {
    try {
      column = 0;
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Sends the rows added, if any. */
  void execute() {
    if (rows == 0) {
      return;
    }
    try {
      statement.executeBatch();
      rows = 0;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  @Override
  public void close() {
    try {
      statement.close();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private static StoreException failed(String sql, SQLException e) {
    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
    if (cause != e) {
      cause.addSuppressed(e);
    }
    return new StoreException(
        "could not write rows (" + Retrying.reason(cause) + "): " + sql, cause);
  }
}
