package dev.idsettle.store.jdbc;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out its delegate's connections through {@code wrap}: how the tests build
 * deliberately broken connections (a lost acknowledgement, a commit acknowledged early).
 */
record WrappingDataSource(DataSource delegate, UnaryOperator<Connection> wrap)
    implements DataSource {

  @Override
  public Connection getConnection() throws SQLException {
    return wrap.apply(delegate.getConnection());
  }

  /** Calls {@code method} on {@code target}, throwing what the method threw. */
  static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not used");
  }

  @Override
  public PrintWriter getLogWriter() {
    return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
