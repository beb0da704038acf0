package dev.arrowownership.libraries;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * DuckDB's own {@code ArrowArrayStream} over a query result, before Arrow Java touches it.
 *
 * <p>{@code DuckDBResultSet.arrowExportStream} hands the native stream straight to Arrow Java's
 * importer; this reaches the same package-private native call by reflection, so the conformance
 * tests see DuckDB's own structs and release callbacks. Its signature differs between driver
 * releases: {@code (ByteBuffer resultRef, long batchSize)} up to 1.5.x and {@code (ByteBuffer
 * resultRef, ByteBuffer connRef, long batchSize)} from 2.0; any other is refused by name.
 */
final class DuckDbNativeStream {
  private DuckDbNativeStream() {}

  /**
   * Moves {@code results} into a new native stream of batches of {@code batchSize} rows and returns
   * the stream's address; the caller owns the stream and must release it before closing {@code
   * connection}. The result set is left empty.
   */
  static long export(DuckDBConnection connection, ResultSet results, long batchSize) throws SQLException {
    DuckDBResultSet duckResults = results.unwrap(DuckDBResultSet.class);
    Object resultRef = read(DuckDBResultSet.class, "resultRef", duckResults);
    Method call = streamMethod();
    Object[] arguments = call.getParameterCount() == 2
        ? new Object[] {resultRef, batchSize}
        : new Object[] {resultRef, read(DuckDBConnection.class, "connRef", connection), batchSize};
    try {
      long address = (Long) call.invoke(null, arguments);
      if (address == 0) {
        throw new SQLException("duckdb_jdbc_arrow_stream returned NULL");
      }
      return address;
    } catch (InvocationTargetException e) {
      throw new SQLException("duckdb_jdbc_arrow_stream failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }


  private static Method streamMethod() {
    try {
      Class<?> natives = Class.forName("org.duckdb.DuckDBNative");
      for (Method m : natives.getDeclaredMethods()) {
        Class<?>[] p = m.getParameterTypes();
        boolean known = Arrays.equals(p, new Class<?>[] {ByteBuffer.class, long.class})
            || Arrays.equals(p, new Class<?>[] {ByteBuffer.class, ByteBuffer.class, long.class});
        if (m.getName().equals("duckdb_jdbc_arrow_stream") && known) {
          m.setAccessible(true);
          return m;
        }
      }
      throw new IllegalStateException("this duckdb_jdbc has no duckdb_jdbc_arrow_stream(ByteBuffer[, ByteBuffer],"
          + " long); the conformance tests know driver 1.5.x and 2.0.x: update DuckDbNativeStream");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("org.duckdb.DuckDBNative not found: is duckdb_jdbc on the class path?", e);
    }
  }

  private static Object read(Class<?> type, String name, Object target) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + name
          + " (changed in this duckdb_jdbc?): update DuckDbNativeStream", e);
    }
  }
}
